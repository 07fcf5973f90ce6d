using System.Security.Cryptography;
using Ebs.Core;
using Ebs.Core.Domain;
using Ebs.Core.Services;
using Ebs.Core.Tests;
using Microsoft.Extensions.Time.Testing;

namespace Ebs.Storage.Sqlite.Tests;

/// <summary>The EBS direct APIs on the durable local directory: write generations, a snapshot being written and its timeout survive reopening.</summary>
public sealed class DirectSnapshotStoreTests
{
    private const int B = TestCloud.BlockSize;
    private static readonly EbsOptions Options = new() { BlockSize = B, IdSeed = 12 };

    [Fact]
    public async Task WriteGenerationsAndSnapshotBeingWritten_SurviveReopening_TimeoutFiresAndStoreClean()
    {
        using var dir = new TempDirectory();
        var time = new FakeTimeProvider(DateTimeOffset.Parse("2026-03-01T00:00:00Z", System.Globalization.CultureInfo.InvariantCulture));
        SnapshotId first, second, writing;
        await using (var cloud = await LocalDirectory.OpenAsync(dir.Path, Options, time))
        {
            var ec2 = cloud.Account(TestCloud.Account).Ec2(TestCloud.Region);
            var direct = cloud.Account(TestCloud.Account).EbsDirect(TestCloud.Region);
            var volume = (await ec2.CreateVolumeAsync(new CreateVolumeRequest { AvailabilityZone = "us-east-1a", Size = 1 })).Volume.VolumeId;
            await ec2.WriteAtAsync(volume, 0, TestCloud.Block(1));
            await ec2.WriteAtAsync(volume, B, TestCloud.Block(2));
            first = (await ec2.TakeSnapshotAsync(volume)).SnapshotId;
            await ec2.WriteAtAsync(volume, B, TestCloud.Block(2));
            second = (await ec2.TakeSnapshotAsync(volume)).SnapshotId;
            writing = (await direct.StartSnapshotAsync(new StartSnapshotRequest { VolumeSize = 1, Timeout = 10 })).SnapshotId;
            var data = TestCloud.Block(3);
            await direct.PutSnapshotBlockAsync(new PutSnapshotBlockRequest { SnapshotId = writing, BlockIndex = 4, BlockData = new MemoryStream(data), DataLength = B, Checksum = Convert.ToBase64String(SHA256.HashData(data)) });
        }

        await using (var cloud = await LocalDirectory.OpenAsync(dir.Path, Options, time))
        {
            var ec2 = cloud.Account(TestCloud.Account).Ec2(TestCloud.Region);
            var direct = cloud.Account(TestCloud.Account).EbsDirect(TestCloud.Region);
            var changed = await direct.ListChangedBlocksAsync(new ListChangedBlocksRequest { FirstSnapshotId = first, SecondSnapshotId = second });
            Assert.Equal([1L], changed.ChangedBlocks.Select(c => c.BlockIndex));
            Assert.Equal(SnapshotState.Pending, (await ec2.DescribeSnapshotAsync(writing)).State);
            Assert.True((await cloud.ScrubAsync(verifyContents: true)).IsClean);

            time.Advance(TimeSpan.FromMinutes(10));
            Assert.Equal(SnapshotState.Error, (await ec2.DescribeSnapshotAsync(writing)).State);
            var report = await cloud.ScrubAsync();
            Assert.True(report.IsClean);
            Assert.Equal(2, report.StoredChunks);
        }
    }
}
