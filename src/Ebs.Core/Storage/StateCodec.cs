using System.Buffers.Binary;
using System.Collections.Immutable;
using System.Globalization;
using System.Runtime.InteropServices;
using System.Text.Json;
using Ebs.Core.BlockMaps;
using Ebs.Core.Chunks;
using Ebs.Core.Domain;

namespace Ebs.Core.Storage;

/// <summary>Turns aggregates and nodes into stored documents and back.</summary>
internal static class StateCodec
{
    public const string VolumeKind = "volume";
    public const string SnapshotKind = "snapshot";
    public const string BlockKind = "block";
    public const string ImageKind = "image";

    private const int NodeHeader = 1 + sizeof(ulong) + sizeof(long);

    public static StateDocument Encode(VolumeRecord v)
    {
        var (coldReads, loadedRuns) = v.LazyLoad?.Save() ?? (0, []);
        return new(VolumeKind, v.Id.Value, JsonSerializer.SerializeToUtf8Bytes(
            new VolumeDocument(
                v.Id.Value,
                v.View.OwnerId,
                v.View.Region,
                v.View.AvailabilityZone,
                v.View.SizeGiB,
                v.View.State,
                v.View.CreateTime,
                v.View.SnapshotId?.Value,
                new Dictionary<string, string>(v.View.Tags, StringComparer.Ordinal),
                Format(v.BaseRoot),
                v.LazyLoad is not null,
                Format(v.LazyLoad?.SourceRoot),
                v.LazyLoad?.TotalBlocks ?? 0,
                [.. v.SnapshotCompletions],
                coldReads,
                loadedRuns,
                v.View.DiskImageSizeInBytes,
                v.Importing),
            StateJsonContext.Default.VolumeDocument));
    }

    public static StateDocument Encode(SnapshotRecord s) => new(SnapshotKind, s.Id.Value, JsonSerializer.SerializeToUtf8Bytes(
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
            s.DiskImageSizeInBytes),
        StateJsonContext.Default.SnapshotDocument));

    public static StateDocument Encode(ImageRecord image)
    {
        var v = image.View;
        return new(ImageKind, v.Id.Value, JsonSerializer.SerializeToUtf8Bytes(
            new ImageDocument(
                v.Id.Value,
                v.OwnerId,
                v.Region,
                v.Name,
                v.Description,
                v.Architecture,
                v.VirtualizationType,
                v.BootMode,
                v.RootDeviceName,
                [.. v.BlockDeviceMappings.Select(m => new BlockDeviceMappingDocument(m.DeviceName, m.SnapshotId.Value, m.VolumeSizeGiB, m.DeleteOnTermination))],
                v.CreationDate,
                image.AvailableAt,
                new Dictionary<string, string>(v.Tags, StringComparer.Ordinal)),
            StateJsonContext.Default.ImageDocument));
    }

    public static ImageRecord DecodeImage(StateDocument document)
    {
        var d = JsonSerializer.Deserialize(document.Body, StateJsonContext.Default.ImageDocument)!;
        return new ImageRecord
        {
            View = new MachineImage
            {
                Id = ImageId.Parse(d.Id),
                OwnerId = d.OwnerId,
                Region = d.Region,
                Name = d.Name,
                Description = d.Description,
                State = ImageState.Pending,
                Architecture = d.Architecture,
                VirtualizationType = d.VirtualizationType,
                BootMode = d.BootMode,
                RootDeviceName = d.RootDeviceName,
                BlockDeviceMappings = [.. d.BlockDeviceMappings.Select(m => new BlockDeviceMapping(m.DeviceName, SnapshotId.Parse(m.SnapshotId), m.VolumeSizeGiB, m.DeleteOnTermination))],
                CreationDate = d.CreationDate,
                Tags = d.Tags.ToImmutableSortedDictionary(StringComparer.Ordinal),
            },
            AvailableAt = d.AvailableAt,
        };
    }

    public static string BlockKey(VolumeId volume, long block) => string.Create(CultureInfo.InvariantCulture, $"{volume.Value}/{block}");

    public static StateDocument EncodeBlock(VolumeId volume, long block, ChunkId chunk)
    {
        var body = new byte[16];
        BinaryPrimitives.WriteUInt128LittleEndian(body, chunk.Value);
        return new StateDocument(BlockKind, BlockKey(volume, block), body);
    }

    public static (VolumeId Volume, long Block, ChunkId Chunk) DecodeBlock(StateDocument document)
    {
        var slash = document.Key.IndexOf('/', StringComparison.Ordinal);
        return (VolumeId.Parse(document.Key[..slash]), long.Parse(document.Key.AsSpan(slash + 1), NumberStyles.None, CultureInfo.InvariantCulture),
            new ChunkId(BinaryPrimitives.ReadUInt128LittleEndian(document.Body)));
    }

    public static VolumeRecord DecodeVolume(StateDocument document, ImmutableSortedDictionary<long, ChunkId> dirty)
    {
        var d = JsonSerializer.Deserialize(document.Body, StateJsonContext.Default.VolumeDocument)!;
        return new VolumeRecord
        {
            View = new Volume
            {
                Id = VolumeId.Parse(d.Id),
                OwnerId = d.OwnerId,
                Region = d.Region,
                AvailabilityZone = d.AvailabilityZone,
                SizeGiB = d.SizeGiB,
                State = d.State,
                CreateTime = d.CreateTime,
                SnapshotId = d.SnapshotId is null ? null : SnapshotId.Parse(d.SnapshotId),
                Tags = d.Tags.ToImmutableSortedDictionary(StringComparer.Ordinal),
                DiskImageSizeInBytes = d.DiskImageSizeInBytes,
            },
            BaseRoot = ParseNode(d.BaseRoot),
            Dirty = dirty,
            LazyLoad = d.LazyLoad ? new LazyLoad(ParseNode(d.SourceRoot), d.SourceBlocks, d.ColdReads, d.LoadedRuns ?? []) : null,
            SnapshotCompletions = [.. d.SnapshotCompletions],
            Importing = d.Importing,
        };
    }

    public static SnapshotRecord DecodeSnapshot(StateDocument document)
    {
        var d = JsonSerializer.Deserialize(document.Body, StateJsonContext.Default.SnapshotDocument)!;
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
        };
    }

    public static byte[] Encode(BlockMapNode node)
    {
        var children = MemoryMarshal.AsBytes(node.Children.AsSpan());
        var body = new byte[NodeHeader + children.Length];
        body[0] = (byte)node.Level;
        BinaryPrimitives.WriteUInt64LittleEndian(body.AsSpan(1), node.Bitmap);
        BinaryPrimitives.WriteInt64LittleEndian(body.AsSpan(9), node.BlockCount);
        children.CopyTo(body.AsSpan(NodeHeader));
        return body;
    }

    /// <summary>Decodes a node and checks that its content hashes to <paramref name="id"/>.</summary>
    public static BlockMapNode DecodeNode(NodeId id, byte[] body)
    {
        var children = MemoryMarshal.Cast<byte, UInt128>(body.AsSpan(NodeHeader)).ToArray();
        var node = BlockMapNode.Create(body[0], BinaryPrimitives.ReadUInt64LittleEndian(body.AsSpan(1)), children, BinaryPrimitives.ReadInt64LittleEndian(body.AsSpan(9)));
        return node.Id == id
            ? node
            : throw new EbsException(EbsErrorCodes.InternalError, $"Block-map node {id} is corrupt: its content hashes to {node.Id}.");
    }

    private static string? Format(NodeId? id) => id?.ToString();

    private static NodeId? ParseNode(string? text)
        => text is null ? null : new NodeId(UInt128.Parse(text, NumberStyles.AllowHexSpecifier, CultureInfo.InvariantCulture));
}
