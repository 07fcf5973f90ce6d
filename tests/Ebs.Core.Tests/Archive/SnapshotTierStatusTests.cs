using System.Text.Json.Nodes;
using Ebs.Core.Domain;
using Ebs.Core.Services;
using Ebs.Core.Storage;
using static Ebs.Core.Tests.Archive.Archiving;

namespace Ebs.Core.Tests.Archive;

public sealed class SnapshotTierStatusTests
{
    [Fact]
    public async Task DescribeSnapshotTierStatus_ArchivedSnapshots_FilteredAndPagedAsAws()
    {
        await using var t = NewCloud();
        var snapshots = new List<Snapshot>();
        for (var i = 0; i < 7; i++)
        {
            snapshots.Add(await CompletedSnapshotAsync(t, blocks: 1, seedBase: i));
        }

        for (var i = 0; i < 5; i++)
        {
            await t.Ec2.ArchiveAsync(snapshots[i].SnapshotId);
        }

        t.Time.Advance(ArchiveTime);
        await t.Ec2.ArchiveAsync(snapshots[5].SnapshotId);

        var pages = await t.Ec2.Paginators.DescribeSnapshotTierStatus(new DescribeSnapshotTierStatusRequest { MaxResults = 5 }).Responses.ToListAsync();
        Assert.Equal([5, 1], pages.Select(r => r.SnapshotTierStatuses.Count));
        Assert.Equal(snapshots.Take(6).Select(s => s.SnapshotId.Value).Order(StringComparer.Ordinal), pages.SelectMany(r => r.SnapshotTierStatuses).Select(s => s.SnapshotId.Value));
        var archiving = Assert.Single(await ListAsync(t, new Filter("last-tiering-operation", "archival-in-progress")));
        Assert.Equal((snapshots[5].SnapshotId, StorageTier.Standard, 0), (archiving.SnapshotId, archiving.StorageTier, archiving.LastTieringProgress));
        Assert.Equal(6, (await ListAsync(t, new Filter("last-tiering-operation", "archival-*"), new Filter("snapshot-id", "snap-*"))).Count);
        var byVolume = Assert.Single(await ListAsync(t, new Filter("volume-id", snapshots[4].VolumeId.Value)));
        Assert.Equal((snapshots[4].SnapshotId, StorageTier.Archive, SnapshotState.Completed, TestCloud.Account, TieringOperationStatus.ArchivalCompleted), (byVolume.SnapshotId, byVolume.StorageTier, byVolume.Status, byVolume.OwnerId, byVolume.LastTieringOperationStatus));
        Assert.Empty(await ListAsync(t, new Filter("volume-id", snapshots[6].VolumeId.Value)));
        var error = await Assert.ThrowsAsync<EbsException>(() => ListAsync(t, new Filter("storage-tier", "archive")));
        Assert.Equal(EbsErrorCodes.InvalidParameterValue, error.ErrorCode);
    }

    [Fact]
    public async Task DescribeSnapshots_StorageTierFilter_MatchesAwsStrings()
    {
        await using var t = NewCloud();
        var standard = await CompletedSnapshotAsync(t);
        var archived = await CompletedSnapshotAsync(t);
        await ArchiveAndWaitAsync(t, archived.SnapshotId);

        var inArchive = await t.Ec2.ListSnapshotsAsync(new DescribeSnapshotsRequest { Filters = [new Filter("storage-tier", "archive")] });
        var inStandard = await t.Ec2.ListSnapshotsAsync(new DescribeSnapshotsRequest { Filters = [new Filter("storage-tier", "standard")] });

        Assert.Equal(archived.SnapshotId, Assert.Single(inArchive).SnapshotId);
        Assert.Equal(standard.SnapshotId, Assert.Single(inStandard).SnapshotId);
        Assert.Contains("\"StorageTier\":\"archive\"", System.Text.Json.JsonSerializer.Serialize(inArchive[0]), StringComparison.Ordinal);
    }

    [Fact]
    public async Task DescribeSnapshotTierStatus_Json_AwsShapeAndRoundTrips()
    {
        await using var t = NewCloud();
        var archived = await CompletedSnapshotAsync(t);
        await CompletedSnapshotAsync(t);
        await ArchiveAndWaitAsync(t, archived.SnapshotId);
        await t.Ec2.RestoreTemporarilyAsync(archived.SnapshotId, 3);

        var response = await t.Ec2.DescribeSnapshotTierStatusAsync(new DescribeSnapshotTierStatusRequest());
        var json = System.Text.Json.JsonSerializer.Serialize(response);

        Assert.Contains("\"LastTieringOperationStatus\":\"temporary-restore-in-progress\"", json, StringComparison.Ordinal);
        Assert.Contains("\"StorageTier\":\"archive\"", json, StringComparison.Ordinal);
        Assert.Equal(response, System.Text.Json.JsonSerializer.Deserialize<DescribeSnapshotTierStatusResponse>(json));
    }

    [Fact]
    public void ReadSnapshot_DocumentFromBeforeTheArchiveTier_IsStandard()
    {
        var record = new SnapshotRecord
        {
            Id = SnapshotId.Parse("snap-0123456789abcdef0"),
            OwnerId = TestCloud.Account,
            Region = TestCloud.Region,
            VolumeId = VolumeId.Parse("vol-0123456789abcdef0"),
            VolumeSizeGiB = 1,
            Description = string.Empty,
            StartTime = DateTimeOffset.UnixEpoch,
            CopyStartsAt = DateTimeOffset.UnixEpoch,
            CompletesAt = DateTimeOffset.UnixEpoch,
            Root = null,
            BlockCount = 0,
            ChangedBlockCount = 0,
        };
        var json = JsonNode.Parse(StateCodec.Write(record))!.AsObject();
        Assert.True(json.Remove("Archive"));

        var read = StateCodec.ReadSnapshot(new StateDocument(RecordKinds.Snapshot.Name, record.Id.Value, System.Text.Encoding.UTF8.GetBytes(json.ToJsonString())));

        Assert.Null(read.Archive);
        Assert.True(read.HoldsStandardStorage);
        Assert.True(read.IsReadableAt(DateTimeOffset.UnixEpoch));
    }

    [Theory]
    [InlineData(0, 1)]
    [InlineData(1, 0)]
    [InlineData(-1, 1)]
    public void Validate_ArchiveOrRestoreTimeNotPositive_Fails(int archiveHours, int restoreHours)
    {
        var result = new EbsOptionsValidator().Validate(null, new EbsOptions { SnapshotArchiveTime = TimeSpan.FromHours(archiveHours), SnapshotRestoreTime = TimeSpan.FromHours(restoreHours) });

        Assert.True(result.Failed);
    }

    [Fact]
    public void Defaults_AreWithinAwsRanges()
    {
        var options = new EbsOptions();

        Assert.True(new EbsOptionsValidator().Validate(null, options).Succeeded);
        Assert.InRange(options.SnapshotRestoreTime, TimeSpan.FromHours(24), TimeSpan.FromHours(72));
    }

    private static async Task<ValueList<SnapshotTierStatus>> ListAsync(TestCloud t, params Filter[] filters)
        => (await t.Ec2.DescribeSnapshotTierStatusAsync(new DescribeSnapshotTierStatusRequest { Filters = filters })).SnapshotTierStatuses;
}
