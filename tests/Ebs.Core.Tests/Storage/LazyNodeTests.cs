using System.Collections.Concurrent;
using Ebs.Core.BlockMaps;
using Ebs.Core.Chunks;
using Ebs.Core.Domain;
using Ebs.Core.Services;
using Ebs.Core.Storage;
using Microsoft.Extensions.Time.Testing;

namespace Ebs.Core.Tests.Storage;

/// <summary>
/// Block-map nodes are read from the state store when a call first needs them, not when a
/// cloud opens: a read-only call that touches no map reads none, a read reads the nodes on its
/// path once, the first recount reads them all in one scan, and a node that cannot be decoded
/// fails the call that reads it, while a scrub checks every one.
/// </summary>
public sealed class LazyNodeTests
{
    private const int B = TestCloud.BlockSize;
    private static readonly EbsOptions Options = new() { BlockSize = B, IdSeed = 9 };

    [Fact]
    public async Task OpenAsync_ListsAndDescribes_ReadNoNode()
    {
        var (chunks, state, _, snapshot) = await SeededAsync();
        var counting = new CountingStateStore(state);

        await using var cloud = await EbsCloud.OpenAsync(Options, chunks, counting);
        var ec2 = cloud.Account(TestCloud.Account).Ec2(TestCloud.Region);
        Assert.Single(await ec2.ListVolumesAsync());
        Assert.Equal(1, (await ec2.DescribeSnapshotAsync(snapshot)).VolumeSize);

        Assert.Empty(counting.Reads);
    }

    [Fact]
    public async Task ReadAt_ReadsTheNodesOnTheBlocksPathOnceThenKeepsThem()
    {
        var (chunks, state, volume, _) = await SeededAsync();
        var counting = new CountingStateStore(state);
        await using var cloud = await EbsCloud.OpenAsync(Options, chunks, counting);
        var ec2 = cloud.Account(TestCloud.Account).Ec2(TestCloud.Region);
        var bytes = new byte[B];

        await ec2.ReadAtAsync(volume, B, bytes);
        var first = counting.Reads.Count;
        await ec2.ReadAtAsync(volume, 0, bytes);

        Assert.Equal(6, first); // maps span 64 TiB: six levels of 64-way nodes from the root to the leaf
        Assert.Equal(first, counting.Reads.Count);
        Assert.Equal(TestCloud.Block(1), bytes);
    }

    [Fact]
    public async Task FirstWrite_RecountReadsTheNodesInOneScanAndNoneAfter()
    {
        var (chunks, state, volume, _) = await SeededAsync();
        var counting = new CountingStateStore(state);
        await using var cloud = await EbsCloud.OpenAsync(Options, chunks, counting);
        var ec2 = cloud.Account(TestCloud.Account).Ec2(TestCloud.Region);

        await ec2.CreateTagsAsync(new CreateTagsRequest { Resources = [volume], Tags = [new Tag("k", "v")] });
        await ec2.ReadAtAsync(volume, 0, new byte[B]);
        await ec2.WriteAtAsync(volume, 0, TestCloud.Block(7));
        await ec2.TakeSnapshotAsync(volume);

        Assert.True(cloud.Engine.Graph.IsCounted);
        Assert.Equal(1, counting.Scans);
        Assert.Empty(counting.Reads);
    }

    [Fact]
    public async Task MalformedNode_OpenAndCallsNotReadingItSucceed_TheReadThatTouchesItFailsNamingIt()
    {
        var (chunks, state, volume, snapshot) = await SeededAsync();
        var leaf = await CorruptLeafAsync(state);

        await using var cloud = await EbsCloud.OpenAsync(Options, chunks, state);
        var ec2 = cloud.Account(TestCloud.Account).Ec2(TestCloud.Region);
        Assert.Single(await ec2.ListVolumesAsync());
        Assert.Single(await ec2.ListSnapshotsAsync());

        var read = await Assert.ThrowsAsync<EbsException>(() => ec2.ReadAtAsync(volume, 0, new byte[B]).AsTask());
        Assert.Equal(EbsErrorCodes.InternalError, read.ErrorCode);
        Assert.Contains($"Block-map node {leaf} is corrupt", read.Message, StringComparison.Ordinal);
        Assert.DoesNotContain('\n', read.Message);

        var direct = await Assert.ThrowsAsync<EbsException>(() => cloud.Account(TestCloud.Account).EbsDirect(TestCloud.Region).ListSnapshotBlocksAsync(new() { SnapshotId = snapshot }).AsTask());
        Assert.Equal(EbsErrorCodes.InternalServerException, direct.ErrorCode);
        Assert.Contains(leaf.ToString(), direct.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task MalformedNode_WriteThatNeedsIt_RefusedChangingNothing_OneThatDoesNotSucceeds()
    {
        var (chunks, state, volume, _) = await SeededAsync();
        var leaf = await CorruptLeafAsync(state);
        await using var cloud = await EbsCloud.OpenAsync(Options, chunks, state);
        var ec2 = cloud.Account(TestCloud.Account).Ec2(TestCloud.Region);

        // Block 100 lies under no leaf of the map yet; block 3 under the damaged one.
        await ec2.WriteAtAsync(volume, 100 * B, TestCloud.Block(5));
        await ec2.TakeSnapshotAsync(volume);
        await StateFingerprint.AssertUnchangedAsync(cloud, () => ec2.WriteAtAsync(volume, 3 * B, TestCloud.Block(3)).AsTask(), EbsErrorCodes.InternalError);
        var error = await Assert.ThrowsAsync<EbsException>(() => ec2.WriteAtAsync(volume, 3 * B, TestCloud.Block(3)).AsTask());

        Assert.Contains(leaf.ToString(), error.Message, StringComparison.Ordinal);
        Assert.Equal(2, (await ec2.ListSnapshotsAsync()).Count);
    }

    [Fact]
    public async Task Scrub_MalformedNode_ReportsItAsCorruptWithWhatItCostsAndRefusesRepair()
    {
        var (chunks, state, volume, snapshot) = await SeededAsync();
        var leaf = await CorruptLeafAsync(state);
        await using var cloud = await EbsCloud.OpenAsync(Options, chunks, state);

        var report = await cloud.ScrubAsync(repair: true, verifyContents: true);

        Assert.False(report.IsClean);
        Assert.Equal(leaf, Assert.Single(report.CorruptNodes));
        Assert.Empty(report.MissingNodes);
        Assert.Empty(report.LeakedNodes);
        Assert.False(report.Repaired);
        Assert.Contains("missing or corrupt", report.RepairRefusal, StringComparison.Ordinal);
        Assert.Equal([volume.Value, snapshot.Value], report.MissingNodeUses.Select(u => u.ResourceId));
        Assert.All(report.MissingNodeUses, u => Assert.Equal(leaf, u.Node));
        Assert.Equal(2, chunks.Count);
    }

    [Fact]
    public async Task Scrub_MalformedNodeNothingReferences_CorruptAndLeakedThenReclaimed()
    {
        var (chunks, state, _, _) = await SeededAsync();
        var stray = new NodeId(12345);
        await state.CommitAsync(new StateChanges { NewNodes = [(stray, [1, 2, 3])] });
        await using var cloud = await EbsCloud.OpenAsync(Options, chunks, state);

        var report = await cloud.ScrubAsync(repair: true);

        Assert.Equal(stray, Assert.Single(report.CorruptNodes));
        Assert.Equal(stray, Assert.Single(report.LeakedNodes));
        Assert.True(report.Repaired);
        Assert.Equal(stray, Assert.Single(report.ReclaimedNodes));
        Assert.True((await cloud.ScrubAsync()).IsClean);
        Assert.Null(state.ReadNode(stray));
    }

    [Fact]
    public async Task Reads_WhileCommitsFreeTheNodesTheyWalk_RetryAndNeverFail()
    {
        var (chunks, state, volume, first) = await SeededAsync();
        var time = new FakeTimeProvider(DateTimeOffset.UnixEpoch.AddDays(1));
        await using var cloud = await EbsCloud.OpenAsync(Options, chunks, state, time);
        var ec2 = cloud.Account(TestCloud.Account).Ec2(TestCloud.Region);
        using var done = new CancellationTokenSource();

        // Each round rewrites block 0, snapshots, and deletes the previous snapshot: the leaf and
        // inner nodes that block 1 was read through are freed while readers walk them.
        var writer = Task.Run(async () =>
        {
            try
            {
                var previous = first;
                for (var round = 0; round < 30; round++)
                {
                    await ec2.WriteAtAsync(volume, 0, TestCloud.Block(100 + round));
                    var next = (await ec2.TakeSnapshotAsync(volume)).SnapshotId;
                    time.Advance(TimeSpan.FromHours(1)); // completes it
                    await ec2.DeleteSnapshotAsync(previous);
                    previous = next;
                }
            }
            finally
            {
                await done.CancelAsync();
            }
        });
        var readers = Enumerable.Range(0, 3).Select(_ => Task.Run(async () =>
        {
            var reads = 0;
            var bytes = new byte[B];
            while (!done.IsCancellationRequested || reads == 0)
            {
                await ec2.ReadAtAsync(volume, B, bytes);
                Assert.Equal(TestCloud.Block(2), bytes);
                reads++;
            }
        })).ToList();

        await writer;
        await Task.WhenAll(readers);
        Assert.True((await cloud.ScrubAsync(verifyContents: true)).IsClean);
    }

    [Fact]
    public void TryGet_CommitRemovesNodesWhileANodeIsRead_NodeReturnedButNotKept()
    {
        var node = BlockMapNode.Create(0, 1, [7], 1);
        var body = StateCodec.Encode(node);
        var graph = new ReferenceGraph();
        var removeWhileReading = true;
        graph.Open(id =>
        {
            if (removeWhileReading)
            {
                // A commit lands between the store read and keeping the node: it removes a node.
                graph.Apply(new Dictionary<NodeId, long> { [new NodeId(99)] = 0 }, new Dictionary<NodeId, BlockMapNode>(), new Dictionary<ChunkId, long>(), []);
            }

            return id == node.Id ? body : null;
        });
        graph.ResetCounts(new Dictionary<NodeId, long> { [new NodeId(99)] = 1 }, new Dictionary<ChunkId, long>());

        Assert.True(graph.TryGet(node.Id, out var read));
        Assert.Equal(node.Id, read!.Id);
        Assert.False(graph.TryGetKept(node.Id, out _));

        removeWhileReading = false;
        Assert.True(graph.TryGet(node.Id, out _));
        Assert.True(graph.TryGetKept(node.Id, out _));
        Assert.False(graph.TryGet(new NodeId(5), out _));
    }

    /// <summary>A volume of blocks 1 and 2, snapshotted and complete, in a closed in-memory state.</summary>
    private static async Task<(InMemoryChunkStore Chunks, InMemoryStateStore State, VolumeId Volume, SnapshotId Snapshot)> SeededAsync()
    {
        var chunks = new InMemoryChunkStore(B);
        var state = new InMemoryStateStore();
        var time = new FakeTimeProvider(DateTimeOffset.UnixEpoch);
        await using var cloud = await EbsCloud.OpenAsync(Options, chunks, state, time);
        var ec2 = cloud.Account(TestCloud.Account).Ec2(TestCloud.Region);
        var volume = (await ec2.CreateVolumeAsync(new CreateVolumeRequest { AvailabilityZone = "us-east-1a", Size = 1 })).Volume.VolumeId;
        await ec2.WriteAtAsync(volume, 0, TestCloud.Block(1));
        await ec2.WriteAtAsync(volume, B, TestCloud.Block(2));
        var snapshot = (await ec2.TakeSnapshotAsync(volume)).SnapshotId;
        time.Advance(TimeSpan.FromHours(1));
        await ec2.DescribeSnapshotAsync(snapshot); // completes it before closing, so opening has nothing due
        return (chunks, state, volume, snapshot);
    }

    /// <summary>Replaces the stored leaf (the only one) with bytes that are not a node.</summary>
    private static async Task<NodeId> CorruptLeafAsync(InMemoryStateStore state)
    {
        var leaf = Assert.Single(await state.LoadNodesAsync(), n => n.Body[0] == 0).Id; // byte 0: the node's level
        await state.CommitAsync(new StateChanges { DeletedNodes = [leaf] });
        await state.CommitAsync(new StateChanges { NewNodes = [(leaf, [1, 2, 3])] });
        return leaf;
    }

    /// <summary>A state store that records every node it is asked for.</summary>
    private sealed class CountingStateStore(IStateStore inner) : IStateStore
    {
        public ConcurrentQueue<NodeId> Reads { get; } = new();

        public int Scans { get; private set; }

        public ValueTask<StoredState> LoadAsync(CancellationToken cancellationToken = default) => inner.LoadAsync(cancellationToken);

        public byte[]? ReadNode(NodeId id)
        {
            Reads.Enqueue(id);
            return inner.ReadNode(id);
        }

        public ValueTask<IReadOnlyList<StoredNode>> LoadNodesAsync(CancellationToken cancellationToken = default)
        {
            Scans++;
            return inner.LoadNodesAsync(cancellationToken);
        }

        public ValueTask CommitAsync(StateChanges changes, CancellationToken cancellationToken = default) => inner.CommitAsync(changes, cancellationToken);

        public ValueTask DisposeAsync() => inner.DisposeAsync();
    }
}
