using Ebs.Core.Domain;

namespace Ebs.Core.Services;

/// <summary>The parameters of DescribeBackupJob.</summary>
public sealed record DescribeBackupJobRequest
{
    /// <summary>Gets the job's id, a UUID.</summary>
    public required string BackupJobId { get; init; }
}
