using Ebs.Core.Domain;

namespace Ebs.Core.Services;

/// <summary>The parameters of TagResource.</summary>
public sealed record TagResourceRequest
{
    /// <summary>Gets the ARN of the rule to tag.</summary>
    public required string ResourceArn { get; init; }

    /// <summary>Gets the tags to add or overwrite; a rule holds at most 50.</summary>
    public required IReadOnlyList<Tag> Tags { get; init; }
}
