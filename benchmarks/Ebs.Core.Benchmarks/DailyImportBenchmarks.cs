using BenchmarkDotNet.Attributes;
using Ebs.Core.Domain;
using Ebs.Core.Services;
using Ebs.Storage.Sqlite;

namespace Ebs.Core.Benchmarks;

/// <summary>
/// The restic scenario in one process, on a local store of 64-KiB blocks: an image of the
/// scenario's mix (<see cref="MixedImage"/>) imported into an empty store, the same image a day
/// later (1% rewritten in scattered 4-KiB writes, so about 16% of the blocks change) imported
/// into the volume that holds the day before, and the volume read back whole in 16-MiB
/// batches, as an export reads it; against copying the image. Each iteration starts from a
/// store holding the first day's import (made, not measured, in the iteration's setup).
/// </summary>
[MemoryDiagnoser]
[SimpleJob(launchCount: 1, warmupCount: 1, iterationCount: 5)]
[InvocationCount(1)]
public class DailyImportBenchmarks
{
    private const int BlockBytes = 64 << 10;

    private string _root = string.Empty;
    private string _image = string.Empty;
    private string _nextDay = string.Empty;
    private VolumeId _volume;
    private readonly byte[] _batch = new byte[16 << 20];

    [Params(256)]
    public int MiB { get; set; }

    private static EbsOptions Options => new() { BlockSize = BlockBytes };

    private string Store => Path.Combine(_root, "store");

    [GlobalSetup]
    public void Setup()
    {
        _root = Directory.CreateTempSubdirectory("ebs-daily-").FullName;
        _image = Path.Combine(_root, "day0.img");
        _nextDay = Path.Combine(_root, "day1.img");
        MixedImage.Make(_image, (long)MiB << 20, seed: 1);
        File.Copy(_image, _nextDay);
        MixedImage.Change(_nextDay, day: 1);
    }

    [GlobalCleanup]
    public void Cleanup() => Directory.Delete(_root, recursive: true);

    [IterationSetup]
    public void IterationSetup()
    {
        foreach (var folder in new[] { Store, Path.Combine(_root, "fresh") })
        {
            if (Directory.Exists(folder))
            {
                Directory.Delete(folder, recursive: true);
            }
        }

        File.Delete(Path.Combine(_root, "copy.img"));
        _volume = ImportAsync(Store, _image, volume: null).AsTask().GetAwaiter().GetResult();
    }

    [Benchmark(Baseline = true)]
    public void FileCopy() => File.Copy(_nextDay, Path.Combine(_root, "copy.img"));

    /// <summary>The whole image into an empty store.</summary>
    [Benchmark]
    public async Task FreshImport() => await ImportAsync(Path.Combine(_root, "fresh"), _image, volume: null);

    /// <summary>The next day's image into the volume holding the day before: only the changed blocks are new.</summary>
    [Benchmark]
    public async Task DailyImport() => await ImportAsync(Store, _nextDay, _volume);

    /// <summary>The volume read whole, batch by batch, as <c>ebs volume export</c> reads it.</summary>
    [Benchmark]
    public async Task<long> ReadVolume()
    {
        await using var cloud = await LocalDirectory.OpenAsync(Store, Options);
        var ec2 = cloud.Account("111111111111").Ec2("us-east-1");
        var length = (long)MiB << 20;
        for (long offset = 0; offset < length; offset += _batch.Length)
        {
            await ec2.ReadVolumeAsync(new ReadVolumeRequest { VolumeId = _volume, Offset = offset, Destination = _batch.AsMemory(0, (int)Math.Min(_batch.Length, length - offset)) });
        }

        return length;
    }

    private static async ValueTask<VolumeId> ImportAsync(string store, string image, VolumeId? volume)
    {
        await using var cloud = await LocalDirectory.OpenAsync(store, Options);
        var ec2 = cloud.Account("111111111111").Ec2("us-east-1");
        await using var source = new FileStream(image, FileMode.Open, FileAccess.Read, FileShare.Read, bufferSize: 0, FileOptions.SequentialScan | FileOptions.Asynchronous);
        var response = await ec2.ImportVolumeAsync(new ImportVolumeRequest { AvailabilityZone = volume is null ? "us-east-1a" : null, VolumeId = volume, Source = source });
        return response.Volume.VolumeId;
    }
}
