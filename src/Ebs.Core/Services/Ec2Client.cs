using Ebs.Core.Domain;

namespace Ebs.Core.Services;

/// <summary>
/// The EC2 facade of one caller account in one Region: volumes, volume I/O and snapshots,
/// with AWS's operation names, rules and error codes. Cheap to create and safe to share
/// between threads. A call that throws <see cref="EbsException"/> changed nothing.
/// </summary>
public sealed partial class Ec2Client
{
    /// <summary>The most snapshots of one volume that may be pending at once.</summary>
    public const int MaxPendingSnapshotsPerVolume = SnapshotQueue.Limit;

    /// <summary>The account that owns the built-in provider images (<see cref="EbsOptions.ProviderImages"/>), which the owner alias <c>amazon</c> names: AWS's owner id of the Amazon Linux images.</summary>
    public const string ProviderAccountId = ProviderImages.OwnerId;

    private readonly CloudEngine _engine;

    internal Ec2Client(CloudEngine engine, string accountId, string region)
    {
        _engine = engine;
        AccountId = accountId;
        Region = region;
    }

    /// <summary>Gets the caller account id.</summary>
    public string AccountId { get; }

    /// <summary>Gets the Region.</summary>
    public string Region { get; }

    private VolumeRecord FindVolume(World world, VolumeId id)
    {
        CheckWellFormed(id.Value, VolumeId.Prefix, EbsErrorCodes.InvalidVolumeIdMalformed);
        return world.Volumes.TryGetValue(id, out var volume) && volume.View.OwnerId == AccountId && volume.View.Region == Region && !volume.Importing
            ? volume
            : throw new EbsException(EbsErrorCodes.InvalidVolumeNotFound, $"The volume '{id}' does not exist.", id.Value);
    }

    /// <summary>Finds a snapshot the caller owns in this Region; one in the Recycle Bin is not found.</summary>
    private SnapshotRecord FindSnapshot(World world, SnapshotId id) => FindSnapshot(world, id, inRecycleBin: false);

    /// <summary>
    /// Finds a snapshot the caller owns in this Region that is in the Recycle Bin (<paramref name="inRecycleBin"/>), not in it, or
    /// either (<see langword="null"/>): what only the owner may do (delete, modify, share, tag, archive, restore from the bin).
    /// </summary>
    /// <exception cref="EbsException"><c>UnauthorizedOperation</c> for one the caller may only use (shared with it, or public); <c>InvalidSnapshot.NotFound</c> for one it cannot see.</exception>
    private SnapshotRecord FindSnapshot(World world, SnapshotId id, bool? inRecycleBin)
    {
        var snapshot = FindVisibleSnapshot(world, id, inRecycleBin);
        return Sharing.Of(world, snapshot, AccountId) == Access.Owner
            ? snapshot
            : throw new EbsException(EbsErrorCodes.UnauthorizedOperation, $"You are not authorized to perform this operation on snapshot '{id}': it belongs to another account.", id.Value);
    }

    /// <summary>Finds a snapshot in this Region, not in the Recycle Bin, that the caller may use: its own, one shared with it, or a public one.</summary>
    /// <exception cref="EbsException"><c>InvalidSnapshot.NotFound</c> for one it cannot see.</exception>
    private SnapshotRecord FindUsableSnapshot(World world, SnapshotId id) => FindVisibleSnapshot(world, id, inRecycleBin: false);

    private SnapshotRecord FindVisibleSnapshot(World world, SnapshotId id, bool? inRecycleBin)
    {
        CheckWellFormed(id.Value, SnapshotId.Prefix, EbsErrorCodes.InvalidSnapshotIdMalformed);
        return world.Snapshots.TryGetValue(id, out var snapshot) && snapshot.Region == Region
            && (inRecycleBin is null || inRecycleBin == snapshot.RecycleBin is not null)
            && IsVisible(world, snapshot)
            ? snapshot
            : throw new EbsException(EbsErrorCodes.InvalidSnapshotNotFound, $"The snapshot '{id}' does not exist.", id.Value);
    }

    /// <summary>Whether the caller sees a snapshot of this Region: its own (in the Recycle Bin too), or one it may use outside the bin.</summary>
    private bool IsVisible(World world, SnapshotRecord snapshot)
        => Sharing.Of(world, snapshot, AccountId) switch
        {
            Access.Owner => true,
            Access.None => false,
            _ => snapshot.RecycleBin is null,
        };

    private static void CheckDescription(string? description)
    {
        if (description is { Length: > 255 })
        {
            throw new EbsException(EbsErrorCodes.InvalidParameterValue, "The description must be at most 255 characters.");
        }
    }

    /// <summary>A new volume of the caller's in this Region, with a fresh id, created now.</summary>
    private Volume NewVolume(Mutation m, string zone, int sizeGiB, VolumeState state, TagList tags) => new()
    {
        VolumeId = _engine.Ids.Next<VolumeId>(m.World.Volumes.ContainsKey),
        OwnerId = AccountId,
        Region = Region,
        AvailabilityZone = zone,
        Size = sizeGiB,
        Iops = VolumeTypeLimits.Gp2Baseline(sizeGiB),
        State = state,
        CreateTime = m.Now,
        Tags = tags,
    };

    internal string CheckZone(string? zone)
    {
        if (zone is null)
        {
            throw new EbsException(EbsErrorCodes.MissingParameter, "The request must contain the parameter AvailabilityZone.");
        }

        if (!_engine.Regions[Region].Contains(zone))
        {
            throw new EbsException(EbsErrorCodes.InvalidZoneNotFound, $"The zone '{zone}' does not exist.", zone);
        }

        return zone;
    }

    private static void CheckVolumeSize(int sizeGiB)
    {
        if (sizeGiB is < 1 or > MaxVolumeSizeGiB)
        {
            throw new EbsException(EbsErrorCodes.InvalidParameterValue, $"Volume size {sizeGiB} GiB is outside 1 to {MaxVolumeSizeGiB} GiB.");
        }
    }

    private static void CheckWellFormed(string? value, string prefix, string errorCode)
    {
        if (value is null)
        {
            throw new EbsException(errorCode, $"Invalid id: \"\" (expecting \"{prefix}...\")");
        }
    }
}
