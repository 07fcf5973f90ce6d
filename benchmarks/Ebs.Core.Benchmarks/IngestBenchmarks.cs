using System.IO.Hashing;
using BenchmarkDotNet.Attributes;
using Ebs.Core.Chunks;
using Ebs.Core.Storage;
using Ebs.Core.Domain;
using Ebs.Core.Services;
using Microsoft.Extensions.Time.Testing;

namespace Ebs.Core.Benchmarks;

/// <summary>
/// Target 4: ingest (write fresh 512-KiB blocks, then snapshot them, in memory) against the
/// floor of any content-addressed store, hashing the same bytes with XxHash128 block by block.
/// The target is measured by <see cref="WriteAndSnapshot"/>: each iteration starts from a new
/// cloud and volume, so no block is a dedup hit. <see cref="WriteAndSnapshotReusedStore"/>
/// shows how much of the gap is the new chunk store's first allocation of memory, and
/// <see cref="WriteAndSnapshotEncrypted"/> what sealing every block with AES-GCM under a KMS key adds.
/// </summary>
/// <remarks>
/// Every method runs one invocation per iteration (ingest needs fresh state each time); giving
/// the hash the same job is what lets BenchmarkDotNet compute the ratio. Each global setup
/// first runs its method for 3 seconds: the few short warmup iterations alone left XxHash128
/// on pre-tier-1 code (the 64-MiB hash measured 18 ms instead of about 9 ms).
/// </remarks>
[MemoryDiagnoser]
[SimpleJob(launchCount: 1, warmupCount: 5, iterationCount: 15)]
[InvocationCount(1)]
public class IngestBenchmarks
{
    private const int BlockSize = EbsOptions.DefaultBlockSize;

    private byte[] _data = [];
    private EbsCloud? _cloud;
    private Ec2Client _ec2 = null!;
    private VolumeId _volume;

    /// <summary>Gets or sets the bytes ingested per operation, in MiB.</summary>
    [Params(16, 64, 256)]
    public int MiB { get; set; }

    [GlobalSetup(Target = nameof(XxHash128PerBlock))]
    public void SetupHash()
    {
        CreateData();
        BenchData.WarmUp(() => XxHash128PerBlock(), TimeSpan.FromSeconds(3));
    }

    [GlobalSetup(Target = nameof(WriteAndSnapshot))]
    public void SetupWrite()
    {
        CreateData();
        BenchData.WarmUp(
            () =>
            {
                SetupIngest();
                WriteAndSnapshot().GetAwaiter().GetResult();
            },
            TimeSpan.FromSeconds(3));
    }

    [GlobalSetup(Target = nameof(WriteAndSnapshotEncrypted))]
    public void SetupWriteEncrypted()
    {
        CreateData();
        BenchData.WarmUp(
            () =>
            {
                SetupEncryptedIngest();
                WriteAndSnapshotEncrypted().GetAwaiter().GetResult();
            },
            TimeSpan.FromSeconds(3));
    }

    [GlobalSetup(Target = nameof(WriteAndSnapshotReusedStore))]
    public void SetupReusedStore()
    {
        CreateData();
        SetupIngest();
        BenchData.WarmUp(
            () =>
            {
                RecycleVolume();
                IngestAsync().GetAwaiter().GetResult();
            },
            TimeSpan.FromSeconds(3));

        RecycleVolume();
        if (_cloud!.ChunkStore is InMemoryChunkStore { Count: not 0 } store)
        {
            throw new InvalidOperationException($"Deleting the previous ingest left {store.Count} chunks: the next one would hit dedup.");
        }
    }

    /// <summary>Deletes the previous ingest (freeing its chunks) and creates an empty volume in the same cloud.</summary>
    [IterationSetup(Target = nameof(WriteAndSnapshotReusedStore))]
    public void RecycleVolume()
    {
        foreach (var snapshot in _ec2.DescribeSnapshotsAsync(new()).AsTask().GetAwaiter().GetResult().Snapshots)
        {
            _ec2.DeleteSnapshotAsync(new DeleteSnapshotRequest { SnapshotId = snapshot.SnapshotId }).AsTask().GetAwaiter().GetResult();
        }

        _ec2.DeleteVolumeAsync(new DeleteVolumeRequest { VolumeId = _volume }).AsTask().GetAwaiter().GetResult();
        _volume = CreateVolume();
    }

    [IterationSetup(Target = nameof(WriteAndSnapshot))]
    public void SetupIngest() => NewCloud(encrypted: false);

    [IterationSetup(Target = nameof(WriteAndSnapshotEncrypted))]
    public void SetupEncryptedIngest() => NewCloud(encrypted: true);

    [GlobalCleanup]
    public void GlobalCleanup() => _cloud?.Dispose();

    /// <summary>XxHash128 of every 512-KiB block of the buffer: the cost of naming the chunks, nothing else.</summary>
    [Benchmark(Baseline = true)]
    public UInt128 XxHash128PerBlock()
    {
        UInt128 combined = 0;
        var data = _data.AsSpan();
        for (var offset = 0; offset < data.Length; offset += BlockSize)
        {
            combined ^= XxHash128.HashToUInt128(data.Slice(offset, BlockSize));
        }

        return combined;
    }

    /// <summary>One WriteVolumeAsync of the whole buffer, then CreateSnapshotAsync, on a new cloud.</summary>
    [Benchmark]
    public Task<Snapshot> WriteAndSnapshot() => IngestAsync();

    /// <summary>The same ingest into an encrypted volume (the AWS managed key): every new block is also sealed with AES-GCM.</summary>
    [Benchmark]
    public Task<Snapshot> WriteAndSnapshotEncrypted() => IngestAsync();

    /// <summary>
    /// The same ingest on a long-lived cloud whose previous volume and snapshot were deleted, so
    /// the chunk store reuses freed slots instead of allocating fresh memory. The bytes are
    /// still new to the store (their chunks were freed), so there is no dedup hit either.
    /// </summary>
    [Benchmark]
    public Task<Snapshot> WriteAndSnapshotReusedStore() => IngestAsync();

    /// <summary>Random bytes: every block is distinct, and nothing compresses or short-circuits.</summary>
    private void CreateData()
    {
        _data = new byte[MiB << 20];
        new Random(11).NextBytes(_data);
    }

    private void NewCloud(bool encrypted)
    {
        _cloud?.Dispose();
        _cloud = EbsCloud.CreateInMemory(o => o.IdSeed = 1, new FakeTimeProvider(BenchData.Epoch));
        _ec2 = _cloud.Account("111111111111").Ec2("us-east-1");
        _volume = CreateVolume(encrypted);
    }

    private VolumeId CreateVolume(bool encrypted = false)
        => _ec2.CreateVolumeAsync(new CreateVolumeRequest { AvailabilityZone = "us-east-1a", Size = 1, Encrypted = encrypted }).AsTask().GetAwaiter().GetResult().Volume.VolumeId;

    private async Task<Snapshot> IngestAsync()
    {
        await _ec2.WriteVolumeAsync(new WriteVolumeRequest { VolumeId = _volume, Writes = [new VolumeWrite(0, _data)] }).ConfigureAwait(false);
        return (await _ec2.CreateSnapshotAsync(new CreateSnapshotRequest { VolumeId = _volume }).ConfigureAwait(false)).Snapshot;
    }
}
