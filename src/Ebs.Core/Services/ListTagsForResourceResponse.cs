using System.Text.Json.Serialization;
using Ebs.Core.Domain;

namespace Ebs.Core.Services;

/// <summary>The result of ListTagsForResource: the rule's own tags.</summary>
public sealed record ListTagsForResourceResponse
{
    // Internal: only the library makes these; the JSON reader may, to read back what it wrote.
    [JsonConstructor]
    internal ListTagsForResourceResponse()
    {
    }

    /// <summary>Gets the tags.</summary>
    public required TagList Tags { get; init; }
}
