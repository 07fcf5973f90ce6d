namespace Ebs.Core.Services;

/// <summary>The parameters of GetEbsDefaultKmsKeyId: gets the default KMS key for EBS encryption of the caller in the Region.</summary>
public sealed record GetEbsDefaultKmsKeyIdRequest
{
}
