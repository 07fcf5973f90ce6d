using BenchmarkDotNet.Attributes;
using Ebs.Core.Domain;
using Ebs.Core.Services;
using Microsoft.Extensions.Time.Testing;

namespace Ebs.Core.Benchmarks;

/// <summary>
/// Target 1: freezing a volume's changes into a snapshot costs O(changed blocks x depth),
/// whatever the volume size. The same block indexes (random within the first GiB) are
/// rewritten on 1-GiB, 1-TiB and 64-TiB volumes; only <c>CreateSnapshotAsync</c> is timed.
/// </summary>
/// <remarks>
/// 4 KiB blocks keep the setup cheap. The map depth is fixed by the largest possible volume
/// (64 TiB / 4 KiB = 2^34 blocks, 6 levels), so this is the deepest tree the library builds.
/// Each volume already has a snapshot of the same blocks, so the timed one is incremental.
/// One invocation snapshots <see cref="VolumesPerSize"/> volumes of one size (results are per
/// snapshot): a single sub-millisecond snapshot per iteration is too noisy on a shared 2-core box.
/// With one invocation per iteration, the once-per-snapshot code needs about a dozen iterations
/// to reach tier-1 JIT code, hence the long warmup (3 warmups measured tier-0 code).
/// </remarks>
[MemoryDiagnoser]
[SimpleJob(launchCount: 1, warmupCount: 15, iterationCount: 20)]
public class CreateSnapshotBenchmarks
{
    private const int BlockSize = 4096;
    private const long BlocksPerGiB = (1L << 30) / BlockSize;
    private const int VolumesPerSize = 8;

    private readonly byte[] _block = new byte[BlockSize];
    private FakeTimeProvider _time = null!;
    private EbsCloud _cloud = null!;
    private Ec2Client _ec2 = null!;
    private VolumeId[] _volumes = [];
    private long[] _indexes = [];
    private long _round;

    /// <summary>Gets or sets the number of blocks written since the volume's previous snapshot.</summary>
    [Params(100, 1_000, 10_000)]
    public int ChangedBlocks { get; set; }

    /// <summary>Gets or sets where the changed blocks lie: one by one at random, or in runs of 100 as files and databases write.</summary>
    [Params(ChangeLayout.Scattered, ChangeLayout.Clustered)]
    public ChangeLayout Layout { get; set; }

    [GlobalSetup(Target = nameof(Volume1GiB))]
    public void Setup1GiB() => GlobalSetup(1);

    [GlobalSetup(Target = nameof(Volume1TiB))]
    public void Setup1TiB() => GlobalSetup(1024);

    [GlobalSetup(Target = nameof(Volume64TiB))]
    public void Setup64TiB() => GlobalSetup(Ec2Client.MaxVolumeSizeGiB);

    [GlobalCleanup]
    public void GlobalCleanup() => _cloud.Dispose();

    [IterationSetup]
    public void IterationSetup() => Prepare();

    [Benchmark(Baseline = true, OperationsPerInvoke = VolumesPerSize)]
    public ValueTask Volume1GiB() => SnapshotAll();

    [Benchmark(OperationsPerInvoke = VolumesPerSize)]
    public ValueTask Volume1TiB() => SnapshotAll();

    [Benchmark(OperationsPerInvoke = VolumesPerSize)]
    public ValueTask Volume64TiB() => SnapshotAll();

    private async ValueTask SnapshotAll()
    {
        foreach (var volume in _volumes)
        {
            await _ec2.CreateSnapshotAsync(new CreateSnapshotRequest { VolumeId = volume }).ConfigureAwait(false);
        }
    }

    private void GlobalSetup(int sizeGiB)
    {
        _time = new FakeTimeProvider(BenchData.Epoch);
        _cloud = EbsCloud.CreateInMemory(o => { o.BlockSize = BlockSize; o.IdSeed = 1; }, _time);
        _ec2 = _cloud.Account("111111111111").Ec2("us-east-1");
        _indexes = Layout == ChangeLayout.Scattered
            ? BenchData.DistinctSorted(ChangedBlocks, BlocksPerGiB, seed: 42)
            : BenchData.Runs(ChangedBlocks, runLength: 100, BlocksPerGiB, seed: 42);
        _volumes = [.. Enumerable.Range(0, VolumesPerSize).Select(_ => _ec2.CreateVolumeAsync(new CreateVolumeRequest { AvailabilityZone = "us-east-1a", Size = sizeGiB }).AsTask().GetAwaiter().GetResult().Volume.VolumeId)];
        Prepare();
        SnapshotAll().AsTask().GetAwaiter().GetResult();
    }

    /// <summary>
    /// Keeps the state steady across iterations: completes earlier snapshots, keeps only the
    /// newest one of each volume (the parent of the next), and rewrites the changed blocks
    /// with fresh bytes, so no write is a dedup hit and no new map node already exists.
    /// </summary>
    private void Prepare()
    {
        _time.Advance(TimeSpan.FromHours(1));
        foreach (var group in _ec2.DescribeSnapshotsAsync(new()).AsTask().GetAwaiter().GetResult().Snapshots.GroupBy(s => s.VolumeId))
        {
            foreach (var old in group.SkipLast(1))
            {
                _ec2.DeleteSnapshotAsync(new DeleteSnapshotRequest { SnapshotId = old.SnapshotId }).AsTask().GetAwaiter().GetResult();
            }
        }

        _round++;
        for (var v = 0; v < _volumes.Length; v++)
        {
            // Bytes unique to the volume too: equal contents would share map nodes across
            // volumes and make every snapshot after the first nearly free.
            foreach (var index in _indexes)
            {
                BenchData.Stamp(_block, (_round * VolumesPerSize) + v, index);
                _ec2.WriteVolumeAsync(new WriteVolumeRequest { VolumeId = _volumes[v], Writes = [new VolumeWrite(index * BlockSize, _block)] }).AsTask().GetAwaiter().GetResult();
            }
        }
    }
}
