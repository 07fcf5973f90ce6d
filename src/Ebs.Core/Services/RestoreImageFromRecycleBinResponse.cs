using System.Text.Json.Serialization;

namespace Ebs.Core.Services;

/// <summary>The result of RestoreImageFromRecycleBin.</summary>
public sealed record RestoreImageFromRecycleBinResponse
{
    // Internal: only the library makes these; the JSON reader may, to read back what it wrote.
    [JsonConstructor]
    internal RestoreImageFromRecycleBinResponse()
    {
    }

    /// <summary>Gets whether the image was restored; always <see langword="true"/> (a failure throws).</summary>
    public bool Return { get; init; } = true;
}
