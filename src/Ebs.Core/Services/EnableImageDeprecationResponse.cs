namespace Ebs.Core.Services;

/// <summary>The result of EnableImageDeprecation.</summary>
public sealed record EnableImageDeprecationResponse
{
    internal EnableImageDeprecationResponse()
    {
    }

    /// <summary>Gets whether the call succeeded; always <see langword="true"/> (a failure throws).</summary>
    public bool Return { get; init; } = true;
}
