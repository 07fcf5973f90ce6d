using Ebs.Core.Domain;
using Ebs.Core.Services;

namespace Ebs.Core.Tests.Direct;

public sealed class DirectReadTests
{
    [Fact]
    public async Task ListChangedBlocks_Ec2BlockRewrittenWithEqualBytes_ListedAsChangedAndNoNewChunk()
    {
        await using var t = new TestCloud();
        var volume = await t.CreateVolumeAsync();
        await t.WriteBlocksAsync(volume.VolumeId, [0, 1, 2], 100);
        var first = await t.Ec2.TakeSnapshotAsync(volume.VolumeId);
        var chunks = t.StoredChunks;
        await t.WriteBlocksAsync(volume.VolumeId, [1], 100);
        await t.WriteBlocksAsync(volume.VolumeId, [5], 200);
        var second = await t.Ec2.TakeSnapshotAsync(volume.VolumeId);

        var changed = await t.Direct().ChangedAsync(first.SnapshotId, second.SnapshotId);

        Assert.Equal([1L, 5L], changed.Select(c => c.BlockIndex));
        Assert.NotNull(changed[0].FirstBlockToken);
        Assert.Null(changed[1].FirstBlockToken);
        Assert.Equal(chunks + 1, t.StoredChunks);
    }

    [Fact]
    public async Task ListChangedBlocks_SnapshotsOfUnrelatedVolumes_UnrelatedSnapshots()
    {
        await using var t = new TestCloud();
        var a = await t.CreateVolumeAsync();
        var b = await t.CreateVolumeAsync();
        await t.WriteBlocksAsync(a.VolumeId, [0], 1);
        var first = await t.Ec2.TakeSnapshotAsync(a.VolumeId);
        var second = await t.Ec2.TakeSnapshotAsync(b.VolumeId);

        var error = await Assert.ThrowsAsync<EbsException>(() => t.Direct().ChangedAsync(first.SnapshotId, second.SnapshotId));

        Assert.Equal(EbsErrorCodes.ValidationException, error.ErrorCode);
        Assert.Equal(EbsErrorReasons.UnrelatedSnapshots, error.Reason);
    }

    [Fact]
    public async Task ListChangedBlocks_VolumeRestoredFromSnapshot_RelatedToItsSource()
    {
        await using var t = new TestCloud();
        var volume = await t.CreateVolumeAsync();
        await t.WriteBlocksAsync(volume.VolumeId, [0, 1], 1);
        var source = await t.CompleteAsync(await t.Ec2.TakeSnapshotAsync(volume.VolumeId));
        var restored = (await t.Ec2.CreateVolumeAsync(new CreateVolumeRequest { AvailabilityZone = "us-east-1a", SnapshotId = source.SnapshotId })).Volume;
        await t.WriteBlocksAsync(restored.VolumeId, [1], 50);
        var later = await t.Ec2.TakeSnapshotAsync(restored.VolumeId);

        Assert.Equal([1L], (await t.Direct().ChangedAsync(source.SnapshotId, later.SnapshotId)).Select(c => c.BlockIndex));
    }

    [Fact]
    public async Task GetSnapshotBlock_TokenFromEitherList_BytesAndChecksum()
    {
        await using var t = new TestCloud();
        var volume = await t.CreateVolumeAsync();
        await t.WriteBlocksAsync(volume.VolumeId, [3], 7);
        var snapshot = await t.Ec2.TakeSnapshotAsync(volume.VolumeId);
        var direct = t.Direct();

        var listed = await direct.ListSnapshotBlocksAsync(new ListSnapshotBlocksRequest { SnapshotId = snapshot.SnapshotId });
        var changed = await direct.ChangedAsync(null, snapshot.SnapshotId);

        Assert.Equal(t.Time.GetUtcNow() + EbsDirectClient.BlockTokenLifetime, listed.ExpiryTime);
        Assert.Equal(1, listed.VolumeSize);
        Assert.Equal(TestCloud.BlockSize, listed.BlockSize);
        Assert.Equal(TestCloud.Block(10), await direct.GetBlockAsync(snapshot.SnapshotId, 3, listed.Blocks[0].BlockToken));
        Assert.Equal(TestCloud.Block(10), await direct.GetBlockAsync(snapshot.SnapshotId, 3, changed[0].SecondBlockToken!));
    }

    public static TheoryData<string> TokenCases => ["forged", "other-block", "other-snapshot", "expired"];

    [Theory]
    [MemberData(nameof(TokenCases))]
    public async Task GetSnapshotBlock_TokenNotForThisBlockOrExpired_InvalidBlockToken(string kind)
    {
        await using var t = new TestCloud();
        var volume = await t.CreateVolumeAsync();
        await t.WriteBlocksAsync(volume.VolumeId, [0, 1], 7);
        var snapshot = (await t.Ec2.TakeSnapshotAsync(volume.VolumeId)).SnapshotId;
        var other = (await t.Ec2.TakeSnapshotAsync(volume.VolumeId)).SnapshotId;
        var direct = t.Direct();
        var tokens = (await direct.ListSnapshotBlocksAsync(new ListSnapshotBlocksRequest { SnapshotId = snapshot })).Blocks;
        var otherTokens = (await direct.ListSnapshotBlocksAsync(new ListSnapshotBlocksRequest { SnapshotId = other })).Blocks;
        var token = kind switch
        {
            "forged" => Convert.ToBase64String(new byte[24]),
            "other-block" => tokens[1].BlockToken,
            "other-snapshot" => otherTokens[0].BlockToken,
            _ => tokens[0].BlockToken,
        };
        if (kind == "expired")
        {
            t.Time.Advance(EbsDirectClient.BlockTokenLifetime);
        }

        var error = await Assert.ThrowsAsync<EbsException>(() => direct.GetBlockAsync(snapshot, 0, token));

        Assert.Equal(EbsErrorCodes.ValidationException, error.ErrorCode);
        Assert.Equal(EbsErrorReasons.InvalidBlockToken, error.Reason);
    }

    [Fact]
    public async Task ListSnapshotBlocks_Pages_AscendingWithTokens()
    {
        await using var t = new TestCloud();
        var volume = await t.CreateVolumeAsync();
        await t.WriteBlocksAsync(volume.VolumeId, Enumerable.Range(0, 250), 1);
        var snapshot = await t.Ec2.TakeSnapshotAsync(volume.VolumeId);
        var direct = t.Direct();

        var first = await direct.ListSnapshotBlocksAsync(new ListSnapshotBlocksRequest { SnapshotId = snapshot.SnapshotId, MaxResults = 100 });
        var second = await direct.ListSnapshotBlocksAsync(new ListSnapshotBlocksRequest { SnapshotId = snapshot.SnapshotId, MaxResults = 100, NextToken = first.NextToken });
        var fromIndex = await direct.ListSnapshotBlocksAsync(new ListSnapshotBlocksRequest { SnapshotId = snapshot.SnapshotId, StartingBlockIndex = 240 });

        Assert.Equal(Enumerable.Range(0, 100).Select(i => (long)i), first.Blocks.Select(b => b.BlockIndex));
        Assert.Equal(Enumerable.Range(100, 100).Select(i => (long)i), second.Blocks.Select(b => b.BlockIndex));
        Assert.Equal(Enumerable.Range(240, 10).Select(i => (long)i), fromIndex.Blocks.Select(b => b.BlockIndex));
        Assert.Null(fromIndex.NextToken);
        Assert.Equal(250, await direct.BlockIndexesAsync(snapshot.SnapshotId) is var all ? all.Count : 0);
    }

    [Fact]
    public async Task Reads_SnapshotStillBeingWritten_InvalidSnapshotId()
    {
        await using var t = new TestCloud();
        var direct = t.Direct();
        var started = await direct.StartSnapshotAsync(new StartSnapshotRequest { VolumeSize = 1 });

        var error = await Assert.ThrowsAsync<EbsException>(() => direct.BlockIndexesAsync(started.SnapshotId));

        Assert.Equal(EbsErrorReasons.InvalidSnapshotId, error.Reason);
    }
}
