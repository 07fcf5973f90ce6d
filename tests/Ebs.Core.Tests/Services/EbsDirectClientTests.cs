using Ebs.Core.BlockMaps;
using Ebs.Core.Chunks;
using Ebs.Core.Domain;
using Ebs.Core.Services;
using Ebs.Core.Storage;

namespace Ebs.Core.Tests.Services;

public sealed class EbsDirectClientTests
{
    public static TheoryData<string, Func<SnapshotId, ListChangedBlocksRequest>> BadRequests => new()
    {
        { EbsErrorReasons.InvalidParameterValue, s => new() { SecondSnapshotId = s, MaxResults = EbsDirectClient.MinResultsLimit - 1 } },
        { EbsErrorReasons.InvalidParameterValue, s => new() { SecondSnapshotId = s, MaxResults = EbsDirectClient.MaxResultsLimit + 1 } },
        { EbsErrorReasons.InvalidParameterValue, s => new() { SecondSnapshotId = s, StartingBlockIndex = -1 } },
        { EbsErrorReasons.InvalidSnapshotId, _ => new() { SecondSnapshotId = default } },
        { EbsErrorReasons.InvalidSnapshotId, s => new() { FirstSnapshotId = default(SnapshotId), SecondSnapshotId = s } },
        { EbsErrorReasons.InvalidPageToken, s => new() { SecondSnapshotId = s, NextToken = "%%" } },
        { EbsErrorReasons.InvalidPageToken, s => new() { SecondSnapshotId = s, NextToken = Convert.ToBase64String("-1"u8) } },
        { EbsErrorReasons.InvalidPageToken, s => new() { SecondSnapshotId = s, NextToken = new string('A', 260) } },
    };

    [Theory]
    [MemberData(nameof(BadRequests))]
    public async Task ListChangedBlocks_BadRequest_ValidationExceptionWithReason(string reason, Func<SnapshotId, ListChangedBlocksRequest> request)
    {
        await using var t = new TestCloud();
        var snapshot = await SnapshotOfBlocksAsync(t, 3);

        var error = await Assert.ThrowsAsync<EbsException>(() => Direct(t).ListChangedBlocksAsync(request(snapshot)).AsTask());

        Assert.Equal(EbsErrorCodes.ValidationException, error.ErrorCode);
        Assert.Equal(reason, error.Reason);
    }

    [Fact]
    public async Task ListChangedBlocks_UnknownSnapshot_ResourceNotFoundWithReason()
    {
        await using var t = new TestCloud();

        var error = await Assert.ThrowsAsync<EbsException>(() => Direct(t).ListChangedBlocksAsync(new() { SecondSnapshotId = SnapshotId.Parse("snap-0123456789abcdef0") }).AsTask());

        Assert.Equal(EbsErrorCodes.ResourceNotFoundException, error.ErrorCode);
        Assert.Equal(EbsErrorReasons.SnapshotNotFound, error.Reason);
    }

    [Fact]
    public async Task ListChangedBlocks_StartingBlockIndex_ListsFromThatIndexWithVolumeSize()
    {
        await using var t = new TestCloud();
        var snapshot = await SnapshotOfBlocksAsync(t, 5);

        var response = await Direct(t).ListChangedBlocksAsync(new() { SecondSnapshotId = snapshot, StartingBlockIndex = 3 });

        Assert.Equal([3L, 4L], response.ChangedBlocks.Select(b => b.BlockIndex));
        Assert.Equal(1, response.VolumeSize);
        Assert.Null(response.NextToken);
    }

    [Fact]
    public async Task ListChangedBlocks_NextTokenWithStartingBlockIndex_TokenWins()
    {
        await using var t = new TestCloud();
        var snapshot = await SnapshotOfBlocksAsync(t, 150);
        var request = new ListChangedBlocksRequest { SecondSnapshotId = snapshot, MaxResults = EbsDirectClient.MinResultsLimit };
        var first = await Direct(t).ListChangedBlocksAsync(request);

        var second = await Direct(t).ListChangedBlocksAsync(request with { NextToken = first.NextToken, StartingBlockIndex = 0 });

        Assert.Equal(Enumerable.Range(100, 50).Select(i => (long)i), second.ChangedBlocks.Select(b => b.BlockIndex));
    }

    [Fact]
    public async Task Paginator_EnumeratedTwice_EveryPageEachTimeAndRequestUnchanged()
    {
        await using var t = new TestCloud();
        var snapshot = await SnapshotOfBlocksAsync(t, 250);
        var request = new ListChangedBlocksRequest { SecondSnapshotId = snapshot, MaxResults = EbsDirectClient.MinResultsLimit };
        var paginator = Direct(t).Paginators.ListChangedBlocks(request);

        var pages = await paginator.Responses.Select(r => r.ChangedBlocks.Length).ToListAsync();
        var blocks = await paginator.ChangedBlocks.Select(b => b.BlockIndex).ToListAsync();

        Assert.Equal([100, 100, 50], pages);
        Assert.Equal(Enumerable.Range(0, 250).Select(i => (long)i), blocks);
        Assert.Null(request.NextToken);
    }

    [Fact]
    public async Task Paginator_RequestWithNextToken_StartsAtThatPage()
    {
        await using var t = new TestCloud();
        var snapshot = await SnapshotOfBlocksAsync(t, 150);
        var request = new ListChangedBlocksRequest { SecondSnapshotId = snapshot, MaxResults = EbsDirectClient.MinResultsLimit };
        var first = await Direct(t).ListChangedBlocksAsync(request);

        var rest = await Direct(t).Paginators.ListChangedBlocks(request with { NextToken = first.NextToken }).ChangedBlocks.CountAsync();

        Assert.Equal(50, rest);
    }

    [Fact]
    public async Task ListChangedBlocks_BlockMapNotStored_InternalServerException()
    {
        var options = new EbsOptions { BlockSize = TestCloud.BlockSize };
        var chunks = new InMemoryChunkStore(TestCloud.BlockSize);
        var state = new InMemoryStateStore();
        Core.Domain.SnapshotId snapshot;
        NodeId root;
        await using (var cloud = await EbsCloud.OpenAsync(options, chunks, state))
        {
            var ec2 = cloud.Account(TestCloud.Account).Ec2(TestCloud.Region);
            var volume = await ec2.CreateVolumeAsync(new() { AvailabilityZone = "us-east-1a", Size = 1 });
            await ec2.WriteAtAsync(volume.Volume.VolumeId, 0, TestCloud.Block(1));
            snapshot = (await ec2.TakeSnapshotAsync(volume.Volume.VolumeId)).SnapshotId;
            root = cloud.Engine.World.Snapshots[snapshot].Root!.Value;
        }

        await using var reopened = await EbsCloud.OpenAsync(options, chunks, new WithoutNode(state, root));
        var direct = reopened.Account(TestCloud.Account).EbsDirect(TestCloud.Region);

        var error = await Assert.ThrowsAsync<EbsException>(() => direct.ListChangedBlocksAsync(new() { SecondSnapshotId = snapshot }).AsTask());
        Assert.Equal(EbsErrorCodes.InternalServerException, error.ErrorCode);
        Assert.Contains(root.ToString(), error.Message, StringComparison.Ordinal);
    }

    private static EbsDirectClient Direct(TestCloud t) => t.Cloud.Account(TestCloud.Account).EbsDirect(TestCloud.Region);

    private static async Task<SnapshotId> SnapshotOfBlocksAsync(TestCloud t, int blocks)
    {
        var volume = await t.CreateVolumeAsync();
        await t.WriteBlocksAsync(volume.VolumeId, Enumerable.Range(0, blocks), seedBase: 0);
        return (await t.Ec2.TakeSnapshotAsync(volume.VolumeId)).SnapshotId;
    }

    /// <summary>A state store that lost one block-map node.</summary>
    private sealed class WithoutNode(IStateStore inner, NodeId lost) : IStateStore
    {
        public ValueTask<StoredState> LoadAsync(CancellationToken cancellationToken = default) => inner.LoadAsync(cancellationToken);

        public byte[]? ReadNode(NodeId id) => id == lost ? null : inner.ReadNode(id);

        public async ValueTask<IReadOnlyList<StoredNode>> LoadNodesAsync(CancellationToken cancellationToken = default)
            => [.. (await inner.LoadNodesAsync(cancellationToken)).Where(n => n.Id != lost)];

        public ValueTask CommitAsync(StateChanges changes, CancellationToken cancellationToken = default) => inner.CommitAsync(changes, cancellationToken);

        public ValueTask DisposeAsync() => inner.DisposeAsync();
    }
}
