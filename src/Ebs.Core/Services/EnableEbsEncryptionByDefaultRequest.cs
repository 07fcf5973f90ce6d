namespace Ebs.Core.Services;

/// <summary>The parameters of EnableEbsEncryptionByDefault: turns on EBS encryption by default for the caller in the Region.</summary>
public sealed record EnableEbsEncryptionByDefaultRequest
{
}
