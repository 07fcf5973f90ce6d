using System.Text.Json.Serialization;
using Ebs.Core.Domain;

namespace Ebs.Core.Services;

/// <summary>The result of DescribeImages: one page of images, by id.</summary>
public sealed record DescribeImagesResponse
{
    // Internal: only the library makes these; the JSON reader may, to read back what it wrote.
    [JsonConstructor]
    internal DescribeImagesResponse()
    {
    }

    /// <summary>Gets the images.</summary>
    public required ValueList<Image> Images { get; init; }

    /// <summary>Gets the token of the next page, or <see langword="null"/> when this page is the last.</summary>
    public string? NextToken { get; init; }
}
