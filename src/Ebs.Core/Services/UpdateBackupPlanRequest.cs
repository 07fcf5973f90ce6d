using Ebs.Core.Domain;

namespace Ebs.Core.Services;

/// <summary>The parameters of UpdateBackupPlan: the whole new plan, which becomes a new version.</summary>
public sealed record UpdateBackupPlanRequest
{
    /// <summary>Gets the plan's id.</summary>
    public required string BackupPlanId { get; init; }

    /// <summary>Gets the new plan.</summary>
    public required BackupPlanInput BackupPlan { get; init; }
}
