using System.Buffers.Binary;
using System.Collections.Immutable;
using System.Globalization;
using System.Numerics;
using System.Runtime.InteropServices;
using System.Text.Json;
using System.Text.Json.Serialization.Metadata;
using Ebs.Core.BlockMaps;
using Ebs.Core.Chunks;
using Ebs.Core.Domain;

namespace Ebs.Core.Storage;

/// <summary>Turns aggregates and nodes into stored documents and back.</summary>
internal static class StateCodec
{
    /// <summary>The kind of a volume's written-back block: part of its volume, loaded with it.</summary>
    public const string BlockKind = "block";

    private const int NodeHeader = 1 + sizeof(ulong) + sizeof(long);

    // A 64-bit block index needs at most 11 levels of 6 bits.
    private const int MaxLevels = 11;

    public static byte[] Write(VolumeRecord v)
    {
        var (coldReads, loadedRuns) = v.LazyLoad?.Save() ?? (0, []);
        return JsonSerializer.SerializeToUtf8Bytes(
            new VolumeDocument(
                v.Id.Value,
                v.View.OwnerId,
                v.View.Region,
                v.View.AvailabilityZone,
                v.View.Size,
                v.View.State.ToString(),
                v.View.CreateTime,
                v.View.SnapshotId?.Value,
                new Dictionary<string, string>(v.View.Tags.Items, StringComparer.Ordinal),
                Format(v.BaseRoot),
                v.LazyLoad is not null,
                Format(v.LazyLoad?.SourceRoot),
                v.LazyLoad?.TotalBlocks ?? v.View.Initialization?.TotalBlocks ?? 0,
                [.. v.SnapshotCompletions],
                coldReads,
                loadedRuns,
                v.View.DiskImageSizeInBytes,
                v.Importing,
                v.View.FastRestored,
                v.View.VolumeType.ToAwsString(),
                v.View.Iops,
                v.View.Throughput,
                v.AvailableAt,
                v.Modification is { } mod ? WriteModification(mod) : null,
                v.View.Attachments is [var a] ? new VolumeAttachmentDocument(a.InstanceId.Value, a.Device, a.State.ToString(), a.AttachTime, a.DeleteOnTermination) : null,
                v.View.KmsKeyId),
            StateJsonContext.Default.VolumeDocument);
    }

    public static byte[] Write(SnapshotRecord s) => JsonSerializer.SerializeToUtf8Bytes(
        new SnapshotDocument(
            s.Id.Value,
            s.OwnerId,
            s.Region,
            s.VolumeId.Value,
            s.VolumeSizeGiB,
            s.Description,
            s.StartTime,
            s.CopyStartsAt,
            s.CompletesAt,
            Format(s.Root),
            s.BlockCount,
            s.ChangedBlockCount,
            new Dictionary<string, string>(s.Tags, StringComparer.Ordinal),
            s.DiskImageSizeInBytes,
            s.LineageVolumeId?.Value,
            s.SourceSnapshotId?.Value,
            s.Archive is { } a ? new SnapshotArchiveDocument(a.Status.ToString(), a.StartTime, a.CompletesAt, a.ArchivedAt, a.RestoreExpiryTime) : null,
            s.RecycleBin,
            s.Consistency.ToAwsString(),
            s.CreateVolumePermissions.IsEmpty ? null : [.. s.CreateVolumePermissions],
            s.KmsKeyId,
            s.Direct),
        StateJsonContext.Default.SnapshotDocument);

    public static byte[] Write(ImageRecord image)
    {
        var v = image.View;
        return JsonSerializer.SerializeToUtf8Bytes(
            new ImageDocument(
                v.ImageId.Value,
                v.OwnerId,
                v.Region,
                v.Name,
                v.Description,
                v.Architecture.ToAwsString(),
                v.VirtualizationType.ToAwsString(),
                v.BootMode?.ToAwsString(),
                v.RootDeviceName,
                [.. v.BlockDeviceMappings.Select(m => new BlockDeviceMappingDocument(m.DeviceName, m.Ebs.SnapshotId.Value, m.Ebs.VolumeSize, m.Ebs.DeleteOnTermination, m.Ebs.KmsKeyId))],
                v.CreationDate,
                image.AvailableAt,
                new Dictionary<string, string>(v.Tags.Items, StringComparer.Ordinal),
                image.RecycleBin,
                v.ImageLocation,
                image.Disabled,
                image.DeprecateAt,
                image.Protection?.WithCooldown,
                image.Protection?.CooldownEndsAt,
                v.Consistency?.ToAwsString(),
                image.LaunchPermissions.IsEmpty ? null : [.. image.LaunchPermissions]),
            StateJsonContext.Default.ImageDocument);
    }

    /// <summary>Reads an image document; <see cref="RecordKinds.Image"/> names the document when this throws.</summary>
    public static ImageRecord ReadImage(StateDocument document)
    {
        var d = Read(document, StateJsonContext.Default.ImageDocument);
        return new ImageRecord
        {
            View = new Image
            {
                ImageId = ImageId.Parse(d.Id),
                OwnerId = d.OwnerId,
                Region = d.Region,
                Name = d.Name,
                Description = d.Description,
                State = ImageState.Pending,
                Architecture = AwsEnum.Parse<ArchitectureValues>(d.Architecture),
                VirtualizationType = AwsEnum.Parse<VirtualizationType>(d.VirtualizationType),
                BootMode = d.BootMode is null ? null : AwsEnum.Parse<BootModeValues>(d.BootMode),
                RootDeviceName = d.RootDeviceName,
                RootDeviceType = d.ImageLocation is null ? DeviceType.Ebs : DeviceType.InstanceStore,
                ImageLocation = d.ImageLocation,
                BlockDeviceMappings = ValueList<BlockDeviceMapping>.From(d.BlockDeviceMappings.Select(m => new BlockDeviceMapping
                {
                    DeviceName = m.DeviceName,
                    Ebs = new EbsBlockDevice { SnapshotId = SnapshotId.Parse(m.SnapshotId), VolumeSize = m.VolumeSizeGiB, DeleteOnTermination = m.DeleteOnTermination, Encrypted = m.KmsKeyId is not null, KmsKeyId = m.KmsKeyId },
                })),
                CreationDate = d.CreationDate,
                Tags = TagList.From(d.Tags),
                Consistency = d.Consistency is null ? null : AwsEnum.Parse<SnapshotConsistency>(d.Consistency),
            },
            AvailableAt = d.AvailableAt,
            RecycleBin = d.RecycleBin,
            Disabled = d.Disabled,
            DeprecateAt = d.DeprecateAt,
            Protection = d.ProtectionWithCooldown is { } withCooldown ? new DeregistrationProtection { WithCooldown = withCooldown, CooldownEndsAt = d.ProtectionCooldownEndsAt } : null,
            LaunchPermissions = d.LaunchPermissions is { } granted ? [.. granted] : [],
        };
    }

    /// <summary>
    /// Refuses a document of a kind this format does not store: the format version keeps a
    /// newer library's kinds from reaching this one, so an unknown kind is damage, and
    /// skipping it would lose whatever it held without a word.
    /// </summary>
    /// <exception cref="EbsException"><c>InternalError</c> naming the document.</exception>
    public static void CheckKind(StateDocument document) => Decoding(document.Kind, document.Key, () =>
        document.Kind == BlockKind || RecordKinds.ByName.ContainsKey(document.Kind)
            ? true
            : throw new FormatException("it is not a kind of record this format stores"));

    public static string BlockKey(VolumeId volume, long block) => string.Create(CultureInfo.InvariantCulture, $"{volume.Value}/{block}");

    public static StateDocument EncodeBlock(VolumeId volume, long block, ChunkId chunk)
    {
        var body = new byte[16];
        BinaryPrimitives.WriteUInt128LittleEndian(body, chunk.Value);
        return new StateDocument(BlockKind, BlockKey(volume, block), body);
    }

    /// <exception cref="EbsException"><c>InternalError</c> naming the document when it cannot be decoded.</exception>
    public static (VolumeId Volume, long Block, ChunkId Chunk) DecodeBlock(StateDocument document) => Decoding(document.Kind, document.Key, () =>
    {
        var slash = document.Key.IndexOf('/', StringComparison.Ordinal);
        if (slash < 0 || document.Body.Length != 16)
        {
            throw new FormatException("it is not a volume id and block index with a 16-byte chunk id");
        }

        return (VolumeId.Parse(document.Key[..slash]), long.Parse(document.Key.AsSpan(slash + 1), NumberStyles.None, CultureInfo.InvariantCulture),
            new ChunkId(BinaryPrimitives.ReadUInt128LittleEndian(document.Body)));
    });

    /// <summary>Reads a volume document, without its written-back blocks; <see cref="RecordKinds.Volume"/> names the document when this throws.</summary>
    public static VolumeRecord ReadVolume(StateDocument document)
    {
        var d = Read(document, StateJsonContext.Default.VolumeDocument);
        return new VolumeRecord
        {
            View = new Volume
            {
                VolumeId = VolumeId.Parse(d.Id),
                OwnerId = d.OwnerId,
                Region = d.Region,
                AvailabilityZone = d.AvailabilityZone,
                Size = d.SizeGiB,
                State = Enum.Parse<VolumeState>(d.State),
                CreateTime = d.CreateTime,
                SnapshotId = d.SnapshotId is null ? null : SnapshotId.Parse(d.SnapshotId),
                Tags = TagList.From(d.Tags),
                DiskImageSizeInBytes = d.DiskImageSizeInBytes,
                FastRestored = d.FastRestored,
                Initialization = d.FastRestored ? VolumeInitialization.Complete(d.SourceBlocks) : null,
                VolumeType = d.VolumeType is null ? VolumeType.Gp2 : AwsEnum.Parse<VolumeType>(d.VolumeType),
                Iops = d.VolumeType is null ? VolumeTypeLimits.Gp2Baseline(d.SizeGiB) : d.Iops,
                Throughput = d.Throughput,
                Attachments = d.Attachment is { } a
                    ? ValueList<VolumeAttachment>.From([new VolumeAttachment
                    {
                        VolumeId = VolumeId.Parse(d.Id),
                        InstanceId = InstanceId.Parse(a.InstanceId),
                        Device = a.Device,
                        State = Enum.Parse<VolumeAttachmentState>(a.State),
                        AttachTime = a.AttachTime,
                        DeleteOnTermination = a.DeleteOnTermination,
                    }])
                    : ValueList<VolumeAttachment>.Empty,
                KmsKeyId = d.KmsKeyId,
            },
            AvailableAt = d.AvailableAt,
            Modification = d.Modification is { } mod ? ReadModification(VolumeId.Parse(d.Id), mod) : null,
            BaseRoot = ParseNode(d.BaseRoot),
            LazyLoad = d.LazyLoad ? new LazyLoad(ParseNode(d.SourceRoot), d.SourceBlocks, d.ColdReads, d.LoadedRuns ?? []) : null,
            SnapshotCompletions = [.. d.SnapshotCompletions],
            Importing = d.Importing,
        };
    }

    private static VolumeModificationDocument WriteModification(VolumeModificationRecord m) => new(
        m.StartTime,
        m.Original.VolumeType.ToAwsString(),
        m.Original.SizeGiB,
        m.Original.Iops,
        m.Original.Throughput,
        m.Target.VolumeType.ToAwsString(),
        m.Target.SizeGiB,
        m.Target.Iops,
        m.Target.Throughput);

    private static VolumeModificationRecord ReadModification(VolumeId volumeId, VolumeModificationDocument d) => new()
    {
        VolumeId = volumeId,
        StartTime = d.StartTime,
        Original = new VolumeConfiguration(AwsEnum.Parse<VolumeType>(d.OriginalVolumeType), d.OriginalSizeGiB, d.OriginalIops, d.OriginalThroughput),
        Target = new VolumeConfiguration(AwsEnum.Parse<VolumeType>(d.TargetVolumeType), d.TargetSizeGiB, d.TargetIops, d.TargetThroughput),
    };

    /// <summary>Reads a snapshot document; <see cref="RecordKinds.Snapshot"/> names the document when this throws.</summary>
    public static SnapshotRecord ReadSnapshot(StateDocument document)
    {
        var d = Read(document, StateJsonContext.Default.SnapshotDocument);
        return new SnapshotRecord
        {
            Id = SnapshotId.Parse(d.Id),
            OwnerId = d.OwnerId,
            Region = d.Region,
            VolumeId = VolumeId.Parse(d.VolumeId),
            VolumeSizeGiB = d.VolumeSizeGiB,
            Description = d.Description,
            StartTime = d.StartTime,
            CopyStartsAt = d.CopyStartsAt,
            CompletesAt = d.CompletesAt,
            Root = ParseNode(d.Root),
            BlockCount = d.BlockCount,
            ChangedBlockCount = d.ChangedBlockCount,
            Tags = d.Tags.ToImmutableSortedDictionary(StringComparer.Ordinal),
            DiskImageSizeInBytes = d.DiskImageSizeInBytes,
            LineageVolumeId = d.LineageVolumeId is null ? null : VolumeId.Parse(d.LineageVolumeId),
            SourceSnapshotId = d.SourceSnapshotId is null ? null : SnapshotId.Parse(d.SourceSnapshotId),

            // Absent in documents older than quiesce hooks: those snapshots were crash-consistent.
            Consistency = d.Consistency is null ? SnapshotConsistency.CrashConsistent : AwsEnum.Parse<SnapshotConsistency>(d.Consistency),
            Archive = d.Archive is { } a
                ? new SnapshotArchive { Status = Enum.Parse<TieringOperationStatus>(a.Status), StartTime = a.StartTime, CompletesAt = a.CompletesAt, ArchivedAt = a.ArchivedAt, RestoreExpiryTime = a.RestoreExpiryTime }
                : null,
            RecycleBin = d.RecycleBin,
            CreateVolumePermissions = d.CreateVolumePermissions is { } granted ? [.. granted] : [],
            KmsKeyId = d.KmsKeyId,
            Direct = d.Direct,
        };
    }

    /// <summary>
    /// Encodes a node: header, children, then, for a leaf that records write generations, one
    /// 8-byte generation per child. Leaves without generations encode as they did before
    /// generations existed, so stores written earlier decode unchanged.
    /// </summary>
    public static byte[] Encode(BlockMapNode node)
    {
        var children = MemoryMarshal.AsBytes(node.Children.AsSpan());
        var generations = MemoryMarshal.AsBytes((node.Generations ?? []).AsSpan());
        var body = new byte[NodeHeader + children.Length + generations.Length];
        body[0] = (byte)node.Level;
        BinaryPrimitives.WriteUInt64LittleEndian(body.AsSpan(1), node.Bitmap);
        BinaryPrimitives.WriteInt64LittleEndian(body.AsSpan(9), node.BlockCount);
        children.CopyTo(body.AsSpan(NodeHeader));
        generations.CopyTo(body.AsSpan(NodeHeader + children.Length));
        return body;
    }

    /// <summary>Decodes a node and checks that its content hashes to <paramref name="id"/>.</summary>
    /// <exception cref="EbsException"><c>InternalError</c> naming the node when it is malformed or does not hash to its id.</exception>
    public static BlockMapNode DecodeNode(NodeId id, byte[] body)
    {
        var count = body.Length < NodeHeader ? 0 : BitOperations.PopCount(BinaryPrimitives.ReadUInt64LittleEndian(body.AsSpan(1)));
        var plain = NodeHeader + (count * 16);
        var withGenerations = plain + (count * sizeof(ulong));
        if (body.Length < NodeHeader || body[0] >= MaxLevels || (body.Length != plain && (body[0] != 0 || body.Length != withGenerations)))
        {
            throw new EbsException(EbsErrorCodes.InternalError, $"Block-map node {id} is corrupt: it is not a node ({body.Length} bytes).", id.ToString());
        }

        var children = MemoryMarshal.Cast<byte, UInt128>(body.AsSpan(NodeHeader, count * 16)).ToArray();
        var generations = body.Length == plain ? null : MemoryMarshal.Cast<byte, ulong>(body.AsSpan(plain)).ToArray();
        var node = BlockMapNode.Create(body[0], BinaryPrimitives.ReadUInt64LittleEndian(body.AsSpan(1)), children, BinaryPrimitives.ReadInt64LittleEndian(body.AsSpan(9)), generations);
        return node.Id == id
            ? node
            : throw new EbsException(EbsErrorCodes.InternalError, $"Block-map node {id} is corrupt: its content hashes to {node.Id}.", id.ToString());
    }

    /// <summary>
    /// Runs one document's decoding, turning whatever stored bytes make it throw (cut-short
    /// JSON, a missing field, a malformed id) into one error naming the document, so that a
    /// damaged state is reported as such rather than as the failure of some parser.
    /// </summary>
    internal static T Decoding<T>(string kind, string key, Func<T> decode)
    {
        try
        {
            return decode();
        }
        catch (Exception e) when (e is not OutOfMemoryException)
        {
            throw new EbsException(EbsErrorCodes.InternalError, $"The stored {kind} '{key}' cannot be decoded: {e.Message.TrimEnd('.')}.", key);
        }
    }

    /// <summary>Serializes a record stored as it is.</summary>
    public static byte[] Write<T>(T record, JsonTypeInfo<T> type) => JsonSerializer.SerializeToUtf8Bytes(record, type);

    /// <summary>Deserializes a record stored as it is; throws when the document holds none.</summary>
    public static T Read<T>(StateDocument document, JsonTypeInfo<T> type)
        => JsonSerializer.Deserialize(document.Body, type) ?? throw new FormatException("it is null");

    private static string? Format(NodeId? id) => id?.ToString();

    private static NodeId? ParseNode(string? text)
        => text is null ? null : new NodeId(UInt128.Parse(text, NumberStyles.AllowHexSpecifier, CultureInfo.InvariantCulture));
}
