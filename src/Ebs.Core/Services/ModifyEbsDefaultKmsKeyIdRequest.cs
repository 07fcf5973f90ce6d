namespace Ebs.Core.Services;

/// <summary>The parameters of ModifyEbsDefaultKmsKeyId: changes the default KMS key for EBS encryption of the caller in the Region.</summary>
public sealed record ModifyEbsDefaultKmsKeyIdRequest
{
    /// <summary>Gets the key: id, ARN, alias name or alias ARN.</summary>
    public required string KmsKeyId { get; init; }
}
