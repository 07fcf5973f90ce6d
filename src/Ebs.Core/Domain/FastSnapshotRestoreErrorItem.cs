using System.Text.Json.Serialization;

namespace Ebs.Core.Domain;

/// <summary>
/// A snapshot whose Fast Snapshot Restore could not be enabled or disabled in some zones, as AWS's
/// <c>EnableFastSnapshotRestoreErrorItem</c> and <c>DisableFastSnapshotRestoreErrorItem</c> give it.
/// </summary>
public sealed record FastSnapshotRestoreErrorItem
{
    // Internal: only the library makes these; the JSON reader may, to read back what it wrote.
    [JsonConstructor]
    internal FastSnapshotRestoreErrorItem()
    {
    }

    /// <summary>Gets the snapshot.</summary>
    public required SnapshotId SnapshotId { get; init; }

    /// <summary>Gets the error of each zone that failed.</summary>
    public required ValueList<FastSnapshotRestoreStateErrorItem> FastSnapshotRestoreStateErrors { get; init; }
}
