using BenchmarkDotNet.Attributes;
using Ebs.Cli.Transfer;
using Ebs.Core.Services;
using Ebs.Storage.Sqlite;

namespace Ebs.Core.Benchmarks;

/// <summary>
/// Importing a raw disk image into the durable local directory (one commit per 16-MiB batch,
/// each made durable before its state) against copying the same file on the same disk
/// (which stays in the page cache), and against the copy flushed to disk. Images of random
/// bytes, fully written or with half their blocks zero, as disk images usually have.
/// Target: at least 50% of the copy's throughput.
/// </summary>
[MemoryDiagnoser]
[SimpleJob(launchCount: 1, warmupCount: 1, iterationCount: 5)]
[InvocationCount(1)]
public class ImportBenchmarks
{
    private string _root = string.Empty;
    private string _image = string.Empty;

    [Params(256, 1024)]
    public int MiB { get; set; }

    /// <summary>Percent of the image's 512-KiB blocks that are all zeros (written, not sparse), spread evenly.</summary>
    [Params(0, 50)]
    public int ZeroPercent { get; set; }

    [GlobalSetup]
    public void Setup()
    {
        _root = Directory.CreateTempSubdirectory("ebs-import-").FullName;
        _image = Path.Combine(_root, "disk.img");
        var block = new byte[512 << 10];
        var random = new Random(1);
        using var file = File.Create(_image);
        for (var i = 0; i < MiB * 2; i++)
        {
            if (i * ZeroPercent % 100 >= ZeroPercent)
            {
                random.NextBytes(block);
            }
            else
            {
                Array.Clear(block);
            }

            file.Write(block);
        }
    }

    [GlobalCleanup]
    public void Cleanup() => Directory.Delete(_root, recursive: true);

    [IterationCleanup]
    public void IterationCleanup()
    {
        File.Delete(Path.Combine(_root, "copy.img"));
        if (Directory.Exists(Path.Combine(_root, "store")))
        {
            Directory.Delete(Path.Combine(_root, "store"), recursive: true);
        }
    }

    [Benchmark(Baseline = true)]
    public void FileCopy() => File.Copy(_image, Path.Combine(_root, "copy.img"));

    /// <summary>The same copy made durable, as the import is: what the disk allows when data must reach it.</summary>
    [Benchmark]
    public void FileCopyFlushed()
    {
        var copy = Path.Combine(_root, "copy.img");
        File.Copy(_image, copy);
        using var file = new FileStream(copy, FileMode.Open, FileAccess.ReadWrite);
        file.Flush(flushToDisk: true);
    }

    [Benchmark]
    public async Task ImportIntoLocalDirectory()
    {
        await using var cloud = await LocalDirectory.OpenAsync(Path.Combine(_root, "store"), new EbsOptions());
        var ec2 = cloud.Account("111111111111").Ec2("us-east-1");
        var volume = await ec2.CreateVolumeAsync(new CreateVolumeRequest { AvailabilityZone = "us-east-1a", SizeGiB = Math.Max(1, MiB >> 10) });
        await using var source = new FileStream(_image, FileMode.Open, FileAccess.Read, FileShare.Read, bufferSize: 0, FileOptions.SequentialScan | FileOptions.Asynchronous);
        await DiskImage.ImportAsync(source, ec2, volume.Id, cloud.BlockSize, fresh: true, _ => { }, CancellationToken.None);
    }
}
