using System.Text.Json.Serialization;

namespace Ebs.Core.Domain;

/// <summary>A retention rule as ListRules describes it.</summary>
public sealed record RuleSummary
{
    // Internal: only the library makes these; the JSON reader may, to read back what it wrote.
    [JsonConstructor]
    internal RuleSummary()
    {
    }

    /// <summary>Gets the rule's identifier, 11 letters and digits.</summary>
    public required string Identifier { get; init; }

    /// <summary>Gets the description.</summary>
    public required string Description { get; init; }

    /// <summary>Gets the retention period.</summary>
    public required RetentionPeriod RetentionPeriod { get; init; }

    /// <summary>Gets the lock state, or <see langword="null"/> for a rule never locked.</summary>
    public LockState? LockState { get; init; }

    /// <summary>Gets the rule's ARN.</summary>
    public required string RuleArn { get; init; }
}
