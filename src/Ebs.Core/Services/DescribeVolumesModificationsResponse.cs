using System.Text.Json.Serialization;
using Ebs.Core.Domain;

namespace Ebs.Core.Services;

/// <summary>The result of DescribeVolumesModifications: one page of the most recent modification of each volume, by volume id.</summary>
public sealed record DescribeVolumesModificationsResponse
{
    // Internal: only the library makes these; the JSON reader may, to read back what it wrote.
    [JsonConstructor]
    internal DescribeVolumesModificationsResponse()
    {
    }

    /// <summary>Gets the modifications.</summary>
    public required ValueList<VolumeModification> VolumesModifications { get; init; }

    /// <summary>Gets the token of the next page, or <see langword="null"/> when this page is the last.</summary>
    public string? NextToken { get; init; }
}
