using System.Text.Json.Serialization;
using Ebs.Core.Domain;

namespace Ebs.Core.Services;

/// <summary>The result of DisableFastSnapshotRestores: the (snapshot, zone) pairs disabled, and the snapshots with zones that failed.</summary>
public sealed record DisableFastSnapshotRestoresResponse
{
    // Internal: only the library makes these; the JSON reader may, to read back what it wrote.
    [JsonConstructor]
    internal DisableFastSnapshotRestoresResponse()
    {
    }

    /// <summary>Gets each (snapshot, zone) pair that succeeded, with its state after the call.</summary>
    public required ValueList<FastSnapshotRestoreSuccessItem> Successful { get; init; }

    /// <summary>Gets each snapshot with the zones that failed and why.</summary>
    public required ValueList<FastSnapshotRestoreErrorItem> Unsuccessful { get; init; }
}
