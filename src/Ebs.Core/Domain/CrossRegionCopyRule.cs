namespace Ebs.Core.Domain;

/// <summary>A copy of each of a schedule's snapshots into another Region (DLM's <c>CrossRegionCopyRule</c>), made once the snapshot completes.</summary>
public sealed record CrossRegionCopyRule
{
    /// <summary>Gets the Region to copy to.</summary>
    public required string TargetRegion { get; init; }

    /// <summary>Gets a value indicating whether to encrypt the copy; only <see langword="false"/> is accepted here.</summary>
    public bool Encrypted { get; init; }

    /// <summary>Gets a value indicating whether the copy takes the snapshot's user tags.</summary>
    public bool CopyTags { get; init; }

    /// <summary>Gets how long copies are kept; without it they are kept until deleted.</summary>
    public CrossRegionCopyRetainRule? RetainRule { get; init; }
}
