using System.Text.Json.Serialization;
using Ebs.Core.Domain;

namespace Ebs.Core.Services;

/// <summary>The result of ListSnapshotsInRecycleBin: one page of snapshots in the bin.</summary>
public sealed record ListSnapshotsInRecycleBinResponse
{
    // Internal: only the library makes these; the JSON reader may, to read back what it wrote.
    [JsonConstructor]
    internal ListSnapshotsInRecycleBinResponse()
    {
    }

    /// <summary>Gets the snapshots.</summary>
    public required ValueList<SnapshotRecycleBinInfo> Snapshots { get; init; }

    /// <summary>Gets the token of the next page, or <see langword="null"/> when this page is the last.</summary>
    public string? NextToken { get; init; }
}
