using Ebs.Core.Chunks;
using Ebs.Core.Services;
using Ebs.Core.Storage;

namespace Ebs.Core.Tests.Storage;

public sealed class StoredStateCheckTests
{
    private static readonly EbsOptions Options = new() { BlockSize = TestCloud.BlockSize, IdSeed = 3 };

    [Fact]
    public async Task FindUndecodable_IntactState_Empty()
    {
        var (state, _, _) = await SeededAsync();

        Assert.Empty(StoredStateCheck.FindUndecodable((await state.LoadAsync()).Documents, await state.LoadNodesAsync()));
    }

    [Fact]
    public async Task FindUndecodable_CutShortDocumentsAndMalformedNode_ListsEveryOne()
    {
        var (state, volume, snapshot) = await SeededAsync();
        var node = (await state.LoadNodesAsync())[0].Id;
        await CutShortAsync(state, RecordKinds.Volume.Name, volume);
        await CutShortAsync(state, RecordKinds.Snapshot.Name, snapshot);
        await state.CommitAsync(new StateChanges { DeletedNodes = [node] });
        await state.CommitAsync(new StateChanges { NewNodes = [(node, [1, 2, 3])] });

        var found = StoredStateCheck.FindUndecodable((await state.LoadAsync()).Documents, await state.LoadNodesAsync());

        Assert.Equal(
            [(StoredStateCheck.NodeKind, node.ToString()), (RecordKinds.Snapshot.Name, snapshot), (RecordKinds.Volume.Name, volume)],
            found.Select(e => (e.Kind, e.Key)).Order());
        Assert.All(found, e => Assert.Contains(e.Key, e.Problem, StringComparison.Ordinal));
    }

    [Fact]
    public async Task FindUndecodable_DocumentHoldingAnotherRecord_Listed()
    {
        var (state, volume, _) = await SeededAsync();
        var body = (await state.LoadAsync()).Documents.Single(d => d.Key == volume).Body;
        await state.CommitAsync(new StateChanges { Upserts = [new StateDocument(RecordKinds.Volume.Name, "vol-0123456789abcdef0", body)] });

        var found = Assert.Single(StoredStateCheck.FindUndecodable((await state.LoadAsync()).Documents, await state.LoadNodesAsync()));

        Assert.Equal("vol-0123456789abcdef0", found.Key);
        Assert.Contains(volume, found.Problem, StringComparison.Ordinal);
    }

    [Fact]
    public async Task OpenAsync_CutShortDocument_OneInternalErrorNamingIt()
    {
        var (state, _, snapshot) = await SeededAsync();
        await CutShortAsync(state, RecordKinds.Snapshot.Name, snapshot);

        var error = await Assert.ThrowsAsync<EbsException>(() => EbsCloud.OpenAsync(Options, new InMemoryChunkStore(TestCloud.BlockSize), state).AsTask());

        Assert.Equal(EbsErrorCodes.InternalError, error.ErrorCode);
        Assert.Equal(snapshot, error.ResourceId);
        Assert.Contains($"snapshot '{snapshot}' cannot be decoded", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task OpenAsync_BlockDocumentOfTheWrongSize_OneInternalErrorNamingIt()
    {
        var (state, volume, _) = await SeededAsync();
        var key = StateCodec.BlockKey(Core.Domain.VolumeId.Parse(volume), 9);
        await state.CommitAsync(new StateChanges { Upserts = [new StateDocument(StateCodec.BlockKind, key, [1, 2, 3])] });

        var error = await Assert.ThrowsAsync<EbsException>(() => EbsCloud.OpenAsync(Options, new InMemoryChunkStore(TestCloud.BlockSize), state).AsTask());

        Assert.Equal((EbsErrorCodes.InternalError, key), (error.ErrorCode, error.ResourceId));
    }

    /// <summary>A state holding a volume with two written blocks and a snapshot of it.</summary>
    private static async Task<(InMemoryStateStore State, string Volume, string Snapshot)> SeededAsync()
    {
        var state = new InMemoryStateStore();
        await using var cloud = await EbsCloud.OpenAsync(Options, new InMemoryChunkStore(TestCloud.BlockSize), state);
        var ec2 = cloud.Account(TestCloud.Account).Ec2(TestCloud.Region);
        var volume = await ec2.CreateVolumeAsync(new CreateVolumeRequest { AvailabilityZone = "us-east-1a", Size = 1 });
        await ec2.WriteAtAsync(volume.Volume.VolumeId, 0, TestCloud.Block(1));
        var snapshot = await ec2.TakeSnapshotAsync(volume.Volume.VolumeId);
        await ec2.WriteAtAsync(volume.Volume.VolumeId, TestCloud.BlockSize, TestCloud.Block(2));
        return (state, volume.Volume.VolumeId.Value, snapshot.SnapshotId.Value);
    }

    private static async Task CutShortAsync(InMemoryStateStore state, string kind, string key)
    {
        var body = (await state.LoadAsync()).Documents.Single(d => d.Kind == kind && d.Key == key).Body;
        await state.CommitAsync(new StateChanges { Upserts = [new StateDocument(kind, key, body[..(body.Length / 2)])] });
    }
}
