using System.Text.Json.Serialization;
using Ebs.Core.Domain;

namespace Ebs.Core.Services;

/// <summary>The result of EnableFastSnapshotRestores: the (snapshot, zone) pairs enabled, and the snapshots with zones that failed.</summary>
public sealed record EnableFastSnapshotRestoresResponse
{
    // Internal: only the library makes these; the JSON reader may, to read back what it wrote.
    [JsonConstructor]
    internal EnableFastSnapshotRestoresResponse()
    {
    }

    /// <summary>Gets each (snapshot, zone) pair that succeeded, with its state after the call.</summary>
    public required ValueList<FastSnapshotRestoreSuccessItem> Successful { get; init; }

    /// <summary>Gets each snapshot with the zones that failed and why.</summary>
    public required ValueList<FastSnapshotRestoreErrorItem> Unsuccessful { get; init; }
}
