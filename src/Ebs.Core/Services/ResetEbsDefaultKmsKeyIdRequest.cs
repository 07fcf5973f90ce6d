namespace Ebs.Core.Services;

/// <summary>The parameters of ResetEbsDefaultKmsKeyId: resets the default KMS key for EBS encryption of the caller in the Region to the AWS managed key.</summary>
public sealed record ResetEbsDefaultKmsKeyIdRequest
{
}
