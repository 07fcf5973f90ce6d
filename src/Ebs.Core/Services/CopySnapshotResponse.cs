using Ebs.Core.Domain;

namespace Ebs.Core.Services;

/// <summary>The result of CopySnapshot.</summary>
public sealed record CopySnapshotResponse
{
    internal CopySnapshotResponse()
    {
    }

    /// <summary>Gets the id of the new snapshot.</summary>
    public required SnapshotId SnapshotId { get; init; }

    /// <summary>Gets the tags put on the new snapshot.</summary>
    public required TagList Tags { get; init; }
}
