using System.Text.Json.Serialization;

namespace Ebs.Core.Services;

/// <summary>The result of TagResource: AWS's empty response.</summary>
public sealed record TagResourceResponse
{
    // Internal: only the library makes these; the JSON reader may, to read back what it wrote.
    [JsonConstructor]
    internal TagResourceResponse()
    {
    }
}
