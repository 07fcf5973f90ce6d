using BenchmarkDotNet.Attributes;
using Ebs.Core.Domain;
using Ebs.Core.Services;
using Ebs.Storage.Sqlite;
using Microsoft.Extensions.Time.Testing;

namespace Ebs.Core.Benchmarks;

/// <summary>
/// Opening a large local directory for one command, against opening an empty one: a volume of
/// <see cref="Blocks"/> written blocks and ten daily snapshots of it, each after rewriting 1%
/// of the blocks at scattered places (the block maps of a store of that many 512-KiB blocks:
/// 20,480 blocks is a 10-GiB volume). The store uses 4-KiB blocks and repeats 4,099 distinct
/// block contents, so that it is large in blocks and block-map nodes without gigabytes of
/// chunk files; opening reads neither. A read-only command (describing the volumes) must not
/// pay for the store's size; the first write pays once for recounting the references.
/// Target: a 10-GiB store opens for a read-only command in at most 100 ms.
/// </summary>
[MemoryDiagnoser]
[SimpleJob(launchCount: 1, warmupCount: 2, iterationCount: 10)]
[InvocationCount(1)]
public class OpenStoreBenchmarks
{
    private const int BlockBytes = 4096;
    private const int DistinctContents = 4099; // prime, so that leaves of 64 blocks do not repeat each other
    private const int Days = 10;

    private static readonly EbsOptions Options = new() { BlockSize = BlockBytes };

    private readonly FakeTimeProvider _time = new(BenchData.Epoch);
    private string _root = string.Empty;

    /// <summary>Written blocks of the volume: 20,480 are 10 GiB of 512-KiB blocks.</summary>
    [Params(20480)]
    public int Blocks { get; set; }

    private string Empty => Path.Combine(_root, "empty");

    private string Large => Path.Combine(_root, "large");

    [GlobalSetup]
    public void Setup()
    {
        _root = Directory.CreateTempSubdirectory("ebs-open-").FullName;
        BuildAsync().AsTask().GetAwaiter().GetResult();
    }

    [GlobalCleanup]
    public void Cleanup() => Directory.Delete(_root, recursive: true);

    [Benchmark(Baseline = true)]
    public Task<int> OpenEmptyForRead() => OpenAndDescribeAsync(Empty);

    [Benchmark]
    public Task<int> OpenLargeForRead() => OpenAndDescribeAsync(Large);

    /// <summary>Opens the large store and tags its volume: the first write recounts every reference.</summary>
    [Benchmark]
    public async Task OpenLargeForWrite()
    {
        await using var cloud = await LocalDirectory.OpenExistingAsync(Large, Options, _time);
        var ec2 = cloud.Account("111111111111").Ec2("us-east-1");
        var volume = (await ec2.DescribeVolumesAsync(new DescribeVolumesRequest())).Volumes[0].VolumeId;
        await ec2.CreateTagsAsync(new CreateTagsRequest { Resources = [volume], Tags = [new Tag("day", "10")] });
    }

    private async Task<int> OpenAndDescribeAsync(string path)
    {
        await using var cloud = await LocalDirectory.OpenExistingAsync(path, Options, _time);
        return (await cloud.Account("111111111111").Ec2("us-east-1").DescribeVolumesAsync(new DescribeVolumesRequest())).Volumes.Count;
    }

    private async ValueTask BuildAsync()
    {
        await using (var empty = await LocalDirectory.OpenAsync(Empty, Options, _time))
        {
            await empty.Account("111111111111").Ec2("us-east-1").CreateVolumeAsync(new CreateVolumeRequest { AvailabilityZone = "us-east-1a", Size = 1 });
        }

        await using var cloud = await LocalDirectory.OpenAsync(Large, Options, _time);
        var ec2 = cloud.Account("111111111111").Ec2("us-east-1");
        var size = Math.Max(1, (int)(((long)Blocks * BlockBytes) >> 30));
        var volume = (await ec2.CreateVolumeAsync(new CreateVolumeRequest { AvailabilityZone = "us-east-1a", Size = size })).Volume.VolumeId;
        const int BatchBlocks = 4096;
        var batch = new byte[BatchBlocks * BlockBytes];
        for (var first = 0; first < Blocks; first += BatchBlocks)
        {
            var count = Math.Min(BatchBlocks, Blocks - first);
            for (var i = 0; i < count; i++)
            {
                BenchData.Stamp(batch.AsSpan(i * BlockBytes, BlockBytes), 0, (first + i) % DistinctContents);
            }

            await ec2.WriteVolumeAsync(new WriteVolumeRequest { VolumeId = volume, Writes = [new VolumeWrite((long)first * BlockBytes, batch.AsMemory(0, count * BlockBytes))] });
        }

        await SnapshotAsync(ec2, volume);
        for (var day = 1; day < Days; day++)
        {
            var changed = BenchData.DistinctSorted(Blocks / 100, Blocks, seed: day);
            var writes = new List<VolumeWrite>(changed.Length);
            foreach (var block in changed)
            {
                var bytes = new byte[BlockBytes];
                BenchData.Stamp(bytes, day, block);
                writes.Add(new VolumeWrite(block * BlockBytes, bytes));
            }

            await ec2.WriteVolumeAsync(new WriteVolumeRequest { VolumeId = volume, Writes = writes });
            await SnapshotAsync(ec2, volume);
        }
    }

    private async ValueTask SnapshotAsync(Ec2Client ec2, VolumeId volume)
    {
        await ec2.CreateSnapshotAsync(new CreateSnapshotRequest { VolumeId = volume });
        _time.Advance(TimeSpan.FromHours(1));
        await ec2.DescribeSnapshotsAsync(new DescribeSnapshotsRequest()); // completes it now, not when a measured open applies due work
    }
}
