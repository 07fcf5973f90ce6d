namespace Ebs.Core.Services;

/// <summary>The parameters of GetCostAndUsage, shaped like Cost Explorer's: the period, and optionally the Regions to report.</summary>
public sealed record GetCostAndUsageRequest
{
    /// <summary>Gets the period to report.</summary>
    public required DateInterval TimePeriod { get; init; }

    /// <summary>Gets the Regions to report (Cost Explorer's <c>REGION</c> dimension filter). Empty for every Region; a Region with no usage reports nothing.</summary>
    public IReadOnlyList<string> Regions { get; init; } = [];
}
