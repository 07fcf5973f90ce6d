using System.Text.Json.Serialization;
using Ebs.Core.Domain;

namespace Ebs.Core.Services;

/// <summary>The result of DescribeSnapshotTierStatus: one page of the tier statuses of the caller's archived snapshots, by snapshot id.</summary>
public sealed record DescribeSnapshotTierStatusResponse
{
    // Internal: only the library makes these; the JSON reader may, to read back what it wrote.
    [JsonConstructor]
    internal DescribeSnapshotTierStatusResponse()
    {
    }

    /// <summary>Gets the statuses.</summary>
    public required ValueList<SnapshotTierStatus> SnapshotTierStatuses { get; init; }

    /// <summary>Gets the token of the next page, or <see langword="null"/> when this page is the last.</summary>
    public string? NextToken { get; init; }
}
