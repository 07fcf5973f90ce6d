using Ebs.Core.Domain;
using Ebs.Core.Services;

namespace Ebs.Core.Tests.Services;

public sealed class ReadSnapshotTests
{
    private const int Block = TestCloud.BlockSize;

    [Fact]
    public async Task ReadSnapshot_Range_IsTheVolumeAtSnapshotTimeNotLater()
    {
        await using var t = new TestCloud();
        var volume = (await t.CreateVolumeAsync()).VolumeId;
        var image = TestCloud.Image(64 * Block, seed: 7);
        await t.Ec2.WriteAtAsync(volume, 0, image);
        var snapshot = await t.CompleteAsync(await t.Ec2.TakeSnapshotAsync(volume));
        await t.WriteBlocksAsync(volume, [1, 2, 40], seedBase: 1000);

        var whole = new byte[64 * Block];
        var read = await Direct(t).ReadSnapshotAsync(new() { SnapshotId = snapshot.SnapshotId, Offset = 0, Destination = whole });
        var part = new byte[(5 * Block) + 123];
        await Direct(t).ReadSnapshotAsync(new() { SnapshotId = snapshot.SnapshotId, Offset = (2 * Block) + 77, Destination = part });

        Assert.Equal(whole.Length, read.BytesRead);
        Assert.Equal(image, whole);
        Assert.Equal(image.AsSpan((2 * Block) + 77, part.Length).ToArray(), part);
    }

    [Fact]
    public async Task ReadSnapshot_MoreThanOneBatch_SameBytesAsGetSnapshotBlockAndZerosBetween()
    {
        await using var t = new TestCloud();
        var volume = (await t.CreateVolumeAsync()).VolumeId;
        int[] written = [0, 5, 4095, 4096, 4097, 9000];
        await t.WriteBlocksAsync(volume, written, seedBase: 3);
        var snapshot = (await t.CompleteAsync(await t.Ec2.TakeSnapshotAsync(volume))).SnapshotId;

        // 9,001 blocks of 4 KiB: three batches of at most 16 MiB.
        var bytes = new byte[9001 * Block];
        await Direct(t).ReadSnapshotAsync(new() { SnapshotId = snapshot, Offset = 0, Destination = bytes });

        var listed = await Direct(t).ListSnapshotBlocksAsync(new() { SnapshotId = snapshot });
        Assert.Equal(written.Select(b => (long)b), listed.Blocks.Select(b => b.BlockIndex));
        foreach (var block in listed.Blocks)
        {
            var response = await Direct(t).GetSnapshotBlockAsync(new() { SnapshotId = snapshot, BlockIndex = block.BlockIndex, BlockToken = block.BlockToken });
            var expected = new byte[Block];
            await response.BlockData.ReadExactlyAsync(expected);
            Assert.Equal(expected, bytes.AsSpan((int)block.BlockIndex * Block, Block).ToArray());
        }

        var unwritten = Enumerable.Range(0, 9001).Except(written);
        Assert.All(unwritten, b => Assert.DoesNotContain(bytes.AsSpan(b * Block, Block).ToArray(), x => x != 0));
    }

    [Theory]
    [InlineData(-1L, 10)]
    [InlineData((1L << 30) - 10, 11)]
    [InlineData(1L << 30, 1)]
    public async Task ReadSnapshot_RangeOutsideTheVolumeSize_ValidationExceptionAndBufferUntouched(long offset, int length)
    {
        await using var t = new TestCloud();
        var volume = (await t.CreateVolumeAsync()).VolumeId;
        await t.WriteBlocksAsync(volume, [0], seedBase: 1);
        var snapshot = (await t.CompleteAsync(await t.Ec2.TakeSnapshotAsync(volume))).SnapshotId;
        var buffer = Enumerable.Repeat((byte)0xAB, length).ToArray();

        var error = await Assert.ThrowsAsync<EbsException>(() => Direct(t).ReadSnapshotAsync(new() { SnapshotId = snapshot, Offset = offset, Destination = buffer }).AsTask());

        Assert.Equal(EbsErrorCodes.ValidationException, error.ErrorCode);
        Assert.Equal(EbsErrorReasons.InvalidParameterValue, error.Reason);
        Assert.All(buffer, b => Assert.Equal(0xAB, b));
    }

    [Fact]
    public async Task ReadSnapshot_UnknownOrOtherAccountsSnapshot_ResourceNotFoundWithReason()
    {
        await using var t = new TestCloud();
        var volume = (await t.CreateVolumeAsync()).VolumeId;
        var snapshot = (await t.CompleteAsync(await t.Ec2.TakeSnapshotAsync(volume))).SnapshotId;
        var stranger = t.Cloud.Account("222222222222").EbsDirect(TestCloud.Region);

        var unknown = await Assert.ThrowsAsync<EbsException>(() => Direct(t).ReadSnapshotAsync(new() { SnapshotId = SnapshotId.Parse("snap-0123456789abcdef0"), Offset = 0, Destination = new byte[1] }).AsTask());
        var notShared = await Assert.ThrowsAsync<EbsException>(() => stranger.ReadSnapshotAsync(new() { SnapshotId = snapshot, Offset = 0, Destination = new byte[1] }).AsTask());

        Assert.All([unknown, notShared], e => Assert.Equal((EbsErrorCodes.ResourceNotFoundException, EbsErrorReasons.SnapshotNotFound), (e.ErrorCode, e.Reason)));
    }

    [Fact]
    public async Task ReadSnapshot_SharedWithAnotherAccount_ThatAccountReadsIt()
    {
        await using var t = new TestCloud();
        var volume = (await t.CreateVolumeAsync()).VolumeId;
        await t.WriteBlocksAsync(volume, [2], seedBase: 11);
        var snapshot = (await t.CompleteAsync(await t.Ec2.TakeSnapshotAsync(volume))).SnapshotId;
        await t.Ec2.ModifySnapshotAttributeAsync(new() { SnapshotId = snapshot, Attribute = SnapshotAttributeName.CreateVolumePermission, OperationType = OperationType.Add, UserIds = ["222222222222"] });
        var bytes = new byte[Block];

        await t.Cloud.Account("222222222222").EbsDirect(TestCloud.Region).ReadSnapshotAsync(new() { SnapshotId = snapshot, Offset = 2 * Block, Destination = bytes });

        Assert.Equal(TestCloud.Block(13), bytes);
    }

    private static EbsDirectClient Direct(TestCloud t) => t.Cloud.Account(TestCloud.Account).EbsDirect(TestCloud.Region);
}
