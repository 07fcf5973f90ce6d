using Ebs.Core.Chunks;
using Ebs.Core.Services;
using Ebs.Core.Storage;

namespace Ebs.Core.Tests.Storage;

/// <summary>A state whose block-map nodes were lost: calls fail as <c>InternalError</c> naming a node, and repair keeps every chunk.</summary>
public sealed class MissingNodeTests
{
    private static readonly EbsOptions Options = new() { BlockSize = TestCloud.BlockSize, IdSeed = 5 };

    [Fact]
    public async Task CreateSnapshot_MapNodesLost_InternalErrorNamingTheNode()
    {
        var (chunks, state, volume) = await NodesLostAsync();
        await using var cloud = await EbsCloud.OpenAsync(Options, chunks, state);

        var error = await Assert.ThrowsAsync<EbsException>(() => cloud.Account(TestCloud.Account).Ec2(TestCloud.Region).TakeSnapshotAsync(volume).AsTask());

        Assert.Equal(EbsErrorCodes.InternalError, error.ErrorCode);
        Assert.Contains("is not stored", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task GetStorageUsage_MapNodesLost_InternalError()
    {
        var (chunks, state, _) = await NodesLostAsync();
        await using var cloud = await EbsCloud.OpenAsync(Options, chunks, state);

        var error = await Assert.ThrowsAsync<EbsException>(() => cloud.Account(TestCloud.Account).Ec2(TestCloud.Region).GetStorageUsageAsync(new()).AsTask());

        Assert.Equal(EbsErrorCodes.InternalError, error.ErrorCode);
    }

    [Fact]
    public async Task ScrubRepair_MapNodesLost_RefusedAndEveryChunkKept()
    {
        var (chunks, state, _) = await NodesLostAsync();
        await using var cloud = await EbsCloud.OpenAsync(Options, chunks, state);

        var report = await cloud.ScrubAsync(repair: true);

        Assert.False(report.Repaired);
        Assert.NotEmpty(report.MissingNodes);
        Assert.Contains("referenced block-map node", report.RepairRefusal, StringComparison.Ordinal);
        Assert.Equal(report.StoredChunks, chunks.Count);
        Assert.Equal(2, chunks.Count);
    }

    [Fact]
    public async Task Scrub_LeafNodeLost_NamesTheNodeAndTheBytesEachUserLoses()
    {
        var chunks = new InMemoryChunkStore(TestCloud.BlockSize);
        var state = new InMemoryStateStore();
        string snapshot;
        await using (var cloud = await EbsCloud.OpenAsync(Options, chunks, state))
        {
            var ec2 = cloud.Account(TestCloud.Account).Ec2(TestCloud.Region);
            var volume = (await ec2.CreateVolumeAsync(new CreateVolumeRequest { AvailabilityZone = "us-east-1a", Size = 1 })).Volume.VolumeId;
            await ec2.WriteAtAsync(volume, 0, TestCloud.Block(1));
            await ec2.WriteAtAsync(volume, TestCloud.BlockSize, TestCloud.Block(2));
            snapshot = (await ec2.TakeSnapshotAsync(volume)).SnapshotId.Value;
        }

        var leaf = Assert.Single(await state.LoadNodesAsync(), n => n.Body[0] == 0).Id; // byte 0: the node's level
        await state.CommitAsync(new StateChanges { DeletedNodes = [leaf] });
        await using var reopened = await EbsCloud.OpenAsync(Options, chunks, state);

        var report = await reopened.ScrubAsync();

        Assert.Equal(leaf, Assert.Single(report.MissingNodes));
        var use = Assert.Single(report.MissingNodeUses, u => u.ResourceId == snapshot);
        Assert.Equal(leaf, use.Node);
        Assert.Equal(new ByteRange(0, 64L * TestCloud.BlockSize), Assert.Single(use.Ranges)); // a leaf maps 64 blocks
    }

    /// <summary>A volume with two blocks snapshotted, whose state then lost every block-map node.</summary>
    private static async Task<(InMemoryChunkStore Chunks, InMemoryStateStore State, Core.Domain.VolumeId Volume)> NodesLostAsync()
    {
        var chunks = new InMemoryChunkStore(TestCloud.BlockSize);
        var state = new InMemoryStateStore();
        Core.Domain.VolumeId volume;
        await using (var cloud = await EbsCloud.OpenAsync(Options, chunks, state))
        {
            var ec2 = cloud.Account(TestCloud.Account).Ec2(TestCloud.Region);
            volume = (await ec2.CreateVolumeAsync(new CreateVolumeRequest { AvailabilityZone = "us-east-1a", Size = 1 })).Volume.VolumeId;
            await ec2.WriteAtAsync(volume, 0, TestCloud.Block(1));
            await ec2.WriteAtAsync(volume, TestCloud.BlockSize, TestCloud.Block(2));
            await ec2.TakeSnapshotAsync(volume);
        }

        await state.CommitAsync(new StateChanges { DeletedNodes = [.. (await state.LoadNodesAsync()).Select(n => n.Id)] });
        return (chunks, state, volume);
    }
}
