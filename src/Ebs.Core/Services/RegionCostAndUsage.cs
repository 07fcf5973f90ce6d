using Ebs.Core.Domain;

namespace Ebs.Core.Services;

/// <summary>The usage and cost of one Region over a report's period.</summary>
public sealed record RegionCostAndUsage
{
    internal RegionCostAndUsage()
    {
    }

    /// <summary>Gets the Region.</summary>
    public required string Region { get; init; }

    /// <summary>Gets one line per usage type with usage in the period, in the order of <see cref="UsageType"/>.</summary>
    public required ValueList<CostAndUsageLine> Lines { get; init; }

    /// <summary>Gets the Region's cost in USD: the sum of its lines.</summary>
    public required decimal Total { get; init; }
}
