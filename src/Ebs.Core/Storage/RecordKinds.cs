using System.Collections.Frozen;
using System.Collections.Immutable;
using Ebs.Core.Domain;

namespace Ebs.Core.Storage;

/// <summary>Every kind of stored aggregate; a new kind is one line here.</summary>
internal static class RecordKinds
{
    public static RecordKind<VolumeId, VolumeRecord> Volume { get; } = new(
        "volume", v => v.Id, id => id.Value, StateCodec.Write, StateCodec.ReadVolume, ImmutableDictionary<VolumeId, VolumeRecord>.Empty);

    public static RecordKind<SnapshotId, SnapshotRecord> Snapshot { get; } = new(
        "snapshot", s => s.Id, id => id.Value, StateCodec.Write, StateCodec.ReadSnapshot, ImmutableDictionary<SnapshotId, SnapshotRecord>.Empty);

    public static RecordKind<ImageId, ImageRecord> Image { get; } = new(
        "image", i => i.Id, id => id.Value, StateCodec.Write, StateCodec.ReadImage, ImmutableDictionary<ImageId, ImageRecord>.Empty);

    /// <summary>Gets the instances, terminated ones included.</summary>
    public static RecordKind<InstanceId, InstanceRecord> Instance { get; } = new(
        "instance", i => i.InstanceId, id => id.Value, i => StateCodec.Write(i, StateJsonContext.Default.InstanceRecord), d => StateCodec.Read(d, StateJsonContext.Default.InstanceRecord),
        ImmutableDictionary<InstanceId, InstanceRecord>.Empty);

    /// <summary>Gets Fast Snapshot Restore per (enabling account, snapshot, zone), disabled ones included.</summary>
    public static RecordKind<string, FastSnapshotRestoreRecord> FastSnapshotRestore { get; } = new(
        "fast-snapshot-restore", r => r.Key, key => key, r => StateCodec.Write(r, StateJsonContext.Default.FastSnapshotRestoreRecord), d => StateCodec.Read(d, StateJsonContext.Default.FastSnapshotRestoreRecord),
        ImmutableSortedDictionary.Create<string, FastSnapshotRestoreRecord>(StringComparer.Ordinal));

    /// <summary>Gets the Recycle Bin retention rules, by identifier.</summary>
    public static RecordKind<string, RetentionRuleRecord> RetentionRule { get; } = new(
        "rbin-rule", r => r.Identifier, id => id, RetentionRuleCodec.Write, RetentionRuleCodec.Read,
        ImmutableSortedDictionary.Create<string, RetentionRuleRecord>(StringComparer.Ordinal));

    /// <summary>Gets the Data Lifecycle Manager policies, by policy id.</summary>
    public static RecordKind<string, LifecyclePolicyRecord> LifecyclePolicy { get; } = new(
        "dlm-policy", p => p.PolicyId, id => id, p => StateCodec.Write(p, StateJsonContext.Default.LifecyclePolicyRecord), d => StateCodec.Read(d, StateJsonContext.Default.LifecyclePolicyRecord),
        ImmutableSortedDictionary.Create<string, LifecyclePolicyRecord>(StringComparer.Ordinal));

    /// <summary>Gets the scheduler's pending events, in due order (see <see cref="DueEvent.Key"/>).</summary>
    public static RecordKind<string, DueEvent> Due { get; } = new(
        "due", e => e.Key, key => key, e => StateCodec.Write(e, StateJsonContext.Default.DueEvent), d => StateCodec.Read(d, StateJsonContext.Default.DueEvent),
        ImmutableSortedDictionary.Create<string, DueEvent>(StringComparer.Ordinal));

    /// <summary>Gets the usage ledger, in the order it was written (see <see cref="UsageEntry.Key"/>).</summary>
    public static RecordKind<string, UsageEntry> Usage { get; } = new(
        "usage", e => e.Key, key => key, e => StateCodec.Write(e, StateJsonContext.Default.UsageEntry), d => StateCodec.Read(d, StateJsonContext.Default.UsageEntry),
        ImmutableSortedDictionary.Create<string, UsageEntry>(StringComparer.Ordinal));

    /// <summary>Gets how far a seeded id sequence has gone, so that a reopened store never draws an id again.</summary>
    public static RecordKind<string, IdSequence> IdSequence { get; } = new(
        "id-sequence", s => s.Key, key => key, s => StateCodec.Write(s, StateJsonContext.Default.IdSequence), d => StateCodec.Read(d, StateJsonContext.Default.IdSequence),
        ImmutableDictionary<string, IdSequence>.Empty);

    /// <summary>Gets block public access for snapshots and images, per account and Region (absent: unblocked).</summary>
    public static RecordKind<string, BlockPublicAccessRecord> BlockPublicAccess { get; } = new(
        "block-public-access", r => r.Key, key => key, r => StateCodec.Write(r, StateJsonContext.Default.BlockPublicAccessRecord), d => StateCodec.Read(d, StateJsonContext.Default.BlockPublicAccessRecord),
        ImmutableSortedDictionary.Create<string, BlockPublicAccessRecord>(StringComparer.Ordinal));

    /// <summary>Gets the KMS keys of every account and Region, by ARN (keys pending deletion included; deleted ones are gone).</summary>
    public static RecordKind<string, KmsKeyRecord> KmsKey { get; } = new(
        "kms-key", k => k.Arn, arn => arn, k => StateCodec.Write(k, StateJsonContext.Default.KmsKeyRecord), d => StateCodec.Read(d, StateJsonContext.Default.KmsKeyRecord),
        ImmutableSortedDictionary.Create<string, KmsKeyRecord>(StringComparer.Ordinal));

    /// <summary>Gets the master secret that wraps the KMS keys' data keys (one record, made with the first key).</summary>
    public static RecordKind<string, KmsMasterSecret> KmsMaster { get; } = new(
        "kms-master", s => s.Key, key => key, s => StateCodec.Write(s, StateJsonContext.Default.KmsMasterSecret), d => StateCodec.Read(d, StateJsonContext.Default.KmsMasterSecret),
        ImmutableDictionary<string, KmsMasterSecret>.Empty);

    /// <summary>Gets each account's EBS encryption settings per Region (encryption by default, default key), by account and Region.</summary>
    public static RecordKind<string, EbsEncryptionDefaults> EncryptionDefaults { get; } = new(
        "ebs-encryption-defaults", d => d.Key, key => key, d => StateCodec.Write(d, StateJsonContext.Default.EbsEncryptionDefaults), d => StateCodec.Read(d, StateJsonContext.Default.EbsEncryptionDefaults),
        ImmutableDictionary<string, EbsEncryptionDefaults>.Empty);

    /// <summary>Gets the AWS Backup vaults, by account, Region and name.</summary>
    public static RecordKind<string, BackupVaultRecord> BackupVault { get; } = new(
        "backup-vault", v => v.Key, key => key, r => StateCodec.Write(r, StateJsonContext.Default.BackupVaultRecord), d => StateCodec.Read(d, StateJsonContext.Default.BackupVaultRecord),
        ImmutableSortedDictionary.Create<string, BackupVaultRecord>(StringComparer.Ordinal));

    /// <summary>Gets the AWS Backup plans, by id.</summary>
    public static RecordKind<string, BackupPlanRecord> BackupPlan { get; } = new(
        "backup-plan", p => p.BackupPlanId, key => key, r => StateCodec.Write(r, StateJsonContext.Default.BackupPlanRecord), d => StateCodec.Read(d, StateJsonContext.Default.BackupPlanRecord),
        ImmutableSortedDictionary.Create<string, BackupPlanRecord>(StringComparer.Ordinal));

    /// <summary>Gets the AWS Backup selections, by id.</summary>
    public static RecordKind<string, BackupSelectionRecord> BackupSelection { get; } = new(
        "backup-selection", s => s.SelectionId, key => key, r => StateCodec.Write(r, StateJsonContext.Default.BackupSelectionRecord), d => StateCodec.Read(d, StateJsonContext.Default.BackupSelectionRecord),
        ImmutableSortedDictionary.Create<string, BackupSelectionRecord>(StringComparer.Ordinal));

    /// <summary>Gets the AWS Backup jobs, by id.</summary>
    public static RecordKind<string, BackupJobRecord> BackupJob { get; } = new(
        "backup-job", j => j.BackupJobId, key => key, r => StateCodec.Write(r, StateJsonContext.Default.BackupJobRecord), d => StateCodec.Read(d, StateJsonContext.Default.BackupJobRecord),
        ImmutableSortedDictionary.Create<string, BackupJobRecord>(StringComparer.Ordinal));

    /// <summary>Gets the AWS Backup recovery points, by snapshot id.</summary>
    public static RecordKind<string, RecoveryPointRecord> RecoveryPoint { get; } = new(
        "backup-recovery-point", r => r.SnapshotId.Value, key => key, r => StateCodec.Write(r, StateJsonContext.Default.RecoveryPointRecord), d => StateCodec.Read(d, StateJsonContext.Default.RecoveryPointRecord),
        ImmutableSortedDictionary.Create<string, RecoveryPointRecord>(StringComparer.Ordinal));

    /// <summary>Gets the AWS Backup restore jobs, by id.</summary>
    public static RecordKind<string, RestoreJobRecord> RestoreJob { get; } = new(
        "backup-restore-job", j => j.RestoreJobId, key => key, r => StateCodec.Write(r, StateJsonContext.Default.RestoreJobRecord), d => StateCodec.Read(d, StateJsonContext.Default.RestoreJobRecord),
        ImmutableSortedDictionary.Create<string, RestoreJobRecord>(StringComparer.Ordinal));

    /// <summary>Gets the AWS Backup copy jobs, by id.</summary>
    public static RecordKind<string, CopyJobRecord> CopyJob { get; } = new(
        "backup-copy-job", j => j.CopyJobId, key => key, r => StateCodec.Write(r, StateJsonContext.Default.CopyJobRecord), d => StateCodec.Read(d, StateJsonContext.Default.CopyJobRecord),
        ImmutableSortedDictionary.Create<string, CopyJobRecord>(StringComparer.Ordinal));

    /// <summary>Gets every kind, in the order a world loads them.</summary>
    public static ImmutableArray<IRecordKind> All { get; } = [Volume, Snapshot, Image, Instance, FastSnapshotRestore, RetentionRule, LifecyclePolicy, BlockPublicAccess, Due, Usage, IdSequence, KmsKey, KmsMaster, EncryptionDefaults, BackupVault, BackupPlan, BackupSelection, BackupJob, RecoveryPoint, RestoreJob, CopyJob];

    /// <summary>Gets every kind by its name.</summary>
    public static FrozenDictionary<string, IRecordKind> ByName { get; } = All.ToFrozenDictionary(k => k.Name, StringComparer.Ordinal);
}
