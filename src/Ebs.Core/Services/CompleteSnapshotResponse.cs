using Ebs.Core.Domain;

namespace Ebs.Core.Services;

/// <summary>The result of the EBS direct API's CompleteSnapshot, with AWS's names.</summary>
public sealed record CompleteSnapshotResponse
{
    internal CompleteSnapshotResponse()
    {
    }

    /// <summary>Gets the snapshot's state: <see cref="SnapshotState.Pending"/> until it completes on the clock like any snapshot.</summary>
    public required SnapshotState Status { get; init; }
}
