using Ebs.Core.Domain;

namespace Ebs.Core.Services;

/// <summary>The parameters of StartCopyJob: a copy of a recovery point into another vault, such as one in another Region.</summary>
public sealed record StartCopyJobRequest
{
    /// <summary>Gets the recovery point's ARN, the EC2 snapshot ARN.</summary>
    public required string RecoveryPointArn { get; init; }

    /// <summary>Gets the name of the vault that holds it, in this Region.</summary>
    public required string SourceBackupVaultName { get; init; }

    /// <summary>Gets the destination vault's ARN, <c>arn:aws:backup:{region}:{account}:backup-vault:{name}</c>, of the caller's.</summary>
    public required string DestinationBackupVaultArn { get; init; }

    /// <summary>Gets the role AWS Backup assumes; stored, not checked.</summary>
    public required string IamRoleArn { get; init; }

    /// <summary>Gets an idempotency token; stored, not used.</summary>
    public string? IdempotencyToken { get; init; }

    /// <summary>Gets the copy's lifecycle; without one the copy takes the source point's.</summary>
    public Lifecycle? Lifecycle { get; init; }
}
