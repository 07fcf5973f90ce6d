namespace Ebs.Core.Services;

/// <summary>The parameters of StopBackupJob.</summary>
public sealed record StopBackupJobRequest
{
    /// <summary>Gets the job's id, a UUID.</summary>
    public required string BackupJobId { get; init; }
}
