using Ebs.Core.Domain;

namespace Ebs.Core.Services;

/// <summary>The parameters of CreateSnapshots.</summary>
public sealed record CreateSnapshotsRequest
{
    /// <summary>Gets the instance and which of its volumes to capture.</summary>
    public required InstanceSpecification InstanceSpecification { get; init; }

    /// <summary>Gets the description of every snapshot, up to 255 characters.</summary>
    public string? Description { get; init; }

    /// <summary>Gets the tags to put on every new snapshot: one specification of resource type <c>snapshot</c>.</summary>
    public IReadOnlyList<TagSpecification> TagSpecifications { get; init; } = [];

    /// <summary>Gets where else tags come from: <see cref="Domain.CopyTagsFromSource.Volume"/> gives each snapshot its volume's tags (the specified ones win).</summary>
    public CopyTagsFromSource? CopyTagsFromSource { get; init; }
}
