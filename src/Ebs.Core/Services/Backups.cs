using System.Collections.Immutable;
using System.Globalization;
using Ebs.Core.Domain;
using Ebs.Core.Storage;

namespace Ebs.Core.Services;

/// <summary>
/// What AWS Backup does inside a state change, for calls and scheduled effects alike: a backup
/// job taking its recovery point through the EC2 snapshot path, a plan's rule running on its
/// schedule, and a recovery point's lifecycle (cold storage, deletion) at its instants.
/// </summary>
internal static class Backups
{
    /// <summary>The due effect that runs one rule of a plan, targeting <c>{planId}|{ruleId}</c>, and schedules its next run.</summary>
    public const string RuleRun = "backup-rule-run";

    /// <summary>The due effect that deletes a recovery point (and its snapshot) when its lifecycle ends.</summary>
    public const string RecoveryPointExpiry = "backup-recovery-point-expiry";

    /// <summary>The due effect that moves a recovery point's snapshot to the archive tier.</summary>
    public const string ColdTransition = "backup-recovery-point-cold";

    /// <summary>The due effect that copies a recovery point into its copy job's destination vault once the point completes.</summary>
    public const string CopyAction = "backup-copy";

    /// <summary>The description AWS Backup gives its EBS snapshots (seen in public output; no AWS page states it).</summary>
    public const string SnapshotDescription = "This snapshot is created by the AWS Backup service.";

    /// <summary>The tag AWS Backup puts on its EBS snapshots; its value format is UNCONFIRMED (the volume id here).</summary>
    public const string SourceResourceTag = "aws:backup:source-resource";

    /// <summary>The message EC2's DeleteSnapshot refuses a recovery point's snapshot with.</summary>
    public const string ManagedSnapshotMessage = "This snapshot is managed by the AWS Backup service and cannot be deleted via EC2 APIs. If you wish to delete this snapshot, please do so via the Backup console.";

    /// <summary>Whether a snapshot is an AWS Backup recovery point.</summary>
    public static bool IsRecoveryPoint(World world, SnapshotId snapshotId) => world.Table(RecordKinds.RecoveryPoint).ContainsKey(snapshotId.Value);

    /// <summary>A new UUID id, lowercase, from the engine's (seedable) id source.</summary>
    public static string NewUuid(CloudEngine engine, Func<string, bool> isTaken)
    {
        var hex = engine.Ids.Next("0123456789abcdef", 32, h => isTaken(Format(h)));
        return Format(hex);

        static string Format(string h) => $"{h[..8]}-{h[8..12]}-{h[12..16]}-{h[16..20]}-{h[20..]}";
    }

    /// <summary>The ARN of an EBS volume, which is how AWS Backup names it.</summary>
    public static string VolumeArn(string region, string accountId, VolumeId volumeId)
        => string.Create(CultureInfo.InvariantCulture, $"arn:aws:ec2:{region}:{accountId}:volume/{volumeId.Value}");

    /// <summary>
    /// Runs a backup job of <paramref name="volume"/> into <paramref name="vault"/> at <see cref="Mutation.Now"/>:
    /// the recovery point is a snapshot taken as CreateSnapshot takes one, tagged with the volume's tags,
    /// then <paramref name="recoveryPointTags"/>, then <see cref="SourceResourceTag"/>, with its lifecycle's
    /// events scheduled. A lifecycle outside the vault's lock, or a volume with the most pending
    /// snapshots, fails the job instead (AWS fails it rather than refusing the call).
    /// </summary>
    public static BackupJobRecord RunJob(
        CloudEngine engine,
        Mutation m,
        BackupVaultRecord vault,
        VolumeRecord volume,
        Lifecycle? lifecycle,
        TagList recoveryPointTags,
        string iamRoleArn,
        long startWindowMinutes,
        RecoveryPointCreator? createdBy,
        SnapshotConsistency consistency,
        IReadOnlyList<CopyAction> copyActions)
    {
        var job = new BackupJobRecord
        {
            BackupJobId = NewUuid(engine, m.World.Table(RecordKinds.BackupJob).ContainsKey),
            AccountId = vault.AccountId,
            Region = vault.Region,
            BackupVaultName = vault.Name,
            ResourceArn = VolumeArn(vault.Region, vault.AccountId, volume.Id),
            CreationDate = m.Now,
            StartBy = m.Now.AddMinutes(startWindowMinutes),
            Lifecycle = lifecycle,
            BackupSizeInBytes = (long)volume.View.Size << 30,
            IamRoleArn = iamRoleArn,
            CreatedBy = createdBy,
        };
        if (vault.Lock is { } vaultLock && !vaultLock.Allows(lifecycle?.DeleteAfterDays))
        {
            return Fail(m, job, $"The recovery point's retention is outside the Vault Lock of backup vault {vault.Name} (MinRetentionDays {vaultLock.MinRetentionDays?.ToString(CultureInfo.InvariantCulture) ?? "none"}, MaxRetentionDays {vaultLock.MaxRetentionDays?.ToString(CultureInfo.InvariantCulture) ?? "none"}).");
        }

        if (SnapshotQueue.PendingAt(volume.SnapshotCompletions, m.Now) >= Ec2Client.MaxPendingSnapshotsPerVolume)
        {
            return Fail(m, job, $"Volume {volume.Id} already has {Ec2Client.MaxPendingSnapshotsPerVolume} pending snapshots.");
        }

        var tags = volume.View.Tags.Items.SetItems(recoveryPointTags.Items).SetItem(SourceResourceTag, volume.Id.Value);
        var snapshot = new Ec2Client(engine, vault.AccountId, vault.Region).TakeSnapshot(m, volume, SnapshotDescription, tags, consistency);
        var point = new RecoveryPointRecord
        {
            SnapshotId = snapshot.Id,
            AccountId = vault.AccountId,
            Region = vault.Region,
            BackupVaultName = vault.Name,
            ResourceArn = job.ResourceArn,
            CreationDate = m.Now,
            CompletesAt = snapshot.CompletesAt,
            Lifecycle = lifecycle,
            CreatedBy = createdBy,
            BackupSizeInBytes = job.BackupSizeInBytes,
            IamRoleArn = iamRoleArn,
        };
        m.Set(RecordKinds.RecoveryPoint, point);
        ScheduleLifecycle(m, point);
        var completed = job with { CompletesAt = snapshot.CompletesAt, RecoveryPointArn = point.Arn };
        m.Set(RecordKinds.BackupJob, completed);
        foreach (var copy in copyActions)
        {
            StartCopy(engine, m, point, copy.DestinationBackupVaultArn, copy.Lifecycle, iamRoleArn, createdBy);
        }

        return completed;
    }

    /// <summary>Schedules a recovery point's lifecycle events: its move to cold storage (when it archives) and its deletion.</summary>
    public static void ScheduleLifecycle(Mutation m, RecoveryPointRecord point)
    {
        var calculated = point.CalculatedLifecycle;
        if (BackupLifecycles.Archives(point.Lifecycle) && point.MovedToColdAt is null && calculated.MoveToColdStorageAt is { } cold)
        {
            m.Schedule(cold, ColdTransition, point.SnapshotId.Value);
        }

        if (calculated.DeleteAt is { } delete)
        {
            m.Schedule(delete, RecoveryPointExpiry, point.SnapshotId.Value);
        }
    }

    /// <summary>Cancels a recovery point's pending lifecycle events.</summary>
    public static void UnscheduleLifecycle(Mutation m, RecoveryPointRecord point)
    {
        var calculated = point.CalculatedLifecycle;
        if (calculated.MoveToColdStorageAt is { } cold)
        {
            m.Unschedule(new DueEvent(cold, ColdTransition, point.SnapshotId.Value));
        }

        if (calculated.DeleteAt is { } delete)
        {
            m.Unschedule(new DueEvent(delete, RecoveryPointExpiry, point.SnapshotId.Value));
        }
    }

    /// <summary>
    /// Deletes a recovery point and its snapshot, as a deletion of the snapshot (the Recycle Bin
    /// applies). A snapshot with Fast Snapshot Restore enabled cannot be deleted; the point stays.
    /// </summary>
    /// <exception cref="EbsException"><c>InvalidSnapshot.InUse</c>, before anything changes, while Fast Snapshot Restore is enabled for it.</exception>
    public static void Delete(CloudEngine engine, Mutation m, RecoveryPointRecord point)
    {
        UnscheduleLifecycle(m, point);
        m.Remove(RecordKinds.RecoveryPoint, point.SnapshotId.Value);
        if (m.World.Snapshots.GetValueOrDefault(point.SnapshotId) is { RecycleBin: null } snapshot)
        {
            RecycleBin.Delete(engine, m, snapshot);
        }
    }

    /// <summary>The due effect of <see cref="RecoveryPointExpiry"/>: the point is deleted, unless Fast Snapshot Restore keeps its snapshot (AWS's EXPIRED case).</summary>
    public static void Expire(CloudEngine engine, Mutation m, DueEvent due)
    {
        if (m.World.Table(RecordKinds.RecoveryPoint).GetValueOrDefault(due.Target) is not { } point)
        {
            return;
        }

        try
        {
            FastSnapshotRestores.CheckNotEnabled(m.World, point.SnapshotId);
        }
        catch (EbsException)
        {
            return;
        }

        Delete(engine, m, point);
    }

    /// <summary>The due effect of <see cref="ColdTransition"/>: the point's completed snapshot starts archival, as ModifySnapshotTier starts it.</summary>
    public static void MoveToCold(CloudEngine engine, Mutation m, DueEvent due)
    {
        if (m.World.Table(RecordKinds.RecoveryPoint).GetValueOrDefault(due.Target) is not { } point
            || m.World.Snapshots.GetValueOrDefault(point.SnapshotId) is not { RecycleBin: null } snapshot
            || !snapshot.IsCompletedAt(m.Now) || !snapshot.IsStandardTierOnly)
        {
            return;
        }

        SnapshotTiering.StartArchival(engine, m, snapshot);
        m.Set(RecordKinds.RecoveryPoint, point with { MovedToColdAt = m.Now });
    }

    /// <summary>
    /// The due effect of <see cref="RuleRun"/>: one backup job per volume the plan's selections
    /// choose, into the rule's vault (a job fails when the vault is gone), then the rule's next run.
    /// Runs are crash-consistent: a quiesce hook is asynchronous and cannot run inside the scheduler's change.
    /// </summary>
    public static void RunRule(CloudEngine engine, Mutation m, DueEvent due)
    {
        var (planId, ruleId) = due.Target.Split('|') is [var p, var r] ? (p, r) : (due.Target, string.Empty);
        if (m.World.Table(RecordKinds.BackupPlan).GetValueOrDefault(planId) is not { } plan
            || plan.Plan.Rules.FirstOrDefault(r => r.RuleId == ruleId) is not { } rule)
        {
            return;
        }

        var creator = new RecoveryPointCreator
        {
            BackupPlanId = plan.BackupPlanId,
            BackupPlanArn = plan.Arn,
            BackupPlanVersion = plan.VersionId,
            BackupRuleId = rule.RuleId,
            BackupRuleName = rule.RuleName,
            BackupRuleCron = rule.ScheduleExpression,
        };
        var selections = m.World.Table(RecordKinds.BackupSelection).Values.Where(s => s.BackupPlanId == planId).Select(s => s.Selection).ToList();
        var volumes = m.World.Volumes.Values
            .Where(v => v.View.OwnerId == plan.AccountId && v.View.Region == plan.Region && !v.Importing
                && selections.Any(s => BackupSelections.Selects(s, VolumeArn(plan.Region, plan.AccountId, v.Id), v.View.Tags)))
            .OrderBy(v => v.Id.Value, StringComparer.Ordinal)
            .ToList();
        var vault = m.World.Table(RecordKinds.BackupVault).GetValueOrDefault(BackupVaultRecord.KeyOf(plan.AccountId, plan.Region, rule.TargetBackupVaultName));
        foreach (var volume in volumes)
        {
            if (vault is null)
            {
                Fail(m, new BackupJobRecord
                {
                    BackupJobId = NewUuid(engine, m.World.Table(RecordKinds.BackupJob).ContainsKey),
                    AccountId = plan.AccountId,
                    Region = plan.Region,
                    BackupVaultName = rule.TargetBackupVaultName,
                    ResourceArn = VolumeArn(plan.Region, plan.AccountId, volume.Id),
                    CreationDate = m.Now,
                    StartBy = m.Now.AddMinutes(rule.StartWindowMinutes),
                    Lifecycle = rule.Lifecycle,
                    BackupSizeInBytes = (long)volume.View.Size << 30,
                    IamRoleArn = string.Empty,
                    CreatedBy = creator,
                }, $"Backup vault {rule.TargetBackupVaultName} does not exist.");
                continue;
            }

            var role = selections.First(s => BackupSelections.Selects(s, VolumeArn(plan.Region, plan.AccountId, volume.Id), volume.View.Tags)).IamRoleArn;
            RunJob(engine, m, vault, volume, rule.Lifecycle, rule.RecoveryPointTags, role, rule.StartWindowMinutes, creator, SnapshotConsistency.CrashConsistent, rule.CopyActions);
        }

        m.Set(RecordKinds.BackupPlan, plan with { LastExecutionDate = m.Now });
        ScheduleRule(m, plan.BackupPlanId, rule, m.Now);
    }

    /// <summary>Schedules a rule's first run after <paramref name="after"/>; nothing when its schedule never fires again.</summary>
    public static void ScheduleRule(Mutation m, string planId, BackupRule rule, DateTimeOffset after)
    {
        if (CronExpression.Parse(rule.ScheduleExpression).Next(after) is { } next)
        {
            m.Schedule(next, RuleRun, $"{planId}|{rule.RuleId}");
        }
    }

    /// <summary>Cancels every pending run of a plan's rules.</summary>
    public static void UnscheduleRules(Mutation m, string planId)
    {
        var prefix = planId + "|";
        foreach (var due in m.World.Table(RecordKinds.Due).Values.Where(e => e.Effect == RuleRun && e.Target.StartsWith(prefix, StringComparison.Ordinal)).ToList())
        {
            m.Unschedule(due);
        }
    }

    /// <summary>Creates a copy job of <paramref name="point"/>, whose copy the scheduler makes when the point completes (at once when it has).</summary>
    public static CopyJobRecord StartCopy(CloudEngine engine, Mutation m, RecoveryPointRecord point, string destinationVaultArn, Lifecycle? lifecycle, string iamRoleArn, RecoveryPointCreator? createdBy)
    {
        var job = new CopyJobRecord
        {
            CopyJobId = NewUuid(engine, m.World.Table(RecordKinds.CopyJob).ContainsKey),
            AccountId = point.AccountId,
            Region = point.Region,
            SourceBackupVaultName = point.BackupVaultName,
            SourceSnapshotId = point.SnapshotId,
            DestinationBackupVaultArn = destinationVaultArn,
            Lifecycle = lifecycle,
            ResourceArn = point.ResourceArn,
            CreationDate = m.Now,
            StartsAt = point.CompletesAt > m.Now ? point.CompletesAt : m.Now,
            BackupSizeInBytes = point.BackupSizeInBytes,
            IamRoleArn = iamRoleArn,
            CreatedBy = createdBy,
        };
        m.Set(RecordKinds.CopyJob, job);
        m.Schedule(job.StartsAt, CopyAction, job.CopyJobId);
        return job;
    }

    /// <summary>
    /// The due effect of <see cref="CopyAction"/>: the source point's snapshot is copied into the
    /// destination vault's Region as CopySnapshot copies (only the chunks that Region lacks are
    /// stored), and the copy is a recovery point there with the job's lifecycle, or the source's.
    /// The job fails when the source point is gone or archived, the destination vault is gone, or
    /// the lifecycle is outside the destination vault's lock.
    /// </summary>
    public static async ValueTask CopyAsync(CloudEngine engine, Mutation m, DueEvent due)
    {
        if (m.World.Table(RecordKinds.CopyJob).GetValueOrDefault(due.Target) is not { } job)
        {
            return;
        }

        var source = m.World.Table(RecordKinds.RecoveryPoint).GetValueOrDefault(job.SourceSnapshotId.Value);
        var snapshot = source is null ? null : m.World.Snapshots.GetValueOrDefault(source.SnapshotId);
        var destination = BackupVaultRecord.ParseArn(job.DestinationBackupVaultArn) is var (account, region, name)
            ? m.World.Table(RecordKinds.BackupVault).GetValueOrDefault(BackupVaultRecord.KeyOf(account, region, name))
            : null;
        var lifecycle = job.Lifecycle ?? source?.Lifecycle;
        var failure = source is null || snapshot is null ? "The source recovery point no longer exists."
            : !snapshot.IsCompletedAt(m.Now) || !snapshot.IsReadableAt(m.Now) ? "The source recovery point is not completed, or is in cold storage."
            : destination is null ? $"Backup vault {job.DestinationBackupVaultArn} does not exist."
            : destination.Lock is { } vaultLock && !vaultLock.Allows(lifecycle?.DeleteAfterDays) ? $"The copy's retention is outside the Vault Lock of backup vault {destination.Name}."
            : null;
        if (failure is not null)
        {
            m.Set(RecordKinds.CopyJob, job with { StatusMessage = failure });
            return;
        }

        var target = new Ec2Client(engine, destination!.AccountId, destination.Region);
        SnapshotRecord copy;
        try
        {
            // An encrypted recovery point stays encrypted.
            copy = await target.CopyIntoAsync(m, snapshot!, SnapshotDescription, snapshot!.Tags, encrypted: null, kmsKeyId: null, CancellationToken.None).ConfigureAwait(false);
        }
        catch (EbsException e) when (e.ErrorCode == EbsErrorCodes.InvalidKmsKeyInvalidState)
        {
            m.Set(RecordKinds.CopyJob, job with { StatusMessage = e.Message });
            return;
        }

        var point = new RecoveryPointRecord
        {
            SnapshotId = copy.Id,
            AccountId = destination.AccountId,
            Region = destination.Region,
            BackupVaultName = destination.Name,
            ResourceArn = source!.ResourceArn,
            CreationDate = m.Now,
            CompletesAt = copy.CompletesAt,
            Lifecycle = lifecycle,
            CreatedBy = source.CreatedBy,
            BackupSizeInBytes = source.BackupSizeInBytes,
            IamRoleArn = job.IamRoleArn,
            SourceBackupVaultArn = BackupVaultRecord.ArnOf(source.AccountId, source.Region, source.BackupVaultName),
        };
        m.Set(RecordKinds.RecoveryPoint, point);
        ScheduleLifecycle(m, point);
        m.Set(RecordKinds.CopyJob, job with { DestinationRecoveryPointArn = point.Arn, CompletesAt = copy.CompletesAt });
    }

    private static BackupJobRecord Fail(Mutation m, BackupJobRecord job, string message)
    {
        var failed = job with { StatusMessage = message, CompletesAt = null };
        m.Set(RecordKinds.BackupJob, failed);
        return failed;
    }
}
