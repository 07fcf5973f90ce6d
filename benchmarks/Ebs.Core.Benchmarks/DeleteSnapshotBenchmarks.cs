using BenchmarkDotNet.Attributes;
using Ebs.Core.Domain;
using Ebs.Core.Services;
using Microsoft.Extensions.Time.Testing;

namespace Ebs.Core.Benchmarks;

/// <summary>
/// Target 3: deleting a snapshot cascades only through the nodes and chunks whose count
/// reaches zero, O(unique), while a mark-and-sweep scrub walks every live root, O(store).
/// A 10,000-block volume (4 KiB blocks) gets a chain of <see cref="ChainLength"/> snapshots;
/// before each snapshot after the first, the same 100 scattered blocks are rewritten, so
/// every snapshot owns exactly 100 unique blocks (1%). The middle snapshot is deleted.
/// </summary>
/// <remarks>
/// One invocation works on <see cref="ChainsPerInvoke"/> separate clouds, each holding one
/// chain (results are per cloud): a single ~1 ms delete per iteration is too noisy on a shared
/// 2-core box. Both methods run one invocation per iteration, because the delete needs fresh
/// chains each time; giving the scrub the same job is what lets BenchmarkDotNet compute the ratio.
/// The long warmup lets the once-per-call code reach tier-1 JIT code before measuring.
/// </remarks>
[MemoryDiagnoser]
[SimpleJob(launchCount: 1, warmupCount: 15, iterationCount: 20)]
[InvocationCount(1)]
public class DeleteSnapshotBenchmarks
{
    private const int BlockSize = 4096;
    private const int VolumeBlocks = 10_000;
    private const int UniqueBlocksPerSnapshot = VolumeBlocks / 100;
    private const int ChainsPerInvoke = 4;

    private readonly long[] _hot = BenchData.DistinctSorted(UniqueBlocksPerSnapshot, VolumeBlocks, seed: 3);
    private readonly Chain[] _chains = new Chain[ChainsPerInvoke];

    /// <summary>Gets or sets the number of snapshots in the chain.</summary>
    [Params(25, 100)]
    public int ChainLength { get; set; }

    /// <summary>The scrub only reads, so the same chains serve every iteration.</summary>
    [GlobalSetup(Target = nameof(ScrubStore))]
    public void SetupScrub()
    {
        BuildChains();
        foreach (var chain in _chains)
        {
            if (!chain.Cloud.ScrubAsync().AsTask().GetAwaiter().GetResult().IsClean)
            {
                throw new InvalidOperationException("The chain's reference counts disagree with a scrub.");
            }
        }
    }

    /// <summary>A delete changes the chain, so each iteration deletes from freshly built ones.</summary>
    [IterationSetup(Target = nameof(DeleteMiddleSnapshot))]
    public void SetupDelete() => BuildChains();

    [GlobalCleanup]
    public void GlobalCleanup() => DisposeChains();

    /// <summary>Full mark-and-sweep from every live root (<c>EbsCloud.ScrubAsync</c>): what recomputing the counts costs.</summary>
    [Benchmark(Baseline = true, OperationsPerInvoke = ChainsPerInvoke)]
    public async ValueTask ScrubStore()
    {
        foreach (var chain in _chains)
        {
            await chain.Cloud.ScrubAsync().ConfigureAwait(false);
        }
    }

    [Benchmark(OperationsPerInvoke = ChainsPerInvoke)]
    public async ValueTask DeleteMiddleSnapshot()
    {
        foreach (var chain in _chains)
        {
            await chain.Ec2.DeleteSnapshotAsync(new DeleteSnapshotRequest { SnapshotId = chain.Middle }).ConfigureAwait(false);
        }
    }

    private void BuildChains()
    {
        DisposeChains();
        for (var i = 0; i < _chains.Length; i++)
        {
            _chains[i] = BuildChain();
        }
    }

    private void DisposeChains()
    {
        foreach (var chain in _chains)
        {
            chain?.Cloud.Dispose();
        }
    }

    private Chain BuildChain()
    {
        var time = new FakeTimeProvider(BenchData.Epoch);
        var cloud = EbsCloud.CreateInMemory(o => { o.BlockSize = BlockSize; o.IdSeed = 1; }, time);
        var ec2 = cloud.Account("111111111111").Ec2("us-east-1");
        var volume = ec2.CreateVolumeAsync(new CreateVolumeRequest { AvailabilityZone = "us-east-1a", Size = 1 }).AsTask().GetAwaiter().GetResult().Volume.VolumeId;

        var image = new byte[VolumeBlocks * BlockSize];
        for (var i = 0; i < VolumeBlocks; i++)
        {
            BenchData.Stamp(image.AsSpan(i * BlockSize, BlockSize), 0, i);
        }

        ec2.WriteVolumeAsync(new WriteVolumeRequest { VolumeId = volume, Writes = [new VolumeWrite(0, image)] }).AsTask().GetAwaiter().GetResult();
        var block = new byte[BlockSize];
        var snapshots = new List<SnapshotId>(ChainLength);
        for (var round = 0; round < ChainLength; round++)
        {
            if (round > 0)
            {
                foreach (var index in _hot)
                {
                    BenchData.Stamp(block, round, index);
                    ec2.WriteVolumeAsync(new WriteVolumeRequest { VolumeId = volume, Writes = [new VolumeWrite(index * BlockSize, block)] }).AsTask().GetAwaiter().GetResult();
                }
            }

            snapshots.Add(ec2.CreateSnapshotAsync(new CreateSnapshotRequest { VolumeId = volume }).AsTask().GetAwaiter().GetResult().Snapshot.SnapshotId);

            // Stay under the five-pending-snapshots limit.
            time.Advance(TimeSpan.FromMinutes(1));
        }

        return new Chain(cloud, ec2, snapshots[ChainLength / 2]);
    }

    private sealed record Chain(EbsCloud Cloud, Ec2Client Ec2, SnapshotId Middle);
}
