using Ebs.Core.Chunks;
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

    private readonly CloudEngine _engine;
    private readonly ChunkScope _scope;

    internal Ec2Client(CloudEngine engine, string accountId, string region)
    {
        _engine = engine;
        AccountId = accountId;
        Region = region;
        _scope = new ChunkScope(accountId, region);
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

    /// <summary>Finds a snapshot of the caller's in this Region; one in the Recycle Bin is not found.</summary>
    private SnapshotRecord FindSnapshot(World world, SnapshotId id) => FindSnapshot(world, id, inRecycleBin: false);

    /// <summary>Finds a snapshot of the caller's in this Region that is in the Recycle Bin (<paramref name="inRecycleBin"/>), not in it, or either (<see langword="null"/>).</summary>
    private SnapshotRecord FindSnapshot(World world, SnapshotId id, bool? inRecycleBin)
    {
        CheckWellFormed(id.Value, SnapshotId.Prefix, EbsErrorCodes.InvalidSnapshotIdMalformed);
        return world.Snapshots.TryGetValue(id, out var snapshot) && snapshot.OwnerId == AccountId && snapshot.Region == Region
            && (inRecycleBin is null || inRecycleBin == snapshot.RecycleBin is not null)
            ? snapshot
            : throw new EbsException(EbsErrorCodes.InvalidSnapshotNotFound, $"The snapshot '{id}' does not exist.", id.Value);
    }

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
