using Ebs.Core.Domain;

namespace Ebs.Core.Services;

/// <summary>The parameters of StartBackupJob: an on-demand backup of one EBS volume.</summary>
public sealed record StartBackupJobRequest
{
    /// <summary>Gets the name of the vault the recovery point goes to.</summary>
    public required string BackupVaultName { get; init; }

    /// <summary>Gets the volume's ARN, <c>arn:aws:ec2:{region}:{account}:volume/vol-…</c>.</summary>
    public required string ResourceArn { get; init; }

    /// <summary>Gets the role AWS Backup assumes; stored, not checked.</summary>
    public required string IamRoleArn { get; init; }

    /// <summary>Gets an idempotency token: a repeated call with it returns the job it started.</summary>
    public string? IdempotencyToken { get; init; }

    /// <summary>Gets the minutes the job may take to start, at least 60; the default is 480.</summary>
    public long? StartWindowMinutes { get; init; }

    /// <summary>Gets the minutes the job must complete within; the default is 10,080.</summary>
    public long? CompleteWindowMinutes { get; init; }

    /// <summary>Gets the recovery point's lifecycle, or <see langword="null"/> to keep it until deleted.</summary>
    public Lifecycle? Lifecycle { get; init; }

    /// <summary>Gets the tags put on the recovery point, at most 10.</summary>
    public IReadOnlyDictionary<string, string>? RecoveryPointTags { get; init; }
}
