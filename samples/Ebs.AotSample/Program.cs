using Ebs.Core;
using Ebs.Core.Domain;
using Ebs.Storage.Sqlite;
using Microsoft.Extensions.Time.Testing;

// A volume, a snapshot and a volume restored from it, in memory and in a local directory:
// enough to reach the engine, the codecs and SQLite, so the trimmer and the AOT compiler see
// the paths an application uses.
var time = new FakeTimeProvider(DateTimeOffset.Parse("2026-01-01T00:00Z", System.Globalization.CultureInfo.InvariantCulture));
await using (var memory = EbsCloud.CreateInMemory(o => o.BlockSize = 4096, time))
{
    await RoundTripAsync(memory, time);
}

var folder = Directory.CreateTempSubdirectory("ebs-aot-sample-");
try
{
    await using var local = await LocalDirectory.OpenAsync(folder.FullName, new EbsOptions { BlockSize = 4096 }, time);
    await RoundTripAsync(local, time);
}
finally
{
    folder.Delete(recursive: true);
}

Console.WriteLine("ok");
return 0;

static async Task RoundTripAsync(EbsCloud cloud, FakeTimeProvider time)
{
    var ec2 = cloud.Account("111111111111").Ec2("us-east-1");
    var volume = (await ec2.CreateVolumeAsync(new() { AvailabilityZone = "us-east-1a", Size = 1 })).Volume;
    var data = new byte[2 * 4096];
    Random.Shared.NextBytes(data);
    await ec2.WriteVolumeAsync(new() { VolumeId = volume.VolumeId, Writes = [new(0, data)] });

    var snapshot = (await ec2.CreateSnapshotAsync(new() { VolumeId = volume.VolumeId, Description = "sample" })).Snapshot;
    snapshot = (await ec2.Waiters.WaitUntilSnapshotCompletedAsync(new() { SnapshotIds = [snapshot.SnapshotId] }, new() { OnWaiting = time.SetUtcNow })).Snapshots[0];
    var restored = (await ec2.CreateVolumeAsync(new() { SnapshotId = snapshot.SnapshotId, AvailabilityZone = "us-east-1b" })).Volume;

    var back = new byte[data.Length];
    await ec2.ReadVolumeAsync(new() { VolumeId = restored.VolumeId, Offset = 0, Destination = back });
    var json = System.Text.Json.JsonSerializer.Serialize(await ec2.DescribeSnapshotsAsync(new()), SampleJson.Default.DescribeSnapshotsResponse);
    if (snapshot.State != SnapshotState.Completed || !back.AsSpan().SequenceEqual(data) || !json.Contains("\"completed\"", StringComparison.Ordinal))
    {
        throw new InvalidOperationException("The restored volume does not hold the snapshot's bytes.");
    }
}

/// <summary>Source-generated JSON, as an ahead-of-time compiled application serializes describes.</summary>
[System.Text.Json.Serialization.JsonSerializable(typeof(Ebs.Core.Services.DescribeSnapshotsResponse))]
[System.Text.Json.Serialization.JsonSerializable(typeof(Snapshot[]))]
internal sealed partial class SampleJson : System.Text.Json.Serialization.JsonSerializerContext;
