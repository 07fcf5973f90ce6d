namespace Ebs.Core.Services;

/// <summary>The parameters of DeleteBackupPlan.</summary>
public sealed record DeleteBackupPlanRequest
{
    /// <summary>Gets the plan's id.</summary>
    public required string BackupPlanId { get; init; }
}
