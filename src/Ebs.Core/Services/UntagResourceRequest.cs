namespace Ebs.Core.Services;

/// <summary>The parameters of UntagResource.</summary>
public sealed record UntagResourceRequest
{
    /// <summary>Gets the ARN of the rule to untag.</summary>
    public required string ResourceArn { get; init; }

    /// <summary>Gets the keys of the tags to remove.</summary>
    public required IReadOnlyList<string> TagKeys { get; init; }
}
