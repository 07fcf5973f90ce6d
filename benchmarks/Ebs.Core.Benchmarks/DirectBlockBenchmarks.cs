using System.Security.Cryptography;
using BenchmarkDotNet.Attributes;
using Ebs.Core.Domain;
using Ebs.Core.Services;
using Microsoft.Extensions.Time.Testing;

namespace Ebs.Core.Benchmarks;

/// <summary>
/// The EBS direct APIs' block calls against their floor: PutSnapshotBlock of one 512-KiB block
/// (checksum check, content hash, store, one commit) against the SHA-256 it must compute anyway,
/// and GetSnapshotBlock (token check, lookup, read, SHA-256) against reading the chunk from the store.
/// </summary>
[MemoryDiagnoser]
[SimpleJob(launchCount: 1, warmupCount: 3, iterationCount: 10)]
public class DirectBlockBenchmarks
{
    private const int BlockSize = 512 * 1024;
    private const string AccountId = "111111111111";
    private const string Region = "us-east-1";

    private readonly byte[] _block = new byte[BlockSize];
    private readonly byte[] _read = new byte[BlockSize];
    private EbsCloud _cloud = null!;
    private EbsDirectClient _ebs = null!;
    private SnapshotId _writing;
    private SnapshotId _completed;
    private string _checksum = string.Empty;
    private string _token = string.Empty;
    private Chunks.ChunkId _chunk;
    private long _next;

    [GlobalSetup]
    public void GlobalSetup()
    {
        Random.Shared.NextBytes(_block);
        _checksum = Convert.ToBase64String(SHA256.HashData(_block));
        _cloud = EbsCloud.CreateInMemory(o => o.IdSeed = 1, new FakeTimeProvider(BenchData.Epoch));
        _ebs = _cloud.Account(AccountId).EbsDirect(Region);
        _writing = _ebs.StartSnapshotAsync(new StartSnapshotRequest { VolumeSize = 16384, Timeout = EbsDirectClient.MaxTimeoutMinutes }).AsTask().GetAwaiter().GetResult().SnapshotId;
        _completed = _ebs.StartSnapshotAsync(new StartSnapshotRequest { VolumeSize = 1 }).AsTask().GetAwaiter().GetResult().SnapshotId;
        Put(_completed, 0);
        _ebs.CompleteSnapshotAsync(new CompleteSnapshotRequest { SnapshotId = _completed, ChangedBlocksCount = 1 }).AsTask().GetAwaiter().GetResult();
        _token = _ebs.ListSnapshotBlocksAsync(new ListSnapshotBlocksRequest { SnapshotId = _completed }).AsTask().GetAwaiter().GetResult().Blocks[0].BlockToken;
        var engine = _cloud.Engine;
        _chunk = engine.Map.Lookup(engine.Graph, engine.World.Snapshots[_completed].Root, 0)!.Value;
    }

    [GlobalCleanup]
    public void GlobalCleanup() => _cloud.Dispose();

    /// <summary>The SHA-256 of one block: what any PutSnapshotBlock must compute to check the caller's checksum.</summary>
    [Benchmark(Baseline = true)]
    public byte[] RawSha256() => SHA256.HashData(_block);

    /// <summary>PutSnapshotBlock of one block at a new index of a snapshot being written.</summary>
    [Benchmark]
    public void PutSnapshotBlock() => Put(_writing, _next++);

    /// <summary>Reading the block's chunk straight from the chunk store: the floor of GetSnapshotBlock.</summary>
    [Benchmark]
    public bool ChunkRead() => _cloud.Engine.Chunks.TryReadAsync(_chunk, _read, CancellationToken.None).AsTask().GetAwaiter().GetResult();

    /// <summary>GetSnapshotBlock of the block with its token, its bytes read out and the stream disposed, as a caller does.</summary>
    [Benchmark]
    public int GetSnapshotBlock()
    {
        var response = _ebs.GetSnapshotBlockAsync(new GetSnapshotBlockRequest { SnapshotId = _completed, BlockIndex = 0, BlockToken = _token }).AsTask().GetAwaiter().GetResult();
        using var data = response.BlockData;
        return data.Read(_read);
    }

    private void Put(SnapshotId snapshot, long index)
        => _ebs.PutSnapshotBlockAsync(new PutSnapshotBlockRequest { SnapshotId = snapshot, BlockIndex = index, BlockData = new MemoryStream(_block), DataLength = BlockSize, Checksum = _checksum })
            .AsTask().GetAwaiter().GetResult();
}
