using Ebs.Core.Domain;

namespace Ebs.Core.Services;

/// <summary>The grants ModifyImageAttribute adds to and removes from an image's launchPermission (AWS's <c>LaunchPermissionModifications</c>).</summary>
public sealed record LaunchPermissionModifications
{
    /// <summary>Gets the grants to add.</summary>
    public IReadOnlyList<LaunchPermission> Add { get; init; } = [];

    /// <summary>Gets the grants to remove.</summary>
    public IReadOnlyList<LaunchPermission> Remove { get; init; } = [];
}
