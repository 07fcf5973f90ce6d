namespace Ebs.Core.Services;

/// <summary>The parameters of DeleteRecoveryPoint.</summary>
public sealed record DeleteRecoveryPointRequest
{
    /// <summary>Gets the vault's name.</summary>
    public required string BackupVaultName { get; init; }

    /// <summary>Gets the recovery point's ARN, the EC2 snapshot ARN <c>arn:aws:ec2:{region}::snapshot/snap-…</c>.</summary>
    public required string RecoveryPointArn { get; init; }
}
