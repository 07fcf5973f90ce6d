namespace Ebs.Core.Services;

/// <summary>The result of EnableImage.</summary>
public sealed record EnableImageResponse
{
    internal EnableImageResponse()
    {
    }

    /// <summary>Gets whether the call succeeded; always <see langword="true"/> (a failure throws).</summary>
    public bool Return { get; init; } = true;
}
