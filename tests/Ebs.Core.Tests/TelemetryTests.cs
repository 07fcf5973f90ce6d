using System.Diagnostics.Metrics;
using Ebs.Core.Services;

namespace Ebs.Core.Tests;

public sealed class TelemetryTests
{
    [Fact]
    public async Task Meter_WritesDedupAndColdReads_CountedPerAccountAndRegion()
    {
        const string account = "999999999999";
        var totals = new Dictionary<string, long>();
        using var listener = new MeterListener();
        listener.InstrumentPublished = (instrument, l) =>
        {
            if (instrument.Meter.Name == EbsTelemetry.Name)
            {
                l.EnableMeasurementEvents(instrument);
            }
        };
        listener.SetMeasurementEventCallback<long>((instrument, value, tags, _) =>
        {
            foreach (var tag in tags)
            {
                if (tag.Key == EbsTelemetry.AccountTag && (string?)tag.Value == account)
                {
                    lock (totals)
                    {
                        totals[instrument.Name] = totals.GetValueOrDefault(instrument.Name) + value;
                    }
                }
            }
        });
        listener.Start();
        await using var t = new TestCloud();
        var ec2 = t.Cloud.Account(account).Ec2(TestCloud.Region);
        var volume = await ec2.CreateVolumeAsync(new CreateVolumeRequest { AvailabilityZone = "us-east-1a", Size = 1 });

        await ec2.WriteAtAsync(volume.Volume.VolumeId, 0, TestCloud.Block(1));
        await ec2.WriteAtAsync(volume.Volume.VolumeId, TestCloud.BlockSize, TestCloud.Block(1));
        await ec2.WriteAtAsync(volume.Volume.VolumeId, 2 * TestCloud.BlockSize, TestCloud.Block(2));
        var snapshot = await ec2.TakeSnapshotAsync(volume.Volume.VolumeId);
        t.Time.Advance(TimeSpan.FromHours(1));
        var restored = await ec2.CreateVolumeAsync(new CreateVolumeRequest { AvailabilityZone = "us-east-1a", SnapshotId = snapshot.SnapshotId });
        await ec2.ReadAtAsync(restored.Volume.VolumeId, 0, new byte[3 * TestCloud.BlockSize]);

        Assert.Equal(2, totals["ebs.chunks.written"]);
        Assert.Equal(1, totals["ebs.chunks.dedup_hits"]);
        Assert.Equal(3, totals["ebs.volumes.cold_reads"]);
    }
}
