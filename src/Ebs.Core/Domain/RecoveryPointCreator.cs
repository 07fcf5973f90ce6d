namespace Ebs.Core.Domain;

/// <summary>The plan and rule that made a scheduled backup (AWS Backup's <c>RecoveryPointCreator</c>); <see langword="null"/> for an on-demand one.</summary>
public sealed record RecoveryPointCreator
{
    /// <summary>Gets the plan's id.</summary>
    public required string BackupPlanId { get; init; }

    /// <summary>Gets the plan's ARN.</summary>
    public required string BackupPlanArn { get; init; }

    /// <summary>Gets the plan's version at the run.</summary>
    public required string BackupPlanVersion { get; init; }

    /// <summary>Gets the rule's id.</summary>
    public required string BackupRuleId { get; init; }

    /// <summary>Gets the rule's name.</summary>
    public required string BackupRuleName { get; init; }

    /// <summary>Gets the rule's schedule.</summary>
    public required string BackupRuleCron { get; init; }
}
