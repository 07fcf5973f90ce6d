using Ebs.Core.Domain;

namespace Ebs.Core.Services;

/// <summary>The parameters of UpdateRecoveryPointLifecycle: the whole new lifecycle (a setting left out is cleared).</summary>
public sealed record UpdateRecoveryPointLifecycleRequest
{
    /// <summary>Gets the vault's name.</summary>
    public required string BackupVaultName { get; init; }

    /// <summary>Gets the recovery point's ARN, the EC2 snapshot ARN <c>arn:aws:ec2:{region}::snapshot/snap-…</c>.</summary>
    public required string RecoveryPointArn { get; init; }

    /// <summary>Gets the new lifecycle, or <see langword="null"/> to keep the point until deleted.</summary>
    public Lifecycle? Lifecycle { get; init; }
}
