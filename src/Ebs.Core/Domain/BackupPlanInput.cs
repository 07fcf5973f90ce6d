namespace Ebs.Core.Domain;

/// <summary>A backup plan as given to CreateBackupPlan and UpdateBackupPlan (AWS Backup's <c>BackupPlanInput</c>).</summary>
public sealed record BackupPlanInput
{
    /// <summary>Gets the plan's name: 1 to 200 letters, digits, <c>-</c>, <c>_</c> or <c>.</c>.</summary>
    public required string BackupPlanName { get; init; }

    /// <summary>Gets the rules, 1 to 10.</summary>
    public required IReadOnlyList<BackupRuleInput> Rules { get; init; }
}
