using Ebs.Core.Domain;

namespace Ebs.Core.Services;

/// <summary>The parameters of CreateTags.</summary>
public sealed record CreateTagsRequest
{
    /// <summary>Gets the volumes, snapshots and images to tag.</summary>
    public required IReadOnlyList<ResourceId> Resources { get; init; }

    /// <summary>Gets the tags to add or overwrite; each needs a value (an empty one is allowed).</summary>
    public required IReadOnlyList<Tag> Tags { get; init; }
}
