namespace Ebs.Core.Services;

/// <summary>The result of ModifyEbsDefaultKmsKeyId.</summary>
public sealed record ModifyEbsDefaultKmsKeyIdResponse
{
    internal ModifyEbsDefaultKmsKeyIdResponse()
    {
    }

    /// <summary>Gets the default key's ARN.</summary>
    public required string KmsKeyId { get; init; }
}
