namespace Ebs.Core.Domain;

/// <summary>
/// A backup vault's Vault Lock: the retention its new recovery points must have, and from
/// <see cref="LockDate"/> on (compliance mode) a lock nobody can change or remove. Before it, or
/// without one (governance mode), the lock can be changed or removed.
/// </summary>
internal sealed record BackupVaultLock
{
    public long? MinRetentionDays { get; init; }

    public long? MaxRetentionDays { get; init; }

    /// <summary>Gets the instant the lock becomes immutable, or <see langword="null"/> in governance mode.</summary>
    public DateTimeOffset? LockDate { get; init; }

    /// <summary>Whether the lock can no longer be changed or removed at <paramref name="now"/>: on and after its lock date.</summary>
    public bool IsImmutableAt(DateTimeOffset now) => LockDate is { } date && now >= date;

    /// <summary>Whether a retention of <paramref name="deleteAfterDays"/> (<see langword="null"/>: forever) is within the lock's range.</summary>
    public bool Allows(long? deleteAfterDays)
        => (MinRetentionDays is not { } min || deleteAfterDays is not { } days || days >= min)
            && (MaxRetentionDays is not { } max || deleteAfterDays is { } kept && kept <= max);
}
