using Ebs.Core.Domain;
using Ebs.Core.Services;
using Microsoft.Extensions.Time.Testing;

namespace Ebs.Core.Tests.Direct;

/// <summary>The example of docs/direct.md, compiled and checked.</summary>
public sealed class DirectDocExampleTests
{
    [Fact]
    public async Task DirectExample_RunsAsDocumented()
    {
        // docs/direct.md example start
        var time = new FakeTimeProvider(DateTimeOffset.Parse("2026-01-01T00:00Z"));
        await using var cloud = EbsCloud.CreateInMemory(o => o.BlockSize = 4096, time);
        var ec2 = cloud.Account("111111111111").Ec2("us-east-1");
        var source = cloud.Account("111111111111").EbsDirect("us-east-1");
        var backup = cloud.Account("222222222222").EbsDirect("us-east-1");

        // An EC2 snapshot to back up: block 3 written.
        var vol = (await ec2.CreateVolumeAsync(new() { AvailabilityZone = "us-east-1a", Size = 1 })).Volume;
        await ec2.WriteVolumeAsync(new() { VolumeId = vol.VolumeId, Writes = [new VolumeWrite(3 * 4096, new byte[4096].Select(_ => (byte)7).ToArray())] });
        var snap = (await ec2.CreateSnapshotAsync(new() { VolumeId = vol.VolumeId })).Snapshot;

        // Read what changed (every written block, as there is no first snapshot) ...
        var started = await backup.StartSnapshotAsync(new() { VolumeSize = snap.VolumeSize, ClientToken = "nightly-2026-01-01" });
        var count = 0;
        await foreach (var changed in source.Paginators.ListChangedBlocks(new() { SecondSnapshotId = snap.SnapshotId }).ChangedBlocks)
        {
            var block = await source.GetSnapshotBlockAsync(new() { SnapshotId = snap.SnapshotId, BlockIndex = changed.BlockIndex, BlockToken = changed.SecondBlockToken! });

            // ... and write it into the backup account's snapshot, checksum and all.
            await backup.PutSnapshotBlockAsync(new()
            {
                SnapshotId = started.SnapshotId,
                BlockIndex = changed.BlockIndex,
                BlockData = block.BlockData,
                DataLength = block.DataLength,
                Checksum = block.Checksum,
            });
            count++;
        }

        await backup.CompleteSnapshotAsync(new() { SnapshotId = started.SnapshotId, ChangedBlocksCount = count });
        time.Advance(TimeSpan.FromMinutes(1));                       // completes on the clock like any snapshot
        var blocks = await backup.ListSnapshotBlocksAsync(new() { SnapshotId = started.SnapshotId });
        // blocks.Blocks: one block, index 3, with a token GetSnapshotBlock takes for seven days
        // docs/direct.md example end

        Assert.Equal(1, count);
        Assert.Equal([3L], blocks.Blocks.Select(b => b.BlockIndex));
        var restored = (await cloud.Account("222222222222").Ec2("us-east-1").CreateVolumeAsync(new() { AvailabilityZone = "us-east-1a", SnapshotId = started.SnapshotId })).Volume;
        var read = new byte[4096];
        await cloud.Account("222222222222").Ec2("us-east-1").ReadVolumeAsync(new() { VolumeId = restored.VolumeId, Offset = 3 * 4096, Destination = read });
        Assert.Equal(Enumerable.Repeat((byte)7, 4096), read);
    }
}
