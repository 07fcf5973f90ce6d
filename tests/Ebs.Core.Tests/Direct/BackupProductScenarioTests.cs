using Ebs.Core.Domain;
using Ebs.Core.Services;

namespace Ebs.Core.Tests.Direct;

/// <summary>
/// A backup product as AWS's partners build one on the EBS direct APIs: it reads a chain of EC2
/// snapshots with ListChangedBlocks and GetSnapshotBlock and writes each into a snapshot of its
/// own account with StartSnapshot (parent: its previous one), PutSnapshotBlock and CompleteSnapshot.
/// </summary>
public sealed class BackupProductScenarioTests
{
    private const string BackupAccount = "222222222222";

    [Fact]
    public async Task Ec2SnapshotChain_BackedUpIncrementallyIntoSecondAccount_ByteExactAndStorageGrowsByChangedBlocksOnly()
    {
        await using var t = new TestCloud();
        var volume = (await t.CreateVolumeAsync()).VolumeId;
        var source = t.Direct();
        var target = t.Direct(BackupAccount);
        var backupEc2 = t.Cloud.Account(BackupAccount).Ec2(TestCloud.Region);

        // Each round writes blocks with new bytes and rewrites blocks with the bytes they hold.
        (int[] Fresh, int[] Rewritten)[] rounds = [([.. Enumerable.Range(0, 10)], []), ([2, 11, 12], [4, 5]), ([0], [11])];
        SnapshotId? previousSource = null, previousBackup = null;
        var stored = 0L;
        var seed = 1000;
        foreach (var (fresh, rewritten) in rounds)
        {
            foreach (var block in fresh)
            {
                await t.Ec2.WriteAtAsync(volume, (long)block * TestCloud.BlockSize, TestCloud.Block(seed++));
            }

            foreach (var block in rewritten)
            {
                await t.Ec2.WriteAtAsync(volume, (long)block * TestCloud.BlockSize, await t.ReadAsync(volume, (long)block * TestCloud.BlockSize, TestCloud.BlockSize));
            }

            var snapshot = (await t.CompleteAsync(await t.Ec2.TakeSnapshotAsync(volume))).SnapshotId;

            // The backup agent: what changed, read from the source, written to its own account.
            var changed = await source.ChangedAsync(previousSource, snapshot);
            var backup = await target.StartSnapshotAsync(new StartSnapshotRequest { VolumeSize = 1, ParentSnapshotId = previousBackup, Description = $"backup of {snapshot}" });
            foreach (var block in changed)
            {
                var data = block.SecondBlockToken is { } token ? await source.GetBlockAsync(snapshot, block.BlockIndex, token) : new byte[TestCloud.BlockSize];
                await target.PutAsync(backup.SnapshotId, block.BlockIndex, data);
            }

            await target.CompleteSnapshotAsync(new CompleteSnapshotRequest { SnapshotId = backup.SnapshotId, ChangedBlocksCount = changed.Count });
            t.Time.Advance(TimeSpan.FromHours(1));

            Assert.Equal(fresh.Concat(rewritten).Order().Select(b => (long)b), changed.Select(c => c.BlockIndex));
            Assert.Equal(await t.ReadThroughVolumeAsync(t.Ec2, snapshot, 16), await t.ReadThroughVolumeAsync(backupEc2, backup.SnapshotId, 16));
            var usage = (await backupEc2.GetStorageUsageAsync(new GetStorageUsageRequest())).StoredSizeInBytes;
            Assert.Equal(stored + ((long)fresh.Length * TestCloud.BlockSize), usage);
            Assert.Equal(SnapshotState.Completed, (await backupEc2.DescribeSnapshotAsync(backup.SnapshotId)).State);
            stored = usage;
            previousSource = snapshot;
            previousBackup = backup.SnapshotId;
        }
    }
}
