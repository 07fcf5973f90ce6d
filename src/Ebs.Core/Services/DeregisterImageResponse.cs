using Ebs.Core.Domain;

namespace Ebs.Core.Services;

/// <summary>The result of DeregisterImage.</summary>
public sealed record DeregisterImageResponse
{
    internal DeregisterImageResponse()
    {
    }

    /// <summary>Gets whether the image was deregistered; always <see langword="true"/> (a failure throws).</summary>
    public bool Return { get; init; } = true;

    /// <summary>Gets what happened to each snapshot; empty unless <see cref="DeregisterImageRequest.DeleteAssociatedSnapshots"/> was given.</summary>
    public required ValueList<DeleteSnapshotReturnCode> DeleteSnapshotResults { get; init; }
}
