using BenchmarkDotNet.Attributes;
using Ebs.Core.Services;
using Ebs.Storage.Sqlite;

namespace Ebs.Core.Benchmarks;

/// <summary>
/// Importing a raw disk image into the durable local directory (one commit per 16-MiB batch,
/// each made durable before its state) against copying the same file on the same disk
/// (which stays in the page cache), against the copy flushed to disk, and against writing
/// the image's blocks into one new file each with nothing else (no hash, flush or rename):
/// the floor of any store that keeps a file per chunk. Images of random bytes, fully written
/// or with half their blocks zero, as disk images usually have.
/// Target: at least 50% of the copy's throughput.
/// </summary>
[MemoryDiagnoser]
[SimpleJob(launchCount: 1, warmupCount: 1, iterationCount: 5)]
[InvocationCount(1)]
public class ImportBenchmarks
{
    private const int BlockBytes = 512 << 10;

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

    /// <summary>Each 512-KiB block of the image written to a new file of its own, unflushed: what one file per chunk costs before anything else.</summary>
    [Benchmark]
    public void WriteFilePerBlock()
    {
        var folder = Directory.CreateDirectory(Path.Combine(_root, "store")).FullName;
        var buffer = new byte[16 << 20];
        using var source = File.OpenHandle(_image, FileMode.Open, FileAccess.Read, FileShare.Read, FileOptions.SequentialScan);
        long offset = 0;
        int read;
        while ((read = RandomAccess.Read(source, buffer, offset)) > 0)
        {
            for (var position = 0; position < read; position += BlockBytes)
            {
                var block = buffer.AsSpan(position, Math.Min(BlockBytes, read - position));
                if (ZeroPercent == 0 || block.ContainsAnyExcept((byte)0))
                {
                    using var file = File.OpenHandle(Path.Combine(folder, $"{offset + position:x12}"), FileMode.CreateNew, FileAccess.Write);
                    RandomAccess.Write(file, block, 0);
                }
            }

            offset += read;
        }
    }

    [Benchmark]
    public async Task ImportIntoLocalDirectory()
    {
        await using var cloud = await LocalDirectory.OpenAsync(Path.Combine(_root, "store"), new EbsOptions());
        var ec2 = cloud.Account("111111111111").Ec2("us-east-1");
        await using var source = new FileStream(_image, FileMode.Open, FileAccess.Read, FileShare.Read, bufferSize: 0, FileOptions.SequentialScan | FileOptions.Asynchronous);
        await ec2.ImportVolumeAsync(new ImportVolumeRequest { AvailabilityZone = "us-east-1a", Source = source });
    }
}
