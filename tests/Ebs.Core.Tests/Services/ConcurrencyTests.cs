using Ebs.Core.Services;

namespace Ebs.Core.Tests.Services;

public sealed class ConcurrencyTests
{
    private const int B = TestCloud.BlockSize;

    [Fact]
    public async Task ManyThreads_WriteSnapshotReadDelete_EveryVolumeExactAndScrubClean()
    {
        await using var t = new TestCloud();
        var volumes = new List<Ebs.Core.Domain.Volume>();
        for (var i = 0; i < 4; i++)
        {
            volumes.Add(await t.CreateVolumeAsync());
        }

        // Every worker writes shared content too, so dedup races with deletion of the same chunks.
        var workers = volumes.Select((volume, worker) => Task.Run(async () =>
        {
            for (var round = 0; round < 30; round++)
            {
                var block = round % 8;
                await t.Ec2.WriteVolumeAsync(volume.Id, block * B, TestCloud.Block(round % 3 == 0 ? 7 : (worker * 1000) + round));
                if (round % 5 == 0)
                {
                    t.Time.Advance(TimeSpan.FromMinutes(1)); // let earlier snapshots complete
                    var snapshot = await t.Ec2.CreateSnapshotAsync(volume.Id);
                    var reader = t.Cloud.Account(TestCloud.Account).EbsDirect(TestCloud.Region);
                    Assert.NotEmpty((await reader.ListChangedBlocksAsync(null, snapshot.Id)).BlockIndexes);
                    if (round % 10 == 0)
                    {
                        await t.Ec2.DeleteSnapshotAsync(snapshot.Id);
                    }
                }

                var back = await t.ReadAsync(volume.Id, block * B, B);
                Assert.Equal(TestCloud.Block(round % 3 == 0 ? 7 : (worker * 1000) + round), back);
            }
        })).ToList();
        await Task.WhenAll(workers);

        var report = await t.Cloud.ScrubAsync();
        Assert.True(report.IsClean, report.ToString());
        Assert.Equal(12, (await t.Ec2.DescribeSnapshotsAsync()).Count);
    }

    [Fact]
    public async Task ListChangedBlocks_Paginated_AscendingAndComplete()
    {
        await using var t = new TestCloud();
        var volume = await t.CreateVolumeAsync();
        await t.WriteBlocksAsync(volume.Id, Enumerable.Range(0, 30), seedBase: 0);
        var a = await t.Ec2.CreateSnapshotAsync(volume.Id);
        int[] changed = [1, 4, 5, 17, 29, 100, 200];
        await t.WriteBlocksAsync(volume.Id, changed, seedBase: 500);
        var b = await t.Ec2.CreateSnapshotAsync(volume.Id);
        var direct = t.Cloud.Account(TestCloud.Account).EbsDirect(TestCloud.Region);

        var first = await direct.ListChangedBlocksAsync(a.Id, b.Id, maxResults: 3);
        var second = await direct.ListChangedBlocksAsync(a.Id, b.Id, first.NextToken, maxResults: 3);
        var third = await direct.ListChangedBlocksAsync(a.Id, b.Id, second.NextToken, maxResults: 3);

        Assert.Equal([1L, 4, 5], first.BlockIndexes);
        Assert.Equal([17L, 29, 100], second.BlockIndexes);
        Assert.Equal([200L], third.BlockIndexes);
        Assert.Null(third.NextToken);
        Assert.Equal(changed.Select(c => (long)c), await direct.ListAllChangedBlocksAsync(a.Id, b.Id).ToListAsync());
        Assert.Equal(B, first.BlockSize);
        Assert.Equal(30, (await direct.ListChangedBlocksAsync(null, a.Id)).BlockIndexes.Count);
    }
}
