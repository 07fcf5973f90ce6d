using Ebs.Core.Domain;

namespace Ebs.Core.Services;

/// <summary>The result of GetCostAndUsage: the account's EBS snapshot usage and cost over the period, per Region and usage type, in USD.</summary>
public sealed record GetCostAndUsageResponse
{
    /// <summary>The currency of every amount, as Cost Explorer names it.</summary>
    public const string Currency = "USD";

    internal GetCostAndUsageResponse()
    {
    }

    /// <summary>Gets the period reported, as asked.</summary>
    public required DateInterval TimePeriod { get; init; }

    /// <summary>Gets one entry per Region with usage in the period, by Region name.</summary>
    public required ValueList<RegionCostAndUsage> Regions { get; init; }

    /// <summary>Gets the cost of every Region reported, in USD.</summary>
    public required decimal Total { get; init; }

    /// <summary>
    /// Gets a value indicating whether the period ends after now, so that the figures cover it
    /// only up to now and will still grow (Cost Explorer's <c>Estimated</c>).
    /// </summary>
    public required bool Estimated { get; init; }
}
