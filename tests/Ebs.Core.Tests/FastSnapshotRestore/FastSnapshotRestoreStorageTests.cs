using System.Text;
using Ebs.Core.Domain;
using Ebs.Core.Storage;

namespace Ebs.Core.Tests.FastSnapshotRestore;

public sealed class FastSnapshotRestoreStorageTests
{
    private const string VolumeJson = """
        {"Id":"vol-0123456789abcdef0","OwnerId":"111111111111","Region":"us-east-1","AvailabilityZone":"us-east-1a","SizeGiB":1,
         "State":"Available","CreateTime":"2026-01-01T00:00:00+00:00","SnapshotId":"snap-0123456789abcdef0","Tags":{},"BaseRoot":null,
         "LazyLoad":false,"SourceRoot":null,"SourceBlocks":3,"SnapshotCompletions":[]
        """;

    [Fact]
    public void DecodeVolume_DocumentWithoutFastRestored_ReadsAsNotFastRestored()
    {
        var volume = RecordKinds.Volume.Decode(Document(RecordKinds.Volume.Name, "vol-0123456789abcdef0", VolumeJson + "}"));

        Assert.Equal((false, (VolumeInitialization?)null), (volume.View.FastRestored, volume.View.Initialization));
    }

    [Fact]
    public void EncodeThenDecode_FastRestoredVolume_FullyInitializedWithoutLazyLoad()
    {
        var volume = RecordKinds.Volume.Decode(Document(RecordKinds.Volume.Name, "vol-0123456789abcdef0", VolumeJson + ""","FastRestored":true}"""));

        var again = RecordKinds.Volume.Decode(RecordKinds.Volume.Encode(volume));

        Assert.Equal((true, new VolumeInitialization(3, 3, 0)), (again.View.FastRestored, again.View.Initialization));
        Assert.Null(again.LazyLoad);
    }

    [Fact]
    public void EncodeThenDecode_Record_KeepsInstantsAndCredits()
    {
        var record = new FastSnapshotRestoreRecord
        {
            SnapshotId = SnapshotId.Parse("snap-0123456789abcdef0"),
            AvailabilityZone = "us-east-1a",
            OwnerId = TestCloud.Account,
            Region = TestCloud.Region,
            SnapshotSizeGiB = 300,
            EnablingTime = DateTimeOffset.UnixEpoch,
            DisablingTime = DateTimeOffset.UnixEpoch.AddHours(5),
            DisablingReason = FastSnapshotRestoreRecord.UserInitiated,
            Credits = 2.5,
            CreditsAt = DateTimeOffset.UnixEpoch.AddHours(3),
        };

        var document = RecordKinds.FastSnapshotRestore.Encode(record);

        Assert.Equal(("fast-snapshot-restore", "111111111111/snap-0123456789abcdef0/us-east-1a"), (document.Kind, document.Key));
        Assert.Equal(record, RecordKinds.FastSnapshotRestore.Decode(document));
    }

    private static StateDocument Document(string kind, string key, string json) => new(kind, key, Encoding.UTF8.GetBytes(json));
}
