using System.Text.Json.Serialization;
using Ebs.Core.Domain;

namespace Ebs.Core.Storage;

/// <summary>The stored shape of a volume (its written-back blocks are separate documents). The state is its C# member name, fixed apart from AWS's strings.</summary>
internal sealed record VolumeDocument(
    string Id,
    string OwnerId,
    string Region,
    string AvailabilityZone,
    int SizeGiB,
    string State,
    DateTimeOffset CreateTime,
    string? SnapshotId,
    Dictionary<string, string> Tags,
    string? BaseRoot,
    bool LazyLoad,
    string? SourceRoot,
    long SourceBlocks,
    DateTimeOffset[] SnapshotCompletions,
    long ColdReads = 0,
    long[]? LoadedRuns = null,
    long? DiskImageSizeInBytes = null,
    bool Importing = false,
    bool FastRestored = false,
    string? VolumeType = null,
    int? Iops = null,
    int? Throughput = null,
    DateTimeOffset? AvailableAt = null,
    VolumeModificationDocument? Modification = null,
    VolumeAttachmentDocument? Attachment = null,
    string? KmsKeyId = null);

/// <summary>
/// The stored shape of a volume's most recent modification; absent in documents older than volume types.
/// Types are AWS's strings. A document without a volume type is a gp2 volume with its baseline IOPS.
/// </summary>
internal sealed record VolumeModificationDocument(
    DateTimeOffset StartTime,
    string OriginalVolumeType,
    int OriginalSizeGiB,
    int? OriginalIops,
    int? OriginalThroughput,
    string TargetVolumeType,
    int TargetSizeGiB,
    int? TargetIops,
    int? TargetThroughput);

/// <summary>The stored shape of a volume's attachment to an instance; the state is its C# member name.</summary>
internal sealed record VolumeAttachmentDocument(string InstanceId, string Device, string State, DateTimeOffset AttachTime, bool DeleteOnTermination);

/// <summary>The stored shape of a snapshot.</summary>
internal sealed record SnapshotDocument(
    string Id,
    string OwnerId,
    string Region,
    string VolumeId,
    int VolumeSizeGiB,
    string Description,
    DateTimeOffset StartTime,
    DateTimeOffset CopyStartsAt,
    DateTimeOffset CompletesAt,
    string? Root,
    long BlockCount,
    long ChangedBlockCount,
    Dictionary<string, string> Tags,
    long? DiskImageSizeInBytes = null,
    string? LineageVolumeId = null,
    string? SourceSnapshotId = null,
    SnapshotArchiveDocument? Archive = null,
    RecycleBinEntry? RecycleBin = null,
    string? Consistency = null,
    string[]? CreateVolumePermissions = null,
    string? KmsKeyId = null,
    DirectWrite? Direct = null);

/// <summary>The stored shape of a snapshot's archive-tier state; absent (standard tier only) in documents older than the archive tier. The status is its C# member name.</summary>
internal sealed record SnapshotArchiveDocument(
    string Status,
    DateTimeOffset StartTime,
    DateTimeOffset CompletesAt,
    DateTimeOffset? ArchivedAt,
    DateTimeOffset? RestoreExpiryTime);

/// <summary>The stored shape of a machine image.</summary>
internal sealed record ImageDocument(
    string Id,
    string OwnerId,
    string Region,
    string Name,
    string Description,
    string Architecture,
    string VirtualizationType,
    string? BootMode,
    string RootDeviceName,
    BlockDeviceMappingDocument[] BlockDeviceMappings,
    DateTimeOffset CreationDate,
    DateTimeOffset AvailableAt,
    Dictionary<string, string> Tags,
    RecycleBinEntry? RecycleBin = null,
    string? ImageLocation = null,
    bool Disabled = false,
    DateTimeOffset? DeprecateAt = null,
    bool? ProtectionWithCooldown = null,
    DateTimeOffset? ProtectionCooldownEndsAt = null,
    string? Consistency = null,
    string[]? LaunchPermissions = null);

/// <summary>The stored shape of one block device mapping.</summary>
internal sealed record BlockDeviceMappingDocument(string DeviceName, string SnapshotId, int? VolumeSizeGiB, bool DeleteOnTermination, string? KmsKeyId = null);

/// <summary>The stored shape of a Recycle Bin retention rule.</summary>
internal sealed record RetentionRuleDocument(
    string Identifier,
    string AccountId,
    string Region,
    string ResourceType,
    int RetentionDays,
    string Description,
    Dictionary<string, string> Tags,
    ResourceTagDocument[] ResourceTags,
    ResourceTagDocument[] ExcludeResourceTags,
    int? UnlockDelayDays,
    DateTimeOffset? LockEndTime);

/// <summary>The stored shape of one tag a retention rule matches or excludes.</summary>
internal sealed record ResourceTagDocument(string Key, string? Value);

[JsonSourceGenerationOptions(UseStringEnumConverter = true)]
[JsonSerializable(typeof(VolumeDocument))]
[JsonSerializable(typeof(SnapshotDocument))]
[JsonSerializable(typeof(ImageDocument))]
[JsonSerializable(typeof(InstanceRecord))]
[JsonSerializable(typeof(FastSnapshotRestoreRecord))]
[JsonSerializable(typeof(RetentionRuleDocument))]
[JsonSerializable(typeof(DueEvent))]
[JsonSerializable(typeof(LifecyclePolicyRecord))]
[JsonSerializable(typeof(IdSequence))]
[JsonSerializable(typeof(UsageEntry))]
[JsonSerializable(typeof(BlockPublicAccessRecord))]
[JsonSerializable(typeof(KmsKeyRecord))]
[JsonSerializable(typeof(GrantListEntry[]))]
[JsonSerializable(typeof(GrantOperation[]))]
[JsonSerializable(typeof(KmsMasterSecret))]
[JsonSerializable(typeof(EbsEncryptionDefaults))]
[JsonSerializable(typeof(BackupVaultRecord))]
[JsonSerializable(typeof(BackupPlanRecord))]
[JsonSerializable(typeof(BackupSelectionRecord))]
[JsonSerializable(typeof(BackupJobRecord))]
[JsonSerializable(typeof(RecoveryPointRecord))]
[JsonSerializable(typeof(RestoreJobRecord))]
[JsonSerializable(typeof(CopyJobRecord))]
[JsonSerializable(typeof(BackupRule[]))]
[JsonSerializable(typeof(CopyAction[]))]
[JsonSerializable(typeof(Condition[]))]
[JsonSerializable(typeof(string[]))]
internal sealed partial class StateJsonContext : JsonSerializerContext;
