namespace Ebs.Core.Domain;

/// <summary>What a lifecycle policy does (DLM's <c>PolicyDetails</c>): which resources it targets by tag and its schedules.</summary>
public sealed record PolicyDetails
{
    /// <summary>Gets the policy type; snapshot policies are the default.</summary>
    public PolicyTypeValues PolicyType { get; init; } = PolicyTypeValues.EbsSnapshotManagement;

    /// <summary>Gets the resource type targeted: one of <see cref="ResourceTypeValues.Volume"/> or <see cref="ResourceTypeValues.Instance"/> (always instances for AMI policies).</summary>
    public IReadOnlyList<ResourceTypeValues> ResourceTypes { get; init; } = [];

    /// <summary>Gets the target tags, 1 to 50: a volume or instance with any of them is targeted.</summary>
    public IReadOnlyList<Tag> TargetTags { get; init; } = [];

    /// <summary>Gets the schedules, 1 to 4.</summary>
    public IReadOnlyList<Schedule> Schedules { get; init; } = [];

    /// <summary>Gets the optional parameters, or <see langword="null"/> for their defaults.</summary>
    public Parameters? Parameters { get; init; }
}
