namespace Ebs.Core.Services;

/// <summary>The result of GetEbsEncryptionByDefault.</summary>
public sealed record GetEbsEncryptionByDefaultResponse
{
    internal GetEbsEncryptionByDefaultResponse()
    {
    }

    /// <summary>Gets whether new volumes and snapshot copies are encrypted by default.</summary>
    public bool EbsEncryptionByDefault { get; init; }
}
