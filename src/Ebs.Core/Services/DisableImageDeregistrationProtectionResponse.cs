namespace Ebs.Core.Services;

/// <summary>The result of DisableImageDeregistrationProtection.</summary>
public sealed record DisableImageDeregistrationProtectionResponse
{
    internal DisableImageDeregistrationProtectionResponse()
    {
    }

    /// <summary>Gets whether the call succeeded; always <see langword="true"/> (a failure throws).</summary>
    public bool Return { get; init; } = true;
}
