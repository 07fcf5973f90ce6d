using Ebs.Core.BlockMaps;
using Ebs.Core.Chunks;
using Ebs.Core.Storage;

namespace Ebs.Core.Tests.Services;

public sealed class EbsDirectClientTests
{
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

        var error = await Assert.ThrowsAsync<EbsException>(() => direct.ListChangedBlocksAsync(null, snapshot).AsTask());
        Assert.Equal(EbsErrorCodes.InternalServerException, error.ErrorCode);
        Assert.Contains(root.ToString(), error.Message, StringComparison.Ordinal);
    }

    /// <summary>A state store that lost one block-map node.</summary>
    private sealed class WithoutNode(IStateStore inner, NodeId lost) : IStateStore
    {
        public async ValueTask<StoredState> LoadAsync(CancellationToken cancellationToken = default)
        {
            var stored = await inner.LoadAsync(cancellationToken);
            return stored with { Nodes = [.. stored.Nodes.Where(n => n.Id != lost)] };
        }

        public ValueTask CommitAsync(StateChanges changes, CancellationToken cancellationToken = default) => inner.CommitAsync(changes, cancellationToken);

        public ValueTask DisposeAsync() => inner.DisposeAsync();
    }
}
