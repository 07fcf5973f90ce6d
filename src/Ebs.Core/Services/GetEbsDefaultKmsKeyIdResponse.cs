namespace Ebs.Core.Services;

/// <summary>The result of GetEbsDefaultKmsKeyId.</summary>
public sealed record GetEbsDefaultKmsKeyIdResponse
{
    internal GetEbsDefaultKmsKeyIdResponse()
    {
    }

    /// <summary>Gets the default key's ARN, or <c>alias/aws/ebs</c> for the AWS managed key.</summary>
    public required string KmsKeyId { get; init; }
}
