using Ebs.Core.Domain;
using Ebs.Core.Services;
using Microsoft.Extensions.Time.Testing;

namespace Ebs.Core.Tests.Billing;

/// <summary>The example of docs/billing.md, compiled and checked.</summary>
public sealed class BillingDocExampleTests
{
    [Fact]
    public async Task BillingExample_RunsAsDocumented()
    {
        // docs/billing.md example start
        var time = new FakeTimeProvider(DateTimeOffset.Parse("2026-03-01T00:00Z"));
        await using var cloud = EbsCloud.CreateInMemory(o =>
        {
            o.BlockSize = 1 << 20;                                                          // 1 MiB blocks
            o.RegionPrices["eu-west-1"] = new PriceList { SnapshotStoragePerGbMonth = 0.055m }; // the rest at us-east-1 prices
        }, time);
        var account = cloud.Account("111111111111");
        var ec2 = account.Ec2("us-east-1");

        var vol = (await ec2.CreateVolumeAsync(new() { AvailabilityZone = "us-east-1a", Size = 1 })).Volume;
        var sameBytes = Enumerable.Repeat((byte)7, 1 << 20).ToArray();                      // 64 blocks of equal content
        await ec2.WriteVolumeAsync(new() { VolumeId = vol.VolumeId, Writes = [.. Enumerable.Range(0, 64).Select(i => new VolumeWrite((long)i << 20, sameBytes))] });
        await ec2.CreateSnapshotAsync(new() { VolumeId = vol.VolumeId });

        var usage = await ec2.GetStorageUsageAsync(new());
        // usage.StoredSizeInBytes == 1 MiB (one distinct block), usage.BilledSizeInBytes == 64 MiB (as AWS bills)

        time.Advance(TimeSpan.FromDays(30));
        var report = await account.Billing().GetCostAndUsageAsync(new()
        {
            TimePeriod = new() { Start = DateTimeOffset.Parse("2026-03-01T00:00Z"), End = DateTimeOffset.Parse("2026-03-31T00:00Z") },
        });
        var line = report.Regions[0].Lines[0];
        // line: SnapshotStorage, 0.0625 GB-Mo x $0.05 = $0.003125; report.Total == 0.003125m
        // docs/billing.md example end

        Assert.Equal(1L << 20, usage.StoredSizeInBytes);
        Assert.Equal(64L << 20, usage.BilledSizeInBytes);
        Assert.Equal("us-east-1", report.Regions[0].Region);
        Assert.Equal(UsageType.SnapshotStorage, line.UsageType);
        Assert.Equal(UsageUnit.GbMonth, line.Unit);
        Assert.Equal(0.0625m, line.UsageQuantity);
        Assert.Equal(0.05m, line.Price);
        Assert.Equal(0.003125m, line.Cost);
        Assert.Equal(0.003125m, report.Total);
    }
}
