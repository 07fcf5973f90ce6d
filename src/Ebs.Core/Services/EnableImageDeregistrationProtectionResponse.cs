namespace Ebs.Core.Services;

/// <summary>The result of EnableImageDeregistrationProtection.</summary>
public sealed record EnableImageDeregistrationProtectionResponse
{
    internal EnableImageDeregistrationProtectionResponse()
    {
    }

    /// <summary>Gets whether the call succeeded; always <see langword="true"/> (a failure throws).</summary>
    public bool Return { get; init; } = true;
}
