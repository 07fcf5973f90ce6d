using System.Text.Json.Serialization;
using Ebs.Core.Domain;

namespace Ebs.Core.Services;

/// <summary>The result of DescribeFastSnapshotRestores: one page of (snapshot, zone) pairs, by snapshot id then zone.</summary>
public sealed record DescribeFastSnapshotRestoresResponse
{
    // Internal: only the library makes these; the JSON reader may, to read back what it wrote.
    [JsonConstructor]
    internal DescribeFastSnapshotRestoresResponse()
    {
    }

    /// <summary>Gets the (snapshot, zone) pairs.</summary>
    public required ValueList<FastSnapshotRestoreSuccessItem> FastSnapshotRestores { get; init; }

    /// <summary>Gets the token of the next page, or <see langword="null"/> when this page is the last.</summary>
    public string? NextToken { get; init; }
}
