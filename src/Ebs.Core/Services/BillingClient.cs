using Ebs.Core.Domain;
using Ebs.Core.Storage;

namespace Ebs.Core.Services;

/// <summary>
/// The cost report of one account, shaped like AWS Cost Explorer: it reads the usage ledger of
/// every Region and prices it with <see cref="EbsOptions.Prices"/> (or the Region's
/// <see cref="EbsOptions.RegionPrices"/>). Errors use Cost Explorer's <c>ValidationException</c>.
/// Cheap to create and safe to share between threads.
/// </summary>
public sealed class BillingClient
{
    private readonly CloudEngine _engine;

    internal BillingClient(CloudEngine engine, string accountId)
    {
        _engine = engine;
        AccountId = accountId;
    }

    /// <summary>Gets the account reported.</summary>
    public string AccountId { get; }

    /// <summary>
    /// Reports the account's usage and cost over a period: per Region and usage type, the usage
    /// (storage levels integrated over the part of the period they last, one-off charges whose
    /// instant falls in it), its price and its cost, with totals per Region and overall. A period
    /// that ends after now is reported up to now, and marked <see cref="GetCostAndUsageResponse.Estimated"/>.
    /// </summary>
    /// <param name="request">The period and the Regions.</param>
    /// <param name="cancellationToken">A token to cancel the call.</param>
    /// <returns>The report.</returns>
    /// <exception cref="ArgumentNullException"><paramref name="request"/>, its period or one of its Regions is <see langword="null"/>.</exception>
    /// <exception cref="EbsException">
    /// <c>ValidationException</c> when the period's start is not before its end, its start is later
    /// than now, or its end is past the beginning of next month (Cost Explorer's rules).
    /// </exception>
    /// <exception cref="ObjectDisposedException">The cloud has been disposed.</exception>
    public ValueTask<GetCostAndUsageResponse> GetCostAndUsageAsync(GetCostAndUsageRequest request, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(request);
        ArgumentNullException.ThrowIfNull(request.TimePeriod);
        ArgumentNullException.ThrowIfNull(request.Regions);
        foreach (var region in request.Regions)
        {
            ArgumentNullException.ThrowIfNull(region, nameof(request));
        }

        var (start, end) = (request.TimePeriod.Start, request.TimePeriod.End);
        var now = _engine.Time.GetUtcNow();
        if (start >= end)
        {
            throw Invalid("Start date (and hour) should be before end date (and hour).");
        }

        if (start > now)
        {
            throw Invalid("The start date must be equal to or no later than the current date.");
        }

        var utcNow = now.ToUniversalTime();
        if (end > new DateTimeOffset(utcNow.Year, utcNow.Month, 1, 0, 0, 0, TimeSpan.Zero).AddMonths(1))
        {
            throw Invalid("end date past the beginning of next month");
        }

        return GetCostAndUsageCoreAsync(request, now, cancellationToken);
    }

    private async ValueTask<GetCostAndUsageResponse> GetCostAndUsageCoreAsync(GetCostAndUsageRequest request, DateTimeOffset now, CancellationToken cancellationToken)
    {
        var world = await _engine.CurrentAsync(cancellationToken).ConfigureAwait(false);
        var (start, end) = (request.TimePeriod.Start, request.TimePeriod.End);
        var regions = request.Regions.ToHashSet(StringComparer.Ordinal);
        var entries = world.Table(RecordKinds.Usage).Values
            .Where(e => e.AccountId == AccountId && (regions.Count == 0 || regions.Contains(e.Region)));
        var usage = UsageIntegral.Measure(entries, start, end, now, _engine.Options.BillingMonthLength);

        var report = usage
            .GroupBy(u => u.Key.Region)
            .OrderBy(g => g.Key, StringComparer.Ordinal)
            .Select(g =>
            {
                var prices = _engine.Options.PricesIn(g.Key);
                var lines = g.OrderBy(u => u.Key.Type).Select(u => new CostAndUsageLine
                {
                    UsageType = u.Key.Type,
                    UsageQuantity = u.Value,
                    Unit = UsageIntegral.UnitOf(u.Key.Type),
                    Price = prices.PriceOf(u.Key.Type),
                    Cost = u.Value * prices.PriceOf(u.Key.Type),
                }).ToList();
                return new RegionCostAndUsage { Region = g.Key, Lines = ValueList<CostAndUsageLine>.From(lines), Total = lines.Sum(l => l.Cost) };
            })
            .ToList();

        return new GetCostAndUsageResponse
        {
            TimePeriod = request.TimePeriod,
            Regions = ValueList<RegionCostAndUsage>.From(report),
            Total = report.Sum(r => r.Total),
            Estimated = end > now,
        };
    }

    private static EbsException Invalid(string message) => new(EbsErrorCodes.ValidationException, message);
}
