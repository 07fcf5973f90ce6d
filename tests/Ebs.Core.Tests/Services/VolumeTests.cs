using Ebs.Core.Domain;
using Ebs.Core.Services;

namespace Ebs.Core.Tests.Services;

public sealed class VolumeTests
{
    private const int B = TestCloud.BlockSize;

    [Fact]
    public async Task ReadVolume_UnwrittenRange_ReadsZeros()
    {
        await using var t = new TestCloud();
        var volume = await t.CreateVolumeAsync();

        Assert.Equal(new byte[3 * B], await t.ReadAsync(volume.VolumeId, (1L << 30) - (3 * B), 3 * B));
        Assert.Equal(VolumeState.Available, volume.State);
        Assert.Null(volume.Initialization);
    }

    [Fact]
    public async Task WriteVolume_UnalignedSpanningBlocks_ReadsBackAndKeepsNeighbours()
    {
        await using var t = new TestCloud();
        var volume = await t.CreateVolumeAsync();
        var background = TestCloud.Block(7).Concat(TestCloud.Block(8)).Concat(TestCloud.Block(9)).ToArray();
        await t.Ec2.WriteAtAsync(volume.VolumeId, 0, background);
        var patch = Enumerable.Range(0, B + 100).Select(i => (byte)(i % 251)).ToArray();

        await t.Ec2.WriteAtAsync(volume.VolumeId, B - 50, patch);

        var expected = background.ToArray();
        patch.CopyTo(expected, B - 50);
        Assert.Equal(expected, await t.ReadAsync(volume.VolumeId, 0, 3 * B));
        Assert.Equal(expected.AsSpan(B - 7, 1234).ToArray(), await t.ReadAsync(volume.VolumeId, B - 7, 1234));
    }

    [Theory]
    [InlineData(-1, 10)]
    [InlineData((1L << 30) - 5, 10)]
    [InlineData(1L << 30, 1)]
    public async Task WriteVolume_OutOfRange_InvalidParameterValueAndNothingStored(long offset, int length)
    {
        await using var t = new TestCloud();
        var volume = await t.CreateVolumeAsync();

        var error = await Assert.ThrowsAsync<EbsException>(() => t.Ec2.WriteAtAsync(volume.VolumeId, offset, new byte[length]).AsTask());
        var readError = await Assert.ThrowsAsync<EbsException>(() => t.Ec2.ReadAtAsync(volume.VolumeId, offset, new byte[length]).AsTask());

        Assert.Equal(EbsErrorCodes.InvalidParameterValue, error.ErrorCode);
        Assert.Equal(EbsErrorCodes.InvalidParameterValue, readError.ErrorCode);
        Assert.Equal(0, t.StoredChunks);
    }

    [Fact]
    public async Task OpenVolume_LongRunsSeeksAndReadsBetweenWrites_MatchPlainByteArray()
    {
        await using var t = new TestCloud();
        var volume = await t.CreateVolumeAsync();
        var model = new byte[20 << 20]; // longer than one gathered run of writes
        var random = new Random(11);

        await using (var disk = t.Ec2.OpenVolume(volume.VolumeId))
        {
            foreach (var (at, length) in new[] { (100L, 18 << 20), (5000L, 3000), (17L << 20, 2 << 20), (0L, 1) })
            {
                var data = new byte[length];
                random.NextBytes(data);
                disk.Position = at;
                for (var done = 0; done < length; done += 65536)
                {
                    await disk.WriteAsync(data.AsMemory(done, Math.Min(65536, length - done)));
                }

                data.CopyTo(model, at);

                // A read in the middle of pending writes sees them.
                var probe = new byte[10];
                disk.Position = at;
                await disk.ReadExactlyAsync(probe);
                Assert.Equal(model.AsSpan((int)at, 10).ToArray(), probe);
            }
        }

        Assert.Equal(model, await t.ReadAsync(volume.VolumeId, 0, model.Length));
    }

    [Fact]
    public async Task OpenVolume_RunStartingInsideABlock_KeepsAConcurrentWriteToTheRestOfIt()
    {
        await using var t = new TestCloud();
        var volume = await t.CreateVolumeAsync();

        await using (var disk = t.Ec2.OpenVolume(volume.VolumeId))
        {
            disk.Position = 100;
            await disk.WriteAsync(new byte[] { 1, 2, 3 }); // gathered, not yet stored
            await t.Ec2.WriteAtAsync(volume.VolumeId, 0, Enumerable.Repeat((byte)9, 100).ToArray());
        }

        var back = await t.ReadAsync(volume.VolumeId, 0, 103);
        Assert.Equal([.. Enumerable.Repeat((byte)9, 100), 1, 2, 3], back);
    }

    [Fact]
    public async Task OpenVolume_CopyImageInAndOut_ByteExact()
    {
        await using var t = new TestCloud();
        var volume = await t.CreateVolumeAsync();
        var image = new byte[(10 * B) + 123];
        new Random(5).NextBytes(image);

        await using (var disk = t.Ec2.OpenVolume(volume.VolumeId))
        {
            disk.Position = 777;
            await new MemoryStream(image).CopyToAsync(disk, bufferSize: 1000);
        }

        var back = new byte[image.Length];
        await using (var disk = t.Ec2.OpenVolume(volume.VolumeId))
        {
            Assert.Equal(1L << 30, disk.Length);
            disk.Seek(777, SeekOrigin.Begin);
            await disk.ReadExactlyAsync(back);
            Assert.Equal(new byte[777], await t.ReadAsync(volume.VolumeId, 0, 777));
        }

        Assert.Equal(image, back);
    }

    [Fact]
    public async Task CreateVolume_FromSnapshotInOtherZoneAndLarger_IsLazyUntilEveryBlockIsRead()
    {
        await using var t = new TestCloud();
        var source = await t.CreateVolumeAsync();
        await t.WriteBlocksAsync(source.VolumeId, Enumerable.Range(0, 10), seedBase: 0);
        var snapshot = await t.CompleteAsync(await t.Ec2.TakeSnapshotAsync(source.VolumeId));

        var restored = await t.Ec2.CreateVolumeAsync(new CreateVolumeRequest { AvailabilityZone = "us-east-1d", SnapshotId = snapshot.SnapshotId, Size = 2 });
        Assert.Equal(new VolumeInitialization(10, 0, 0), restored.Volume.Initialization);
        await t.ReadAsync(restored.Volume.VolumeId, 0, 4 * B);
        await t.ReadAsync(restored.Volume.VolumeId, 0, 4 * B);
        await t.Ec2.WriteAtAsync(restored.Volume.VolumeId, 9 * B, TestCloud.Block(99));
        var partial = (await t.Ec2.DescribeVolumeAsync(restored.Volume.VolumeId)).Initialization!;
        Assert.Equal(4, partial.ColdReads);
        Assert.Equal(5, partial.InitializedBlocks);
        Assert.Equal(50, partial.Percent);

        var all = await t.ReadAsync(restored.Volume.VolumeId, 0, 2 << 20); // the dd pre-warm, over the first 2 MiB
        var done = (await t.Ec2.DescribeVolumeAsync(restored.Volume.VolumeId)).Initialization!;
        Assert.True(done.IsComplete);
        Assert.Equal(9, done.ColdReads);
        Assert.Equal(TestCloud.Block(5), all.AsSpan(5 * B, B).ToArray());
        Assert.Equal(2, (await t.Ec2.DescribeVolumeAsync(restored.Volume.VolumeId)).Size);
        Assert.Equal("us-east-1d", restored.Volume.AvailabilityZone);
        Assert.Equal(snapshot.SnapshotId, restored.Volume.SnapshotId);
    }

    [Fact]
    public async Task DeleteVolume_WithoutSnapshots_FreesEveryChunk()
    {
        await using var t = new TestCloud();
        var volume = await t.CreateVolumeAsync();
        await t.WriteBlocksAsync(volume.VolumeId, Enumerable.Range(0, 5), seedBase: 0);
        await t.Ec2.TakeSnapshotAsync(volume.VolumeId);
        await t.WriteBlocksAsync(volume.VolumeId, Enumerable.Range(0, 2), seedBase: 10);
        var snapshots = await t.Ec2.ListSnapshotsAsync();
        await t.Ec2.DeleteSnapshotAsync(snapshots[0].SnapshotId);

        await t.Ec2.DeleteVolumeAsync(volume.VolumeId);

        Assert.Equal(0, t.StoredChunks);
        Assert.Empty(await t.Ec2.ListVolumesAsync());
        Assert.True((await t.Cloud.ScrubAsync()).IsClean);
    }

    [Fact]
    public async Task WriteVolume_SameBytesTwice_StoredOnce()
    {
        await using var t = new TestCloud();
        var volume = await t.CreateVolumeAsync();

        await t.Ec2.WriteAtAsync(volume.VolumeId, 0, TestCloud.Block(1));
        await t.Ec2.WriteAtAsync(volume.VolumeId, 5 * B, TestCloud.Block(1));
        await t.Ec2.WriteAtAsync(volume.VolumeId, 9 * B, new byte[B]);
        await t.Ec2.WriteAtAsync(volume.VolumeId, 10 * B, new byte[B]);

        // Zeros where the volume holds nothing are no data: not stored, not in the snapshot.
        Assert.Equal(1, t.StoredChunks);
        var snapshot = await t.Ec2.TakeSnapshotAsync(volume.VolumeId);
        Assert.Equal(2L * B, snapshot.FullSnapshotSizeInBytes);
        Assert.Equal(1L * B, (await t.Ec2.GetStorageUsageAsync(new())).StoredSizeInBytes);
    }

    [Fact]
    public async Task DescribeVolumes_FiltersAndTags()
    {
        await using var t = new TestCloud();
        var a = (await t.Ec2.CreateVolumeAsync(new CreateVolumeRequest { AvailabilityZone = "us-east-1a", Size = 8, TagSpecifications = Ec2Shorthands.Tags(ResourceType.Volume, new Dictionary<string, string> { ["Name"] = "db" }) })).Volume;
        var b = await t.CreateVolumeAsync(sizeGiB: 16, zone: "us-east-1b");

        await t.Ec2.CreateTagsAsync(new CreateTagsRequest { Resources = [b.VolumeId], Tags = [new Tag("Name", "web"), new Tag("team", "x")] });
        await t.Ec2.DeleteTagsAsync(new DeleteTagsRequest { Resources = [b.VolumeId], Tags = [new Tag("team", null)] });

        Assert.Equal([a.VolumeId], (await t.Ec2.ListVolumesAsync(new() { Filters = [new Filter("tag:Name", "db")] })).Select(v => v.VolumeId));
        Assert.Equal([b.VolumeId], (await t.Ec2.ListVolumesAsync(new() { Filters = [new Filter("availability-zone", "us-east-1b")] })).Select(v => v.VolumeId));
        Assert.Equal([b.VolumeId], (await t.Ec2.ListVolumesAsync(new() { Filters = [new Filter("size", "16"), new Filter("status", "available")] })).Select(v => v.VolumeId));
        Assert.Equal([new Tag("Name", "web")], (await t.Ec2.DescribeVolumeAsync(b.VolumeId)).Tags);
        Assert.Equal([a.VolumeId], (await t.Ec2.ListVolumesAsync(new() { VolumeIds = [a.VolumeId] })).Select(v => v.VolumeId));
    }
}
