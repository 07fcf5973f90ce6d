namespace Ebs.Core.Services;

/// <summary>The result of DisableImage.</summary>
public sealed record DisableImageResponse
{
    internal DisableImageResponse()
    {
    }

    /// <summary>Gets whether the call succeeded; always <see langword="true"/> (a failure throws).</summary>
    public bool Return { get; init; } = true;
}
