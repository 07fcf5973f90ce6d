using Ebs.Core.Domain;
using Ebs.Core.Services;

namespace Ebs.Core.Tests.Direct;

public sealed class DirectWriteTests
{
    [Fact]
    public async Task StartPutComplete_BlocksAnyOrderWithZeroBlock_CompletesOnClockAndReadsBackThroughVolume()
    {
        await using var t = new TestCloud();
        var direct = t.Direct();
        var started = await direct.StartSnapshotAsync(new StartSnapshotRequest { VolumeSize = 1, Description = "on-prem", ClientToken = "token-1" });
        byte[] zeros = new byte[TestCloud.BlockSize], a = TestCloud.Block(1), b = TestCloud.Block(2);

        await direct.PutAsync(started.SnapshotId, 7, b);
        await direct.PutAsync(started.SnapshotId, 5, zeros);
        await direct.PutAsync(started.SnapshotId, 0, a);
        var completed = await direct.CompleteSnapshotAsync(new CompleteSnapshotRequest
        {
            SnapshotId = started.SnapshotId,
            ChangedBlocksCount = 3,
            Checksum = DirectShorthands.Linear([a, zeros, b]),
            ChecksumAlgorithm = ChecksumAlgorithm.Sha256,
            ChecksumAggregationMethod = ChecksumAggregationMethod.Linear,
        });

        Assert.Equal(SnapshotState.Pending, started.Status);
        Assert.Equal(TestCloud.BlockSize, started.BlockSize);
        Assert.Equal(SnapshotState.Pending, completed.Status);
        var described = await t.CompleteAsync(await t.Ec2.DescribeSnapshotAsync(started.SnapshotId));
        Assert.Equal(SnapshotState.Completed, described.State);
        Assert.Equal("vol-ffffffff", described.VolumeId.Value);
        Assert.Equal(3L * TestCloud.BlockSize, described.FullSnapshotSizeInBytes);
        Assert.Equal([0L, 5L, 7L], await direct.BlockIndexesAsync(started.SnapshotId));
        var read = await t.ReadThroughVolumeAsync(t.Ec2, started.SnapshotId, 9);
        Assert.Equal(a, read[..TestCloud.BlockSize]);
        Assert.Equal(b, read[(7 * TestCloud.BlockSize)..(8 * TestCloud.BlockSize)]);
        Assert.All(read[TestCloud.BlockSize..(7 * TestCloud.BlockSize)], x => Assert.Equal(0, x));
    }

    [Fact]
    public async Task StartSnapshot_WithParent_InheritsBlocksAndListsOnlyWrittenAsChangedEvenWithEqualBytes()
    {
        await using var t = new TestCloud();
        var direct = t.Direct();
        var parent = await WrittenAsync(t, (0, TestCloud.Block(10)), (1, TestCloud.Block(11)), (2, TestCloud.Block(12)));
        var child = await direct.StartSnapshotAsync(new StartSnapshotRequest { VolumeSize = 1, ParentSnapshotId = parent });
        var chunksBefore = t.StoredChunks;

        await direct.PutAsync(child.SnapshotId, 1, TestCloud.Block(11));
        await direct.PutAsync(child.SnapshotId, 3, TestCloud.Block(13));
        await direct.CompleteSnapshotAsync(new CompleteSnapshotRequest { SnapshotId = child.SnapshotId, ChangedBlocksCount = 2 });
        t.Time.Advance(TimeSpan.FromHours(1));

        Assert.Equal(parent, child.ParentSnapshotId);
        Assert.Equal([0L, 1L, 2L, 3L], await direct.BlockIndexesAsync(child.SnapshotId));
        Assert.Equal([1L, 3L], (await direct.ChangedAsync(parent, child.SnapshotId)).Select(c => c.BlockIndex));
        Assert.Equal(chunksBefore + 1, t.StoredChunks);
        var read = await t.ReadThroughVolumeAsync(t.Ec2, child.SnapshotId, 4);
        Assert.Equal(TestCloud.Block(12), read[(2 * TestCloud.BlockSize)..(3 * TestCloud.BlockSize)]);
    }

    [Fact]
    public async Task PutSnapshotBlock_ManyThreadsAtOnce_EveryBlockWritten()
    {
        await using var t = new TestCloud();
        var direct = t.Direct();
        var started = await direct.StartSnapshotAsync(new StartSnapshotRequest { VolumeSize = 1 });

        await Task.WhenAll(Enumerable.Range(0, 64).Select(i => Task.Run(async () => await direct.PutAsync(started.SnapshotId, 63 - i, TestCloud.Block(i)))));
        await direct.CompleteSnapshotAsync(new CompleteSnapshotRequest { SnapshotId = started.SnapshotId, ChangedBlocksCount = 64 });
        t.Time.Advance(TimeSpan.FromHours(1));

        Assert.Equal(Enumerable.Range(0, 64).Select(i => (long)i), await direct.BlockIndexesAsync(started.SnapshotId));
        var read = await t.ReadThroughVolumeAsync(t.Ec2, started.SnapshotId, 64);
        Assert.Equal(TestCloud.Block(0), read[(63 * TestCloud.BlockSize)..]);
    }

    [Fact]
    public async Task PutSnapshotBlock_SameBlockTwice_CountsOnceAndLastWins()
    {
        await using var t = new TestCloud();
        var direct = t.Direct();
        var started = await direct.StartSnapshotAsync(new StartSnapshotRequest { VolumeSize = 1 });

        await direct.PutAsync(started.SnapshotId, 4, TestCloud.Block(1));
        await direct.PutAsync(started.SnapshotId, 4, TestCloud.Block(2));
        await direct.CompleteSnapshotAsync(new CompleteSnapshotRequest { SnapshotId = started.SnapshotId, ChangedBlocksCount = 1, Checksum = DirectShorthands.Linear([TestCloud.Block(2)]), ChecksumAlgorithm = ChecksumAlgorithm.Sha256, ChecksumAggregationMethod = ChecksumAggregationMethod.Linear });
        t.Time.Advance(TimeSpan.FromHours(1));

        var read = await t.ReadThroughVolumeAsync(t.Ec2, started.SnapshotId, 5);
        Assert.Equal(TestCloud.Block(2), read[(4 * TestCloud.BlockSize)..]);
    }

    [Fact]
    public async Task StartSnapshot_NotCompletedWithinTimeout_ErrorAndChunksFreed()
    {
        await using var t = new TestCloud();
        var direct = t.Direct();
        var chunks = t.StoredChunks;
        var started = await direct.StartSnapshotAsync(new StartSnapshotRequest { VolumeSize = 1, Timeout = 10 });
        await direct.PutAsync(started.SnapshotId, 0, TestCloud.Block(1));
        t.Time.Advance(TimeSpan.FromMinutes(9));
        await direct.PutAsync(started.SnapshotId, 1, TestCloud.Block(2));

        t.Time.Advance(TimeSpan.FromMinutes(9));
        var stillPending = await t.Ec2.DescribeSnapshotAsync(started.SnapshotId);
        t.Time.Advance(TimeSpan.FromMinutes(1));
        var failed = await t.Ec2.DescribeSnapshotAsync(started.SnapshotId);

        Assert.Equal(SnapshotState.Pending, stillPending.State);
        Assert.Equal(SnapshotState.Error, failed.State);
        Assert.Equal(chunks, t.StoredChunks);
        var error = await Assert.ThrowsAsync<EbsException>(() => direct.PutAsync(started.SnapshotId, 2, TestCloud.Block(3)).AsTask());
        Assert.Equal(EbsErrorReasons.WriteRequestTimeout, error.Reason);
        Assert.Equal(chunks, t.StoredChunks);
    }

    [Fact]
    public async Task StartSnapshot_DefaultTimeout_SixtyMinutes()
    {
        await using var t = new TestCloud();
        var started = await t.Direct().StartSnapshotAsync(new StartSnapshotRequest { VolumeSize = 1 });

        t.Time.Advance(TimeSpan.FromMinutes(59));
        var before = await t.Ec2.DescribeSnapshotAsync(started.SnapshotId);
        t.Time.Advance(TimeSpan.FromMinutes(1));

        Assert.Equal(SnapshotState.Pending, before.State);
        Assert.Equal(SnapshotState.Error, (await t.Ec2.DescribeSnapshotAsync(started.SnapshotId)).State);
    }

    [Fact]
    public async Task StartSnapshot_SameClientToken_SameSnapshotAndOtherParametersConflict()
    {
        await using var t = new TestCloud();
        var direct = t.Direct();
        var request = new StartSnapshotRequest { VolumeSize = 2, ClientToken = "retry-me", Tags = [new Tag("k", "v")] };

        var first = await direct.StartSnapshotAsync(request);
        var again = await direct.StartSnapshotAsync(request);

        Assert.Equal(first.SnapshotId, again.SnapshotId);
        Assert.Single(await t.Ec2.ListSnapshotsAsync());
        await StateFingerprint.AssertUnchangedAsync(t.Cloud, () => direct.StartSnapshotAsync(request with { VolumeSize = 3 }).AsTask(), EbsErrorCodes.ConflictException);
    }

    [Fact]
    public async Task StartSnapshot_TooManyBeingWritten_ConcurrentLimitExceeded()
    {
        await using var t = new TestCloud();
        var direct = t.Direct();
        for (var i = 0; i < EbsDirectClient.MaxSnapshotsBeingWritten; i++)
        {
            await direct.StartSnapshotAsync(new StartSnapshotRequest { VolumeSize = 1 });
        }

        await StateFingerprint.AssertUnchangedAsync(t.Cloud, () => direct.StartSnapshotAsync(new StartSnapshotRequest { VolumeSize = 1 }).AsTask(), EbsErrorCodes.ConcurrentLimitExceededException);
    }

    [Fact]
    public async Task CompletedDirectSnapshot_UsableByEc2_CopyAndRegisterImage()
    {
        await using var t = new TestCloud();
        var snapshot = await WrittenAsync(t, (0, TestCloud.Block(1)));

        var copy = await t.Ec2.CopySnapshotHereAsync(TestCloud.Region, snapshot);
        var image = await t.Ec2.RegisterAndDescribeImageAsync(new RegisterImageRequest { Name = "from-direct", RootDeviceName = "/dev/xvda", BlockDeviceMappings = [Ec2Shorthands.Mapping("/dev/xvda", snapshot)] });
        t.Time.Advance(TimeSpan.FromHours(1));

        Assert.Equal(snapshot, image.BlockDeviceMappings[0].Ebs.SnapshotId);
        Assert.Equal(TestCloud.Block(1), (await t.ReadThroughVolumeAsync(t.Ec2, copy.SnapshotId, 1)));
    }

    /// <summary>Writes a completed snapshot of the blocks with the direct APIs, on the clock past its completion.</summary>
    internal static async Task<SnapshotId> WrittenAsync(TestCloud t, params (long Index, byte[] Data)[] blocks)
    {
        var direct = t.Direct();
        var started = await direct.StartSnapshotAsync(new StartSnapshotRequest { VolumeSize = 1 });
        foreach (var (index, data) in blocks)
        {
            await direct.PutAsync(started.SnapshotId, index, data);
        }

        await direct.CompleteSnapshotAsync(new CompleteSnapshotRequest { SnapshotId = started.SnapshotId, ChangedBlocksCount = blocks.Length });
        t.Time.Advance(TimeSpan.FromHours(1));
        return started.SnapshotId;
    }
}
