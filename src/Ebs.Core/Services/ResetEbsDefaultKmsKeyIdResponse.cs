namespace Ebs.Core.Services;

/// <summary>The result of ResetEbsDefaultKmsKeyId.</summary>
public sealed record ResetEbsDefaultKmsKeyIdResponse
{
    internal ResetEbsDefaultKmsKeyIdResponse()
    {
    }

    /// <summary>Gets <c>alias/aws/ebs</c>.</summary>
    public required string KmsKeyId { get; init; }
}
