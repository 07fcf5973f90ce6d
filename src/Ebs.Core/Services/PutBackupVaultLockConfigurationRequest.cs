namespace Ebs.Core.Services;

/// <summary>The parameters of PutBackupVaultLockConfiguration.</summary>
public sealed record PutBackupVaultLockConfigurationRequest
{
    /// <summary>Gets the vault's name.</summary>
    public required string BackupVaultName { get; init; }

    /// <summary>Gets the shortest retention new recovery points must have, from 1 day.</summary>
    public long? MinRetentionDays { get; init; }

    /// <summary>Gets the longest retention new recovery points may have, up to 36,500 days.</summary>
    public long? MaxRetentionDays { get; init; }

    /// <summary>Gets the days, at least 3, after which the lock is immutable (compliance mode); without it the lock stays removable (governance mode).</summary>
    public long? ChangeableForDays { get; init; }
}
