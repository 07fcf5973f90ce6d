namespace Ebs.Core.Services;

/// <summary>The parameters of ListTagsForResource.</summary>
public sealed record ListTagsForResourceRequest
{
    /// <summary>Gets the ARN of the rule.</summary>
    public required string ResourceArn { get; init; }
}
