namespace Ebs.Core.Services;

/// <summary>The result of EnableEbsEncryptionByDefault.</summary>
public sealed record EnableEbsEncryptionByDefaultResponse
{
    internal EnableEbsEncryptionByDefaultResponse()
    {
    }

    /// <summary>Gets the setting now, <see langword="true"/>.</summary>
    public bool EbsEncryptionByDefault { get; init; }
}
