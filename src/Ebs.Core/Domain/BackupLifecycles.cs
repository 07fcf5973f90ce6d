namespace Ebs.Core.Domain;

/// <summary>AWS Backup's lifecycle rules: the checks a lifecycle must pass and the instants it gives.</summary>
internal static class BackupLifecycles
{
    /// <summary>The days a recovery point stays in cold storage at least.</summary>
    public const long ColdMinimumDays = 90;

    /// <summary>The longest retention, 100 years.</summary>
    public const long MaxDays = 36500;

    /// <summary>
    /// Returns the lifecycle as stored: <see langword="null"/> when it keeps the point forever
    /// (none given, or both settings -1, AWS's way to remove a lifecycle), with -1 settings cleared.
    /// </summary>
    /// <returns>The lifecycle, or the reason it is invalid (AWS's message, after <paramref name="rulePrefix"/>).</returns>
    public static (Lifecycle? Lifecycle, string? Error) Normalize(Lifecycle? lifecycle, string rulePrefix)
    {
        if (lifecycle is null)
        {
            return (null, null);
        }

        var cold = lifecycle.MoveToColdStorageAfterDays is -1 ? null : lifecycle.MoveToColdStorageAfterDays;
        var delete = lifecycle.DeleteAfterDays is -1 ? null : lifecycle.DeleteAfterDays;
        if (delete is < 1 or > MaxDays)
        {
            return (null, $"{rulePrefix}Invalid lifecycle. DeleteAfterDays cannot be less than 1 or more than {MaxDays} days");
        }

        if (cold is < 1 or > MaxDays)
        {
            return (null, $"{rulePrefix}Invalid lifecycle. MoveToColdStorageAfterDays cannot be less than 1 or more than {MaxDays} days");
        }

        if (cold is { } c && delete is { } d && d < c + ColdMinimumDays)
        {
            return (null, $"{rulePrefix}Invalid lifecycle. DeleteAfterDays cannot be less than {ColdMinimumDays} days apart from MoveToColdStorageAfterDays");
        }

        return cold is null && delete is null && lifecycle.OptInToArchiveForSupportedResources is null
            ? (null, null)
            : (lifecycle with { MoveToColdStorageAfterDays = cold, DeleteAfterDays = delete }, null);
    }

    /// <summary>The instants a lifecycle gives a point created at <paramref name="creation"/>.</summary>
    public static CalculatedLifecycle Calculate(Lifecycle? lifecycle, DateTimeOffset creation) => new()
    {
        MoveToColdStorageAt = lifecycle?.MoveToColdStorageAfterDays is { } cold ? creation.AddDays(cold) : null,
        DeleteAt = lifecycle?.DeleteAfterDays is { } delete ? creation.AddDays(delete) : null,
    };

    /// <summary>Whether the point moves to the archive tier: EBS tiers only when opted in (UNCONFIRMED: docs/backup.md).</summary>
    public static bool Archives(Lifecycle? lifecycle) => lifecycle is { MoveToColdStorageAfterDays: not null, OptInToArchiveForSupportedResources: true };
}
