namespace Ebs.Core.Domain;

/// <summary>A rule of a backup plan as AWS Backup returns it, with its server-given id and every default filled in (AWS Backup's <c>BackupRule</c>).</summary>
public sealed record BackupRule
{
    /// <summary>Gets the rule's name.</summary>
    public required string RuleName { get; init; }

    /// <summary>Gets the rule's id, a UUID.</summary>
    public required string RuleId { get; init; }

    /// <summary>Gets the name of the vault its recovery points go to.</summary>
    public required string TargetBackupVaultName { get; init; }

    /// <summary>Gets the schedule, an AWS cron expression.</summary>
    public required string ScheduleExpression { get; init; }

    /// <summary>Gets the schedule's time zone; always <c>Etc/UTC</c> in this library.</summary>
    public required string ScheduleExpressionTimezone { get; init; }

    /// <summary>Gets the start window in minutes.</summary>
    public required long StartWindowMinutes { get; init; }

    /// <summary>Gets the completion window in minutes.</summary>
    public required long CompletionWindowMinutes { get; init; }

    /// <summary>Gets the recovery points' lifecycle, or <see langword="null"/> when they are kept.</summary>
    public Lifecycle? Lifecycle { get; init; }

    /// <summary>Gets the tags put on each recovery point.</summary>
    public required TagList RecoveryPointTags { get; init; }

    /// <summary>Gets the copies made of each recovery point.</summary>
    public required ValueList<CopyAction> CopyActions { get; init; }
}
