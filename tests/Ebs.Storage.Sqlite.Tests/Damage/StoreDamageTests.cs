using Ebs.Core;
using Ebs.Core.Storage;
using Ebs.Core.Tests;
using Microsoft.Data.Sqlite;

namespace Ebs.Storage.Sqlite.Tests.Damage;

public sealed class StoreDamageTests
{
    private const int B = TestCloud.BlockSize;
    private static readonly EbsOptions Options = new() { BlockSize = B };

    [Theory]
    [MemberData(nameof(StateDamage.Names), MemberType = typeof(StateDamage))]
    public async Task OpenAsync_DamagedState_FailsWithItsCodeNamingTheFileAndTouchesNoChunk(string kind)
    {
        using var dir = new TempDirectory();
        await StateDamage.SeedAsync(dir.Path, B);
        StateDamage.Apply(dir.Path, kind);
        var chunks = StateDamage.ChunkFiles(dir.Path);
        var state = StateBytes(dir.Path);

        var error = await Assert.ThrowsAsync<EbsException>(() => LocalDirectory.OpenAsync(dir.Path, Options).AsTask());

        Assert.Equal(StateDamage.Kinds[kind], error.ErrorCode);
        Assert.Contains(Path.Combine(dir.Path, LocalDirectory.StateFileName), error.Message, StringComparison.Ordinal);
        Assert.DoesNotContain('\n', error.Message);
        Assert.Equal(chunks, StateDamage.ChunkFiles(dir.Path));
        Assert.Equal(state, StateBytes(dir.Path));
    }

    [Theory]
    [MemberData(nameof(StateDamage.Names), MemberType = typeof(StateDamage))]
    public async Task OpenAsync_DamagedStateRefused_ReleasesTheDirectory(string kind)
    {
        using var dir = new TempDirectory();
        await StateDamage.SeedAsync(dir.Path, B);
        StateDamage.Apply(dir.Path, kind);
        await Assert.ThrowsAsync<EbsException>(() => LocalDirectory.OpenAsync(dir.Path, Options).AsTask());

        var second = await Assert.ThrowsAsync<EbsException>(() => LocalDirectory.OpenAsync(dir.Path, Options).AsTask());

        Assert.Equal(StateDamage.Kinds[kind], second.ErrorCode); // not StoreInUse: the first refusal let go of the lock
    }

    [Fact]
    public async Task OpenAsync_MalformedNode_OpensAndCallsNotReadingItWork()
    {
        using var dir = new TempDirectory();
        var (volume, snapshot, image) = await StateDamage.SeedAsync(dir.Path, B);
        StateDamage.Apply(dir.Path, StateDamage.NodeMalformed);

        await using var cloud = await LocalDirectory.OpenExistingAsync(dir.Path, Options);
        var ec2 = cloud.Account(TestCloud.Account).Ec2(TestCloud.Region);

        Assert.Equal(volume, Assert.Single(await ec2.ListVolumesAsync()).VolumeId.Value);
        Assert.Equal(snapshot, Assert.Single(await ec2.ListSnapshotsAsync()).SnapshotId.Value);
        Assert.Equal(image, Assert.Single(await ec2.ListImagesAsync()).ImageId.Value);
    }

    [Fact]
    public async Task ReadAt_MalformedNode_InternalErrorNamingTheNodeInOneLineAndNoChunkTouched()
    {
        using var dir = new TempDirectory();
        var (volume, _, _) = await StateDamage.SeedAsync(dir.Path, B);
        StateDamage.Apply(dir.Path, StateDamage.NodeMalformed);
        var chunks = StateDamage.ChunkFiles(dir.Path);
        await using var cloud = await LocalDirectory.OpenExistingAsync(dir.Path, Options);
        var ec2 = cloud.Account(TestCloud.Account).Ec2(TestCloud.Region);

        // Both written blocks lie under every node of the seeded map, the damaged one among them.
        var error = await Assert.ThrowsAsync<EbsException>(() => ec2.ReadAtAsync(Core.Domain.VolumeId.Parse(volume), 0, new byte[B]).AsTask());

        Assert.Equal(EbsErrorCodes.InternalError, error.ErrorCode);
        Assert.Matches("^Block-map node [0-9a-f]{32} is corrupt: it is not a node \\(4 bytes\\)\\.$", error.Message);
        Assert.Equal(chunks, StateDamage.ChunkFiles(dir.Path));
    }

    [Fact]
    public async Task ScrubAsync_MalformedNode_ReportsItCorruptWithEveryUserAndRepairsNothing()
    {
        using var dir = new TempDirectory();
        var (volume, snapshot, image) = await StateDamage.SeedAsync(dir.Path, B);
        StateDamage.Apply(dir.Path, StateDamage.NodeMalformed);
        var chunks = StateDamage.ChunkFiles(dir.Path);
        await using var cloud = await LocalDirectory.OpenExistingAsync(dir.Path, Options);

        var report = await cloud.ScrubAsync(repair: true, verifyContents: true);

        var node = Assert.Single(report.CorruptNodes);
        Assert.False(report.IsClean);
        Assert.False(report.Repaired);
        Assert.Empty(report.MissingNodes);
        Assert.Equal([volume, snapshot, image], report.MissingNodeUses.Select(u => u.ResourceId));
        Assert.All(report.MissingNodeUses, u => Assert.Equal(node, u.Node));
        Assert.Equal(chunks, StateDamage.ChunkFiles(dir.Path));
    }

    [Fact]
    public async Task OpenAsync_StateMissingBesideChunks_RefusedWithoutCreatingState()
    {
        using var dir = new TempDirectory();
        await StateDamage.SeedAsync(dir.Path, B);
        StateDamage.Apply(dir.Path, "state-missing");

        var error = await Assert.ThrowsAsync<EbsException>(() => LocalDirectory.OpenAsync(dir.Path, Options).AsTask());

        Assert.Equal(LocalStoreErrorCodes.StateMissing, error.ErrorCode);
        Assert.Contains("backup", error.Message, StringComparison.Ordinal);
        Assert.False(File.Exists(Path.Combine(dir.Path, LocalDirectory.StateFileName)));
        Assert.NotEmpty(StateDamage.ChunkFiles(dir.Path));
    }

    [Fact]
    public async Task OpenAsync_EmptyStateBesideChunks_RefusedAndLeftEmpty()
    {
        using var dir = new TempDirectory();
        await StateDamage.SeedAsync(dir.Path, B);
        StateDamage.Apply(dir.Path, "state-empty");

        var error = await Assert.ThrowsAsync<EbsException>(() => LocalDirectory.OpenAsync(dir.Path, Options).AsTask());

        Assert.Equal(LocalStoreErrorCodes.StateMissing, error.ErrorCode);
        Assert.Equal(0, new FileInfo(Path.Combine(dir.Path, LocalDirectory.StateFileName)).Length);
    }

    [Fact]
    public async Task OpenAsync_EmptyStateAndNoChunks_OpensAsNewStore()
    {
        using var dir = new TempDirectory();
        await File.WriteAllBytesAsync(Path.Combine(dir.Path, LocalDirectory.StateFileName), []);

        await using var cloud = await LocalDirectory.OpenAsync(dir.Path, Options);

        Assert.Equal(0, (await cloud.ScrubAsync()).StoredChunks);
    }

    [Fact]
    public async Task OpenExistingAsync_NoStore_NotFoundAndNothingCreated()
    {
        using var dir = new TempDirectory();
        var path = Path.Combine(dir.Path, "nothing-here");

        var error = await Assert.ThrowsAsync<EbsException>(() => LocalDirectory.OpenExistingAsync(path, Options).AsTask());

        Assert.Equal(LocalStoreErrorCodes.StoreNotFound, error.ErrorCode);
        Assert.Contains(path, error.Message, StringComparison.Ordinal);
        Assert.False(Directory.Exists(path));
    }

    [Fact]
    public async Task OpenExistingAsync_ExistingStore_Opens()
    {
        using var dir = new TempDirectory();
        var (volume, _, _) = await StateDamage.SeedAsync(dir.Path, B);

        await using var cloud = await LocalDirectory.OpenExistingAsync(dir.Path, Options);

        Assert.Equal(volume, Assert.Single(await cloud.Account(TestCloud.Account).Ec2(TestCloud.Region).ListVolumesAsync()).VolumeId.Value);
    }

    [Fact]
    public async Task ScrubAsync_RepairWouldReclaimEveryChunk_RefusedAndNothingDeleted()
    {
        using var dir = new TempDirectory();
        await StateDamage.SeedAsync(dir.Path, B);
        StateSql.Execute(dir.Path, "DELETE FROM documents"); // the records are lost; the chunks and nodes they used remain
        var chunks = StateDamage.ChunkFiles(dir.Path);

        await using (var cloud = await LocalDirectory.OpenAsync(dir.Path, Options))
        {
            var report = await cloud.ScrubAsync(repair: true);

            Assert.False(report.Repaired);
            Assert.Contains("nothing was deleted", report.RepairRefusal, StringComparison.Ordinal);
            Assert.Equal(report.StoredChunks, report.LeakedChunks.Length);
        }

        Assert.Equal(chunks, StateDamage.ChunkFiles(dir.Path));
        Assert.NotEqual("0", StateSql.Scalar(dir.Path, "SELECT CAST(count(*) AS TEXT) FROM nodes"));
    }

    [Fact]
    public async Task ScrubAsync_RepairForced_ReclaimsEveryLeak()
    {
        using var dir = new TempDirectory();
        await StateDamage.SeedAsync(dir.Path, B);
        StateSql.Execute(dir.Path, "DELETE FROM documents");

        await using var cloud = await LocalDirectory.OpenAsync(dir.Path, Options);
        var report = await cloud.ScrubAsync(repair: true, force: true);

        Assert.True(report.Repaired);
        Assert.Null(report.RepairRefusal);
        var after = await cloud.ScrubAsync();
        Assert.True(after.IsClean);
        Assert.Equal(0, after.StoredChunks);
    }

    [Fact]
    public async Task InspectAsync_CutShortDocumentAndMalformedNode_NamesEachAndCountsChunkFiles()
    {
        using var dir = new TempDirectory();
        var (_, snapshot, _) = await StateDamage.SeedAsync(dir.Path, B);
        StateDamage.Apply(dir.Path, "document-cut-short");
        StateDamage.Apply(dir.Path, StateDamage.NodeMalformed);

        var inspection = await LocalDirectory.InspectAsync(dir.Path, Options);

        Assert.False(inspection.IsClean);
        Assert.Empty(inspection.IntegrityProblems);
        Assert.All(inspection.Tables, table => Assert.Null(table.Problem));
        Assert.Equal([("snapshot", snapshot), (StoredStateCheck.NodeKind, inspection.UndecodableEntries[1].Key)], inspection.UndecodableEntries.Select(e => (e.Kind, e.Key)));
        Assert.Equal(2, inspection.ChunkFiles);
        Assert.Empty(inspection.DamagedChunkFiles);
    }

    [Fact]
    public async Task InspectAsync_DroppedTableAndFlippedChunk_ReportsTheTableAndTheFile()
    {
        using var dir = new TempDirectory();
        await StateDamage.SeedAsync(dir.Path, B);
        StateDamage.Apply(dir.Path, "nodes-table-dropped");
        var victim = Directory.EnumerateFiles(Path.Combine(dir.Path, LocalDirectory.ChunkFolderName), "*.pack", SearchOption.AllDirectories).Single();
        var bytes = await File.ReadAllBytesAsync(victim);
        bytes[100] ^= 0xFF; // inside the first record
        await File.WriteAllBytesAsync(victim, bytes);

        var inspection = await LocalDirectory.InspectAsync(dir.Path, Options);

        Assert.Contains("no such table: nodes", Assert.Single(inspection.Tables, t => t.Problem is not null).Problem, StringComparison.Ordinal);
        Assert.Equal(victim, Assert.Single(inspection.DamagedChunkFiles).Path);
        Assert.Equal(4, inspection.Tables.Single(t => t.Name == "documents").Rows); // a volume, its snapshot, the image and the snapshot's usage line
    }

    [Fact]
    public async Task InspectAsync_NotADatabase_SaysSoAndStillChecksChunks()
    {
        using var dir = new TempDirectory();
        await StateDamage.SeedAsync(dir.Path, B);
        StateDamage.Apply(dir.Path, "not-a-database");

        var inspection = await LocalDirectory.InspectAsync(dir.Path, Options);

        Assert.Contains("not a database", Assert.Single(inspection.IntegrityProblems), StringComparison.Ordinal);
        Assert.Equal(2, inspection.ChunkFiles);
        Assert.Equal(2 * B, inspection.LogicalChunkBytes);
        Assert.InRange(inspection.PhysicalChunkBytes, 1, 2 * (B + 40));
        Assert.Empty(inspection.DamagedChunkFiles);
    }

    private static byte[]? StateBytes(string dir)
    {
        var path = Path.Combine(dir, LocalDirectory.StateFileName);
        return File.Exists(path) ? File.ReadAllBytes(path) : null;
    }
}
