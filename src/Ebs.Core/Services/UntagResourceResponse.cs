using System.Text.Json.Serialization;

namespace Ebs.Core.Services;

/// <summary>The result of UntagResource: AWS's empty response.</summary>
public sealed record UntagResourceResponse
{
    // Internal: only the library makes these; the JSON reader may, to read back what it wrote.
    [JsonConstructor]
    internal UntagResourceResponse()
    {
    }
}
