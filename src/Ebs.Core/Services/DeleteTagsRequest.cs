using Ebs.Core.Domain;

namespace Ebs.Core.Services;

/// <summary>The parameters of DeleteTags.</summary>
public sealed record DeleteTagsRequest
{
    /// <summary>Gets the volumes, snapshots and images to untag.</summary>
    public required IReadOnlyList<ResourceId> Resources { get; init; }

    /// <summary>
    /// Gets the tags to delete: a tag with a <see langword="null"/> value deletes the key whatever its
    /// value; with a value, only when the value matches. Empty deletes every tag, as in AWS.
    /// </summary>
    public IReadOnlyList<Tag> Tags { get; init; } = [];
}
