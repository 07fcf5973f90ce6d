using System.Collections.Immutable;
using Ebs.Core.Domain;

namespace Ebs.Core.Services;

public sealed partial class Ec2Client
{
    /// <summary>The largest volume size in GiB (64 TiB).</summary>
    public const int MaxVolumeSizeGiB = 65536;

    /// <summary>Creates an empty volume, or a lazily loaded volume from a completed snapshot.</summary>
    /// <param name="request">The parameters.</param>
    /// <param name="cancellationToken">A token to cancel the call.</param>
    /// <returns>The new volume, <see cref="VolumeState.Available"/>.</returns>
    /// <exception cref="ArgumentNullException"><paramref name="request"/> is <see langword="null"/>.</exception>
    /// <exception cref="EbsException">
    /// <c>MissingParameter</c> without a zone, or with neither size nor snapshot; <c>InvalidZone.NotFound</c> for a
    /// zone outside the Region; <c>InvalidParameterValue</c> for a size outside 1–65,536 GiB or below the snapshot's;
    /// <c>InvalidSnapshot.NotFound</c>; <c>IncorrectState</c> for a pending snapshot.
    /// </exception>
    public ValueTask<Volume> CreateVolumeAsync(CreateVolumeRequest request, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(request);
        CheckZone(request.AvailabilityZone);
        if (request.SizeGiB is { } size)
        {
            CheckVolumeSize(size);
        }

        if (request.SizeGiB is null && request.SnapshotId is null)
        {
            throw new EbsException(EbsErrorCodes.MissingParameter, "The request must contain the parameter Size or SnapshotId.");
        }

        var tags = TagRules.Merge(ImmutableSortedDictionary<string, string>.Empty, request.Tags);
        return _engine.CommitAsync(nameof(CreateVolumeAsync), m =>
        {
            var snapshot = request.SnapshotId is { } snapshotId ? FindSnapshot(m.World, snapshotId) : null;
            if (snapshot is not null && !snapshot.IsCompletedAt(m.Now))
            {
                throw new EbsException(EbsErrorCodes.IncorrectState, $"Snapshot '{snapshot.Id}' is not completed.", snapshot.Id.Value);
            }

            var sizeGiB = request.SizeGiB ?? snapshot!.VolumeSizeGiB;
            if (snapshot is not null && sizeGiB < snapshot.VolumeSizeGiB)
            {
                throw new EbsException(EbsErrorCodes.InvalidParameterValue, $"Volume of {sizeGiB} GiB is smaller than snapshot '{snapshot.Id}'; expect size >= {snapshot.VolumeSizeGiB} GiB.", snapshot.Id.Value);
            }

            var view = new Volume
            {
                Id = _engine.Ids.Next<VolumeId>(m.World.Volumes.ContainsKey),
                OwnerId = AccountId,
                Region = Region,
                AvailabilityZone = request.AvailabilityZone,
                SizeGiB = sizeGiB,
                State = VolumeState.Available,
                CreateTime = m.Now,
                SnapshotId = snapshot?.Id,
                Tags = tags,
                DiskImageSizeInBytes = snapshot?.DiskImageSizeInBytes,
            };
            var record = new VolumeRecord
            {
                View = view,
                BaseRoot = snapshot?.Root,
                LazyLoad = snapshot is null ? null : new LazyLoad(snapshot.Root, snapshot.BlockCount),
            };
            m.Refs.AddRef(record.BaseRoot);
            m.Refs.AddRef(record.LazyLoad?.SourceRoot);
            m.SetVolume(record);
            return ViewOf(record);
        }, null, cancellationToken);
    }

    /// <summary>Describes one volume.</summary>
    /// <param name="volumeId">The volume.</param>
    /// <param name="cancellationToken">A token to cancel the call.</param>
    /// <returns>The volume as it is now.</returns>
    /// <exception cref="EbsException"><c>InvalidVolume.NotFound</c>, <c>InvalidVolumeID.Malformed</c>.</exception>
    public ValueTask<Volume> DescribeVolumeAsync(VolumeId volumeId, CancellationToken cancellationToken = default)
    {
        cancellationToken.ThrowIfCancellationRequested();
        return ValueTask.FromResult(ViewOf(FindVolume(_engine.World, volumeId)));
    }

    /// <summary>Describes the caller's volumes in this Region.</summary>
    /// <param name="request">Ids and filters, or <see langword="null"/> for all.</param>
    /// <param name="cancellationToken">A token to cancel the call.</param>
    /// <returns>The matching volumes, by id.</returns>
    /// <exception cref="EbsException"><c>InvalidVolume.NotFound</c> for a listed id that does not exist; <c>InvalidParameterValue</c> for an unknown filter.</exception>
    public ValueTask<IReadOnlyList<Volume>> DescribeVolumesAsync(DescribeVolumesRequest? request = null, CancellationToken cancellationToken = default)
    {
        cancellationToken.ThrowIfCancellationRequested();
        var world = _engine.World;
        var ids = request?.VolumeIds ?? [];
        Filter.Validate(request?.Filters, name => VolumeFilterValues(name, null));
        var candidates = ids.Count > 0
            ? ids.Distinct().Select(id => FindVolume(world, id))
            : world.Volumes.Values.Where(v => v.View.OwnerId == AccountId && v.View.Region == Region && !v.Importing);
        IReadOnlyList<Volume> result = [.. candidates
            .Select(ViewOf)
            .Where(v => Filter.MatchesAll(request?.Filters, name => VolumeFilterValues(name, v)))
            .OrderBy(v => v.Id.Value, StringComparer.Ordinal)];
        return ValueTask.FromResult(result);
    }

    /// <summary>Deletes an available volume; its blocks are freed unless snapshots still hold them.</summary>
    /// <param name="volumeId">The volume.</param>
    /// <param name="cancellationToken">A token to cancel the call.</param>
    /// <returns>A task that completes when the volume is deleted.</returns>
    /// <exception cref="EbsException"><c>InvalidVolume.NotFound</c>, <c>InvalidVolumeID.Malformed</c>, <c>VolumeInUse</c>.</exception>
    public async ValueTask DeleteVolumeAsync(VolumeId volumeId, CancellationToken cancellationToken = default)
    {
        await _engine.CommitAsync(nameof(DeleteVolumeAsync), m =>
        {
            var record = FindVolume(m.World, volumeId);
            if (record.View.State != VolumeState.Available)
            {
                throw new EbsException(EbsErrorCodes.VolumeInUse, $"Volume {volumeId} is {record.View.State}.", volumeId.Value);
            }

            m.DiscardVolume(record);
            return true;
        }, null, cancellationToken).ConfigureAwait(false);
    }

    private static Volume ViewOf(VolumeRecord record)
        => record.LazyLoad is { } lazy ? record.View with { Initialization = lazy.Snapshot() } : record.View;

    private static IEnumerable<string>? VolumeFilterValues(string name, Volume? v) => name switch
    {
        "volume-id" => v is null ? [] : [v.Id.Value],
        "status" => v is null ? [] : [StateNames.Of(v.State)],
        "availability-zone" => v is null ? [] : [v.AvailabilityZone],
        "snapshot-id" => v is null ? [] : v.SnapshotId is { } s ? [s.Value] : [],
        "size" => v is null ? [] : [v.SizeGiB.ToString(System.Globalization.CultureInfo.InvariantCulture)],
        _ => Filter.TagValues(name, v?.Tags ?? ImmutableSortedDictionary<string, string>.Empty),
    };
}
