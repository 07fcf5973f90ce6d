namespace Ebs.Core.Services;

/// <summary>The result of DisableEbsEncryptionByDefault.</summary>
public sealed record DisableEbsEncryptionByDefaultResponse
{
    internal DisableEbsEncryptionByDefaultResponse()
    {
    }

    /// <summary>Gets the setting now, <see langword="false"/>.</summary>
    public bool EbsEncryptionByDefault { get; init; }
}
