namespace Ebs.Core.Domain;

/// <summary>Where an instance runs (AWS's <c>Placement</c>): its Availability Zone.</summary>
public sealed record Placement
{
    /// <summary>Gets the Availability Zone, or <see langword="null"/> for the Region's first zone when launching.</summary>
    public string? AvailabilityZone { get; init; }
}
