using Ebs.Core.Domain;

namespace Ebs.Core.Services;

/// <summary>The usage of one usage type in one Region over a report's period, and what it costs.</summary>
public sealed record CostAndUsageLine
{
    internal CostAndUsageLine()
    {
    }

    /// <summary>Gets what was used.</summary>
    public required UsageType UsageType { get; init; }

    /// <summary>Gets how much was used, in <see cref="Unit"/>.</summary>
    public required decimal UsageQuantity { get; init; }

    /// <summary>Gets the unit of <see cref="UsageQuantity"/> and <see cref="Price"/>.</summary>
    public required UsageUnit Unit { get; init; }

    /// <summary>Gets the price per <see cref="Unit"/>, in USD, from the Region's <see cref="PriceList"/>.</summary>
    public required decimal Price { get; init; }

    /// <summary>Gets the cost in USD: <see cref="UsageQuantity"/> times <see cref="Price"/>, unrounded.</summary>
    public required decimal Cost { get; init; }
}
