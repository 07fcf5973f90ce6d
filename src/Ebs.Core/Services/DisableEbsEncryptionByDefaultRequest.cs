namespace Ebs.Core.Services;

/// <summary>The parameters of DisableEbsEncryptionByDefault: turns off EBS encryption by default for the caller in the Region.</summary>
public sealed record DisableEbsEncryptionByDefaultRequest
{
}
