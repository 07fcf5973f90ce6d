namespace Ebs.Core.Domain;

/// <summary>A backup plan as AWS Backup returns it (AWS Backup's <c>BackupPlan</c>).</summary>
public sealed record BackupPlan
{
    /// <summary>Gets the plan's name.</summary>
    public required string BackupPlanName { get; init; }

    /// <summary>Gets the rules, with their ids.</summary>
    public required ValueList<BackupRule> Rules { get; init; }
}
