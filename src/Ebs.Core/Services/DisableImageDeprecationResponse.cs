namespace Ebs.Core.Services;

/// <summary>The result of DisableImageDeprecation.</summary>
public sealed record DisableImageDeprecationResponse
{
    internal DisableImageDeprecationResponse()
    {
    }

    /// <summary>Gets whether the call succeeded; always <see langword="true"/> (a failure throws).</summary>
    public bool Return { get; init; } = true;
}
