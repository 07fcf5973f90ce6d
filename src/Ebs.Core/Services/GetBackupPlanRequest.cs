namespace Ebs.Core.Services;

/// <summary>The parameters of GetBackupPlan.</summary>
public sealed record GetBackupPlanRequest
{
    /// <summary>Gets the plan's id.</summary>
    public required string BackupPlanId { get; init; }
}
