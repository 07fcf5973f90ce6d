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
    var volume = await ec2.CreateVolumeAsync(new() { AvailabilityZone = "us-east-1a", SizeGiB = 1 });
    var data = new byte[2 * 4096];
    Random.Shared.NextBytes(data);
    await ec2.WriteVolumeAsync(volume.Id, 0, data);

    var snapshot = await ec2.CreateSnapshotAsync(volume.Id, "sample");
    time.Advance(TimeSpan.FromMinutes(10));
    snapshot = await ec2.DescribeSnapshotAsync(snapshot.Id);
    var restored = await ec2.CreateVolumeAsync(new() { SnapshotId = snapshot.Id, AvailabilityZone = "us-east-1b" });

    var back = new byte[data.Length];
    await ec2.ReadVolumeAsync(restored.Id, 0, back);
    if (snapshot.State != SnapshotState.Completed || !back.AsSpan().SequenceEqual(data))
    {
        throw new InvalidOperationException("The restored volume does not hold the snapshot's bytes.");
    }
}
