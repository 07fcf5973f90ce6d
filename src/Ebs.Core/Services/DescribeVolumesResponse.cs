using System.Text.Json.Serialization;
using Ebs.Core.Domain;

namespace Ebs.Core.Services;

/// <summary>The result of DescribeVolumes: one page of volumes, by id.</summary>
public sealed record DescribeVolumesResponse
{
    // Internal: only the library makes these; the JSON reader may, to read back what it wrote.
    [JsonConstructor]
    internal DescribeVolumesResponse()
    {
    }

    /// <summary>Gets the volumes.</summary>
    public required ValueList<Volume> Volumes { get; init; }

    /// <summary>Gets the token of the next page, or <see langword="null"/> when this page is the last.</summary>
    public string? NextToken { get; init; }
}
