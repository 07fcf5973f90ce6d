using System.Net;
using Ebs.Core.Domain;
using Ebs.Core.Services;
using Microsoft.Extensions.Options;

namespace Ebs.Core.Tests.Billing;

/// <summary>
/// The cost report over ledger entries written directly, at instants set on the fake clock, so
/// every expectation is AWS's arithmetic on whole GiB: 1 GB = 2^30 bytes, a month of 30 days.
/// </summary>
public sealed class CostAndUsageTests
{
    private const long GiB = 1L << 30;
    private static readonly TimeSpan Day = TimeSpan.FromDays(1);

    [Fact]
    public async Task GetCostAndUsage_20Then5Then3GiBStoredFor30Days_Bills28GbMonths()
    {
        await using var t = new TestCloud();
        var start = t.Time.GetUtcNow();
        await RecordAsync(t, UsageType.SnapshotStorage, level: 20 * GiB);
        await RecordAsync(t, UsageType.SnapshotStorage, level: 5 * GiB);
        await RecordAsync(t, UsageType.SnapshotStorage, level: 3 * GiB);
        t.Time.Advance(30 * Day);

        var report = await ReportAsync(t, start, start + (30 * Day));

        var line = Assert.Single(Assert.Single(report.Regions).Lines);
        Assert.Equal(UsageType.SnapshotStorage, line.UsageType);
        Assert.Equal(UsageUnit.GbMonth, line.Unit);
        Assert.Equal(28m, line.UsageQuantity);
        Assert.Equal(0.05m, line.Price);
        Assert.Equal(1.40m, line.Cost); // 28 x 0.05 x (30 days / 30-day month)
        Assert.Equal(1.40m, report.Total);
        Assert.False(report.Estimated);
    }

    [Fact]
    public async Task GetCostAndUsage_LevelChangingMidPeriod_IntegratesEachLevelOverItsTime()
    {
        await using var t = new TestCloud();
        var start = t.Time.GetUtcNow();
        await RecordAsync(t, UsageType.SnapshotStorage, level: 20 * GiB);
        t.Time.Advance(15 * Day);
        await RecordAsync(t, UsageType.SnapshotStorage, level: 8 * GiB);
        t.Time.Advance(15 * Day);

        var report = await ReportAsync(t, start, start + (30 * Day));

        // 20 GiB for 30 days + 8 GiB for 15 days = 720 GiB-days = 24 GB-months.
        Assert.Equal(24m, Assert.Single(report.Regions[0].Lines).UsageQuantity);
        Assert.Equal(1.20m, report.Total);
    }

    [Fact]
    public async Task GetCostAndUsage_PeriodBoundarySplitsALevel_EachPartBillsItsShareAndALevelSetBeforeCountsFromTheStart()
    {
        await using var t = new TestCloud();
        var start = t.Time.GetUtcNow();
        await RecordAsync(t, UsageType.SnapshotStorage, level: 10 * GiB);
        t.Time.Advance(30 * Day);
        var middle = start + (15 * Day);

        var first = await ReportAsync(t, start, middle);
        var second = await ReportAsync(t, middle, start + (30 * Day));
        var whole = await ReportAsync(t, start, start + (30 * Day));

        Assert.Equal(5m, first.Regions[0].Lines[0].UsageQuantity);
        Assert.Equal(0.25m, first.Total);
        Assert.Equal(5m, second.Regions[0].Lines[0].UsageQuantity);
        Assert.Equal(0.25m, second.Total);
        Assert.Equal(first.Total + second.Total, whole.Total);
    }

    [Fact]
    public async Task GetCostAndUsage_FsrOneSnapshotOneZoneFor720Hours_Bills540Dollars()
    {
        await using var t = new TestCloud();
        var start = t.Time.GetUtcNow();
        await RecordAsync(t, UsageType.FastSnapshotRestore, level: 1, zone: "us-east-1a");
        t.Time.Advance(TimeSpan.FromHours(720));
        await RecordAsync(t, UsageType.FastSnapshotRestore, level: -1, zone: "us-east-1a");

        var report = await ReportAsync(t, start, t.Time.GetUtcNow());

        var line = Assert.Single(report.Regions[0].Lines);
        Assert.Equal(UsageUnit.DsuHour, line.Unit);
        Assert.Equal(720m, line.UsageQuantity);
        Assert.Equal(540m, line.Cost); // AWS's example: 1 snapshot x 1 AZ x 720 hours x $0.75
    }

    [Fact]
    public async Task GetCostAndUsage_FsrTwoSnapshotsThreeZonesFor720Hours_Bills3240Dollars()
    {
        await using var t = new TestCloud();
        var start = t.Time.GetUtcNow();
        foreach (var zone in new[] { "us-east-1a", "us-east-1b", "us-east-1c" })
        {
            await RecordAsync(t, UsageType.FastSnapshotRestore, level: 1, zone: zone, resource: "snap-0000000000000000a");
            await RecordAsync(t, UsageType.FastSnapshotRestore, level: 1, zone: zone, resource: "snap-0000000000000000b");
        }

        t.Time.Advance(TimeSpan.FromHours(720));

        var report = await ReportAsync(t, start, t.Time.GetUtcNow());

        Assert.Equal(3240m, report.Total);
    }

    [Fact]
    public async Task GetCostAndUsage_FsrEnabledTenMinutes_BillsTheOneHourMinimum()
    {
        await using var t = new TestCloud();
        var start = t.Time.GetUtcNow();
        await RecordAsync(t, UsageType.FastSnapshotRestore, level: 1, zone: "us-east-1a");
        t.Time.Advance(TimeSpan.FromMinutes(10));
        await RecordAsync(t, UsageType.FastSnapshotRestore, level: -1, zone: "us-east-1a");
        await RecordAsync(t, UsageType.FastSnapshotRestoreMinimum, quantity: 1, duration: TimeSpan.FromMinutes(50), zone: "us-east-1a");
        t.Time.Advance(Day);

        var report = await ReportAsync(t, start, t.Time.GetUtcNow());

        Assert.Equal(0.75m, report.Total); // 10 minutes enabled + 50 minutes of the minimum = 1 DSU-hour
        Assert.Equal([UsageType.FastSnapshotRestore, UsageType.FastSnapshotRestoreMinimum], report.Regions[0].Lines.Select(l => l.UsageType));
    }

    [Fact]
    public async Task GetCostAndUsage_Archived100GiBDeletedAfter30Days_BilledFor90DaysInAll()
    {
        await using var t = new TestCloud();
        var start = t.Time.GetUtcNow();
        await RecordAsync(t, UsageType.SnapshotArchiveStorage, level: 100 * GiB);
        t.Time.Advance(30 * Day);
        await RecordAsync(t, UsageType.SnapshotArchiveStorage, level: -100 * GiB);
        await RecordAsync(t, UsageType.SnapshotArchiveEarlyDeletion, quantity: 100 * GiB, duration: 60 * Day);

        var report = await ReportAsync(t, start, t.Time.GetUtcNow() + Day);

        var lines = report.Regions[0].Lines;
        Assert.Equal([UsageType.SnapshotArchiveStorage, UsageType.SnapshotArchiveEarlyDeletion], lines.Select(l => l.UsageType));
        Assert.Equal(100m, lines[0].UsageQuantity); // 100 GiB for 30 days
        Assert.Equal(1.25m, lines[0].Cost);         // AWS: a 100 GiB archive is $1.25 a month
        Assert.Equal(200m, lines[1].UsageQuantity); // the other 60 days of the 90-day minimum
        Assert.Equal(2.50m, lines[1].Cost);
        Assert.Equal(3.75m, report.Total);          // 100 x 0.0125 x 3 months
        Assert.True(report.Estimated);              // the period ends a day after now
    }

    [Fact]
    public async Task GetCostAndUsage_DeletedWhileArchiving40GiBOfIt_Bills150Cents()
    {
        await using var t = new TestCloud();
        var start = t.Time.GetUtcNow();
        await RecordAsync(t, UsageType.SnapshotArchiveEarlyDeletion, quantity: 40 * GiB, duration: 90 * Day);
        t.Time.Advance(Day);

        var report = await ReportAsync(t, start, t.Time.GetUtcNow());

        Assert.Equal(1.50m, report.Total); // AWS's example: $0.0125 x 40 GB x 90 days / 30-day month
    }

    [Fact]
    public async Task GetCostAndUsage_RetrievalOf100GiB_ChargedOnceInThePeriodOfItsInstant()
    {
        await using var t = new TestCloud();
        var start = t.Time.GetUtcNow();
        t.Time.Advance(Day);
        await RecordAsync(t, UsageType.SnapshotArchiveRetrieval, quantity: 100 * GiB);
        t.Time.Advance(Day);

        var before = await ReportAsync(t, start, start + Day);
        var during = await ReportAsync(t, start + Day, start + (2 * Day));

        Assert.Empty(before.Regions);
        Assert.Equal(0m, before.Total);
        var line = Assert.Single(during.Regions[0].Lines);
        Assert.Equal(UsageUnit.Gb, line.Unit);
        Assert.Equal(100m, line.UsageQuantity);
        Assert.Equal(3m, line.Cost); // AWS: restoring a 100 GiB archived snapshot costs $3
    }

    [Fact]
    public async Task GetCostAndUsage_RegionPriceOverride_AppliedToThatRegionOnlyAndRegionFilterKeepsIt()
    {
        await using var t = new TestCloud(o => o.RegionPrices["eu-west-1"] = new PriceList { SnapshotStoragePerGbMonth = 0.055m });
        var start = t.Time.GetUtcNow();
        await RecordAsync(t, UsageType.SnapshotStorage, level: 10 * GiB);
        await RecordAsync(t, UsageType.SnapshotStorage, level: 10 * GiB, region: "eu-west-1");
        t.Time.Advance(30 * Day);
        var end = start + (30 * Day);

        var all = await ReportAsync(t, start, end);
        var europe = await t.Cloud.Account(TestCloud.Account).Billing().GetCostAndUsageAsync(new()
        {
            TimePeriod = new() { Start = start, End = end },
            Regions = ["eu-west-1"],
        });

        Assert.Equal(["eu-west-1", "us-east-1"], all.Regions.Select(r => r.Region));
        Assert.Equal(0.55m, all.Regions[0].Total);
        Assert.Equal(0.055m, all.Regions[0].Lines[0].Price);
        Assert.Equal(0.50m, all.Regions[1].Total);
        Assert.Equal(1.05m, all.Total);
        Assert.Equal("eu-west-1", Assert.Single(europe.Regions).Region);
        Assert.Equal(0.55m, europe.Total);
    }

    [Fact]
    public async Task GetCostAndUsage_OtherAccountsUsage_NotReported()
    {
        await using var t = new TestCloud();
        var start = t.Time.GetUtcNow();
        await RecordAsync(t, UsageType.SnapshotStorage, level: 10 * GiB);
        t.Time.Advance(30 * Day);

        var report = await t.Cloud.Account("222222222222").Billing().GetCostAndUsageAsync(new() { TimePeriod = new() { Start = start, End = start + (30 * Day) } });

        Assert.Empty(report.Regions);
        Assert.Equal(0m, report.Total);
    }

    [Fact]
    public async Task GetCostAndUsage_CalendarMonths_JanuaryOf31DaysIsOneMonth()
    {
        await using var t = new TestCloud(o => o.BillingMonthLength = null);
        var start = t.Time.GetUtcNow(); // 2026-01-01
        await RecordAsync(t, UsageType.SnapshotStorage, level: 10 * GiB);
        t.Time.Advance(31 * Day);

        var report = await ReportAsync(t, start, start + (31 * Day));

        Assert.Equal(10m, report.Regions[0].Lines[0].UsageQuantity);
        Assert.Equal(0.50m, report.Total);
    }

    [Fact]
    public async Task GetCostAndUsage_CalendarMonthsAcrossJanuaryAndFebruary_EachMonthCountsAsOne()
    {
        await using var t = new TestCloud(o => o.BillingMonthLength = null);
        var start = t.Time.GetUtcNow(); // 2026-01-01
        await RecordAsync(t, UsageType.SnapshotStorage, level: 10 * GiB);
        t.Time.Advance(59 * Day);       // 2026-03-01: 31 days of January, 28 of February

        var report = await ReportAsync(t, start, t.Time.GetUtcNow());

        Assert.Equal(20m, report.Regions[0].Lines[0].UsageQuantity);
        Assert.Equal(1.00m, report.Total);
    }

    [Fact]
    public async Task GetCostAndUsage_PeriodEndingAfterNow_ReportsUpToNowAsEstimated()
    {
        await using var t = new TestCloud();
        var start = t.Time.GetUtcNow();
        await RecordAsync(t, UsageType.SnapshotStorage, level: 10 * GiB);
        t.Time.Advance(15 * Day);

        var report = await ReportAsync(t, start, start + (31 * Day)); // to 2026-02-01, the beginning of next month

        Assert.True(report.Estimated);
        Assert.Equal(5m, report.Regions[0].Lines[0].UsageQuantity);
    }

    [Theory]
    [InlineData(0, 0)]    // start equal to end
    [InlineData(2, 1)]    // start after end
    [InlineData(11, 12)]  // start later than now (day 10)
    [InlineData(0, 32)]   // end past the beginning of next month (2026-02-01)
    public async Task GetCostAndUsage_BadPeriod_ValidationExceptionAndNothingChanges(int startDay, int endDay)
    {
        await using var t = new TestCloud();
        var origin = t.Time.GetUtcNow();
        await RecordAsync(t, UsageType.SnapshotStorage, level: 10 * GiB);
        t.Time.Advance(10 * Day);
        var before = t.Cloud.Engine.World;

        var error = await Assert.ThrowsAsync<EbsException>(() => ReportAsync(t, origin + (startDay * Day), origin + (endDay * Day)));

        Assert.Equal(EbsErrorCodes.ValidationException, error.ErrorCode);
        Assert.Equal(HttpStatusCode.BadRequest, error.StatusCode);
        Assert.Same(before, t.Cloud.Engine.World);
    }

    [Fact]
    public async Task GetCostAndUsage_NullPeriodOrRegion_ArgumentNullException()
    {
        await using var t = new TestCloud();
        var billing = t.Cloud.Account(TestCloud.Account).Billing();
        var now = t.Time.GetUtcNow();

        await Assert.ThrowsAsync<ArgumentNullException>(() => billing.GetCostAndUsageAsync(null!).AsTask());
        await Assert.ThrowsAsync<ArgumentNullException>(() => billing.GetCostAndUsageAsync(new() { TimePeriod = null! }).AsTask());
        await Assert.ThrowsAsync<ArgumentNullException>(() => billing.GetCostAndUsageAsync(new() { TimePeriod = new() { Start = now.AddDays(-1), End = now }, Regions = [null!] }).AsTask());
    }

    [Theory]
    [InlineData("negative price")]
    [InlineData("unknown Region")]
    [InlineData("zero month")]
    [InlineData("negative minimum")]
    public void CreateInMemory_BadPrices_OptionsValidationException(string fault)
    {
        Action<EbsOptions> configure = fault switch
        {
            "negative price" => o => o.Prices.SnapshotStoragePerGbMonth = -0.01m,
            "unknown Region" => o => o.RegionPrices["mars-north-1"] = new PriceList(),
            "zero month" => o => o.BillingMonthLength = TimeSpan.Zero,
            _ => o => o.RegionPrices["eu-west-1"] = new PriceList { SnapshotArchiveMinimumPeriod = -Day },
        };

        Assert.Throws<OptionsValidationException>(() => EbsCloud.CreateInMemory(configure));
    }

    private static async Task RecordAsync(
        TestCloud t, UsageType type, long level = 0, long quantity = 0, TimeSpan duration = default,
        string? zone = null, string region = TestCloud.Region, string resource = "snap-0123456789abcdef0")
        => await t.Cloud.Engine.CommitAsync("record", m =>
        {
            m.RecordUsage(type, TestCloud.Account, region, resource, levelChange: level, quantity: quantity, duration: duration, availabilityZone: zone);
            return 0;
        }, null, default);

    private static async Task<GetCostAndUsageResponse> ReportAsync(TestCloud t, DateTimeOffset start, DateTimeOffset end)
        => await t.Cloud.Account(TestCloud.Account).Billing().GetCostAndUsageAsync(new() { TimePeriod = new() { Start = start, End = end } });
}
