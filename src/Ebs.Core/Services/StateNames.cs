using Ebs.Core.Domain;

namespace Ebs.Core.Services;

/// <summary>The state names AWS uses in responses and filters.</summary>
public static class StateNames
{
    /// <summary>Gets AWS's name of a volume state, such as <c>in-use</c>.</summary>
    /// <param name="state">The state.</param>
    /// <returns>The name.</returns>
    public static string Of(VolumeState state) => state switch
    {
        VolumeState.InUse => "in-use",
        _ => state.ToString().ToLowerInvariant(),
    };

    /// <summary>Gets AWS's name of a snapshot state, such as <c>pending</c>.</summary>
    /// <param name="state">The state.</param>
    /// <returns>The name.</returns>
    public static string Of(SnapshotState state) => state.ToString().ToLowerInvariant();

    /// <summary>Gets AWS's name of an image state, such as <c>available</c>.</summary>
    /// <param name="state">The state.</param>
    /// <returns>The name.</returns>
    public static string Of(ImageState state) => state.ToString().ToLowerInvariant();
}
