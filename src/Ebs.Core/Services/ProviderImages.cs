using System.Collections.Frozen;
using System.Collections.Immutable;
using System.IO.Hashing;
using System.Text;
using Ebs.Core.BlockMaps;
using Ebs.Core.Chunks;
using Ebs.Core.Domain;

namespace Ebs.Core.Services;

/// <summary>
/// The built-in provider catalogue (<see cref="EbsOptions.ProviderImages"/>): in every Region, one public image per
/// entry, owned by <see cref="OwnerId"/>, with ids derived from its name and Region. The images are not stored: they
/// are the same in every world. A root snapshot is stored the first time a launch needs its bytes
/// (<see cref="Materialize"/>), in the provider's own chunk scope, so it counts in no caller's storage or bill.
/// </summary>
internal sealed class ProviderImages
{
    /// <summary>The provider account: AWS's owner id of the Amazon Linux images, which the owner alias <c>amazon</c> names.</summary>
    public const string OwnerId = "137112412989";

    /// <summary>The device name of every provider image's root volume.</summary>
    public const string RootDeviceName = "/dev/xvda";

    private readonly int _blockSize;
    private readonly FrozenDictionary<ImageId, ImageRecord> _images;
    private readonly FrozenDictionary<SnapshotId, (ProviderImage Entry, string Region)> _snapshots;

    public ProviderImages(IEnumerable<ProviderImage> catalogue, IEnumerable<string> regions, int blockSize)
    {
        _blockSize = blockSize;
        var images = new Dictionary<ImageId, ImageRecord>();
        var snapshots = new Dictionary<SnapshotId, (ProviderImage, string)>();
        foreach (var region in regions)
        {
            foreach (var entry in catalogue)
            {
                var snapshotId = ResourceIdFormat.Parse<SnapshotId>(SnapshotId.Prefix + Hex("snapshot", region, entry.Name), EbsErrorCodes.InvalidSnapshotIdMalformed);
                var image = new ImageRecord
                {
                    View = new Image
                    {
                        ImageId = ResourceIdFormat.Parse<ImageId>(ImageId.Prefix + Hex("image", region, entry.Name), EbsErrorCodes.InvalidAmiIdMalformed),
                        OwnerId = OwnerId,
                        ImageOwnerAlias = "amazon",
                        Region = region,
                        Name = entry.Name,
                        Description = entry.Description,
                        State = ImageState.Available,
                        Architecture = entry.Architecture,
                        VirtualizationType = VirtualizationType.Hvm,
                        BootMode = entry.BootMode,
                        RootDeviceName = RootDeviceName,
                        BlockDeviceMappings = ValueList<BlockDeviceMapping>.From([new BlockDeviceMapping
                        {
                            DeviceName = RootDeviceName,
                            Ebs = new EbsBlockDevice { SnapshotId = snapshotId, VolumeSize = entry.VolumeSizeGiB, DeleteOnTermination = true },
                        }]),
                        CreationDate = entry.CreationDate,
                    },
                    AvailableAt = DateTimeOffset.UnixEpoch,
                    LaunchPermissions = [Sharing.AllGroup],
                };
                images.Add(image.Id, image);
                snapshots.Add(snapshotId, (entry, region));
            }
        }

        _images = images.ToFrozenDictionary();
        _snapshots = snapshots.ToFrozenDictionary();
    }

    /// <summary>Gets the provider image with an id, if it is one.</summary>
    public ImageRecord? Find(ImageId id) => _images.GetValueOrDefault(id);

    /// <summary>Gets the provider images of a Region.</summary>
    public IEnumerable<ImageRecord> In(string region) => _images.Values.Where(i => i.View.Region == region);

    /// <summary>The chunk of a provider image's first root block, and its bytes, when <paramref name="image"/> is a provider image whose root snapshot is not yet stored.</summary>
    public (ChunkId Chunk, ReadOnlyMemory<byte> Bytes)? Unstored(World world, ImageRecord image)
    {
        var snapshotId = image.View.BlockDeviceMappings[0].Ebs.SnapshotId;
        if (!_snapshots.TryGetValue(snapshotId, out var source) || world.Snapshots.ContainsKey(snapshotId))
        {
            return null;
        }

        var bytes = new byte[_blockSize];
        Encoding.UTF8.GetBytes(source.Entry.OsRelease, bytes);
        return (new ChunkScope(OwnerId, source.Region).Hash(bytes), bytes);
    }

    /// <summary>
    /// Stores the root snapshot of a provider image within <paramref name="m"/> when it is not stored yet: one block
    /// (<paramref name="chunk"/>, staged by the caller from <see cref="Unstored"/>), the rest holes.
    /// </summary>
    public void Materialize(Mutation m, BlockMap map, ImageRecord image, ChunkId chunk)
    {
        var snapshotId = image.View.BlockDeviceMappings[0].Ebs.SnapshotId;
        var (entry, region) = _snapshots[snapshotId];
        if (m.World.Snapshots.ContainsKey(snapshotId))
        {
            return;
        }

        var root = map.Apply(m.Refs, null, [new BlockChange(0, chunk)]);
        m.Refs.AddRef(root);
        m.SetSnapshot(new SnapshotRecord
        {
            Id = snapshotId,
            OwnerId = OwnerId,
            Region = region,
            VolumeId = Ec2Client.CopiedSnapshotVolumeId,
            VolumeSizeGiB = entry.VolumeSizeGiB,
            Description = $"Root volume of {entry.Name}",
            StartTime = DateTimeOffset.UnixEpoch,
            CopyStartsAt = DateTimeOffset.UnixEpoch,
            CompletesAt = DateTimeOffset.UnixEpoch,
            Root = root,
            BlockCount = 1,
            ChangedBlockCount = 1,
            Tags = ImmutableSortedDictionary<string, string>.Empty,
        });
    }

    /// <summary>17 hex digits derived from a kind, Region and name, as AWS's long resource ids have.</summary>
    private static string Hex(string kind, string region, string name)
        => Convert.ToHexStringLower(BitConverter.GetBytes(XxHash64.HashToUInt64(Encoding.UTF8.GetBytes(kind + "/" + region + "/" + name))))[..16] + "0";
}
