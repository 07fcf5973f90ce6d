using System.Text.Json.Serialization;
using Ebs.Core.Domain;

namespace Ebs.Core.Services;

/// <summary>The result of ListImagesInRecycleBin: one page of images in the bin.</summary>
public sealed record ListImagesInRecycleBinResponse
{
    // Internal: only the library makes these; the JSON reader may, to read back what it wrote.
    [JsonConstructor]
    internal ListImagesInRecycleBinResponse()
    {
    }

    /// <summary>Gets the images.</summary>
    public required ValueList<ImageRecycleBinInfo> Images { get; init; }

    /// <summary>Gets the token of the next page, or <see langword="null"/> when this page is the last.</summary>
    public string? NextToken { get; init; }
}
