namespace Ebs.Core.Services;

/// <summary>The parameters of DeleteBackupSelection.</summary>
public sealed record DeleteBackupSelectionRequest
{
    /// <summary>Gets the plan's id.</summary>
    public required string BackupPlanId { get; init; }

    /// <summary>Gets the selection's id.</summary>
    public required string SelectionId { get; init; }
}
