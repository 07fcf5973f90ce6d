namespace Ebs.Core.Domain;

/// <summary>A rule of a backup plan as given to CreateBackupPlan and UpdateBackupPlan (AWS Backup's <c>BackupRuleInput</c>).</summary>
public sealed record BackupRuleInput
{
    /// <summary>Gets the rule's name: 1 to 50 letters, digits, <c>-</c>, <c>_</c> or <c>.</c>, unique in the plan.</summary>
    public required string RuleName { get; init; }

    /// <summary>Gets the name of the vault the rule's recovery points go to, in the plan's Region.</summary>
    public required string TargetBackupVaultName { get; init; }

    /// <summary>Gets the schedule, an AWS cron expression in UTC; the default is <c>cron(0 5 ? * * *)</c>, 05:00 UTC daily.</summary>
    public string? ScheduleExpression { get; init; }

    /// <summary>Gets the minutes after a scheduled time a job may start: at least 60; the default is 480.</summary>
    public long? StartWindowMinutes { get; init; }

    /// <summary>Gets the minutes after a scheduled time a job must complete by; the default is 10,080 (7 days).</summary>
    public long? CompletionWindowMinutes { get; init; }

    /// <summary>Gets the recovery points' lifecycle, or <see langword="null"/> to keep them until deleted.</summary>
    public Lifecycle? Lifecycle { get; init; }

    /// <summary>Gets the tags put on each recovery point (its snapshot), at most 10; they override the volume's tags.</summary>
    public IReadOnlyDictionary<string, string>? RecoveryPointTags { get; init; }

    /// <summary>Gets the copies made of each recovery point, at most 5.</summary>
    public IReadOnlyList<CopyAction> CopyActions { get; init; } = [];
}
