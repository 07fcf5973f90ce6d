using System.Collections.Immutable;
using System.Globalization;
using System.Text.Json.Serialization;

namespace Ebs.Core.Domain;

/// <summary>
/// The stored form of a Data Lifecycle Manager policy of one account in one Region: what was
/// asked, plus the instant each schedule of an enabled policy runs next (the scheduler holds
/// one due event per entry).
/// </summary>
internal sealed record LifecyclePolicyRecord
{
    /// <summary>The tag DLM puts on what it creates, naming the policy.</summary>
    public const string PolicyIdTag = "aws:dlm:lifecycle-policy-id";

    /// <summary>The tag DLM puts on what it creates, naming the schedule.</summary>
    public const string ScheduleNameTag = "aws:dlm:lifecycle-schedule-name";

    public required string PolicyId { get; init; }

    public required string AccountId { get; init; }

    public required string Region { get; init; }

    public required string Description { get; init; }

    public required SettablePolicyStateValues State { get; init; }

    public required string ExecutionRoleArn { get; init; }

    public required DateTimeOffset DateCreated { get; init; }

    public required DateTimeOffset DateModified { get; init; }

    public required PolicyDetails Details { get; init; }

    public required TagList Tags { get; init; }

    /// <summary>Gets the next run of each schedule by name; empty while the policy is disabled.</summary>
    public ImmutableSortedDictionary<string, DateTimeOffset> NextRuns { get; init; } = ImmutableSortedDictionary.Create<string, DateTimeOffset>(StringComparer.Ordinal);

    [JsonIgnore]
    public string Arn => string.Create(CultureInfo.InvariantCulture, $"arn:aws:dlm:{Region}:{AccountId}:policy/{PolicyId}");

    [JsonIgnore]
    public bool IsEnabled => State == SettablePolicyStateValues.Enabled;

    /// <summary>Gets the schedule named <paramref name="name"/>, or <see langword="null"/>.</summary>
    public Schedule? FindSchedule(string name) => Details.Schedules.FirstOrDefault(s => s.Name == name);

    /// <summary>Whether a resource with <paramref name="tags"/> is targeted: it has any of the target tags.</summary>
    public bool Targets(IReadOnlyDictionary<string, string> tags)
        => Details.TargetTags.Any(t => tags.TryGetValue(t.Key, out var value) && value == (t.Value ?? string.Empty));

    public LifecyclePolicy View => new()
    {
        PolicyId = PolicyId,
        Description = Description,
        State = IsEnabled ? GettablePolicyStateValues.Enabled : GettablePolicyStateValues.Disabled,
        StatusMessage = IsEnabled ? "ENABLED" : "DISABLED",
        ExecutionRoleArn = ExecutionRoleArn,
        DateCreated = DateCreated,
        DateModified = DateModified,
        PolicyDetails = Details,
        Tags = Tags,
        PolicyArn = Arn,
    };

    public LifecyclePolicySummary Summary => new()
    {
        PolicyId = PolicyId,
        Description = Description,
        State = IsEnabled ? GettablePolicyStateValues.Enabled : GettablePolicyStateValues.Disabled,
        Tags = Tags,
        PolicyType = Details.PolicyType,
    };
}
