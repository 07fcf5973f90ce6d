namespace Ebs.Core.Services;

/// <summary>The parameters of GetEbsEncryptionByDefault: tells whether EBS encryption by default is on for the caller in the Region.</summary>
public sealed record GetEbsEncryptionByDefaultRequest
{
}
