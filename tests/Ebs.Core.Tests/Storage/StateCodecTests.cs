using System.Collections.Immutable;
using System.Text;
using Ebs.Core.Chunks;
using Ebs.Core.Storage;

namespace Ebs.Core.Tests.Storage;

public sealed class StateCodecTests
{
    [Fact]
    public void DecodeVolumeAndSnapshot_DocumentsWithoutImportFields_ReadAsNotImported()
    {
        var volume = RecordKinds.Volume.Decode(Document(RecordKinds.Volume.Name, "vol-0123456789abcdef0", """
            {"Id":"vol-0123456789abcdef0","OwnerId":"111111111111","Region":"us-east-1","AvailabilityZone":"us-east-1a","SizeGiB":1,
             "State":"Available","CreateTime":"2026-01-01T00:00:00+00:00","SnapshotId":null,"Tags":{},"BaseRoot":null,"LazyLoad":false,
             "SourceRoot":null,"SourceBlocks":0,"SnapshotCompletions":[]}
            """));
        var snapshot = RecordKinds.Snapshot.Decode(Document(RecordKinds.Snapshot.Name, "snap-0123456789abcdef0", """
            {"Id":"snap-0123456789abcdef0","OwnerId":"111111111111","Region":"us-east-1","VolumeId":"vol-0123456789abcdef0","VolumeSizeGiB":1,
             "Description":"","StartTime":"2026-01-01T00:00:00+00:00","CopyStartsAt":"2026-01-01T00:00:00+00:00",
             "CompletesAt":"2026-01-01T00:00:05+00:00","Root":null,"BlockCount":0,"ChangedBlockCount":0,"Tags":{}}
            """));

        Assert.Equal((null, false), (volume.View.DiskImageSizeInBytes, volume.Importing));
        Assert.Null(snapshot.DiskImageSizeInBytes);
    }

    [Fact]
    public void EncodeThenDecode_ImportFields_RoundTrip()
    {
        var volume = RecordKinds.Volume.Decode(Document(RecordKinds.Volume.Name, "vol-0123456789abcdef0", """
            {"Id":"vol-0123456789abcdef0","OwnerId":"111111111111","Region":"us-east-1","AvailabilityZone":"us-east-1a","SizeGiB":1,
             "State":"Creating","CreateTime":"2026-01-01T00:00:00+00:00","SnapshotId":null,"Tags":{},"BaseRoot":null,"LazyLoad":false,
             "SourceRoot":null,"SourceBlocks":0,"SnapshotCompletions":[],"DiskImageSizeInBytes":12345,"Importing":true}
            """));

        var again = RecordKinds.Volume.Decode(RecordKinds.Volume.Encode(volume));

        Assert.Equal((12345L, true), (again.View.DiskImageSizeInBytes, again.Importing));
    }

    private static StateDocument Document(string kind, string key, string json) => new(kind, key, Encoding.UTF8.GetBytes(json));
}
