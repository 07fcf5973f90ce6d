using Ebs.Core.BlockMaps;
using Ebs.Core.Domain;

namespace Ebs.Core.Services;

public sealed partial class Ec2Client
{
    /// <summary>The largest volume size in GiB (64 TiB).</summary>
    public const int MaxVolumeSizeGiB = 65536;

    /// <summary>
    /// Creates an empty volume, or a volume from a completed snapshot: fully initialized when Fast
    /// Snapshot Restore is enabled for the snapshot in the zone and its bucket holds a credit (one is
    /// used; <see cref="Volume.FastRestored"/>), lazily loaded otherwise.
    /// </summary>
    /// <param name="request">The parameters.</param>
    /// <param name="cancellationToken">A token to cancel the call.</param>
    /// <returns>The new volume, <see cref="VolumeState.Available"/>, or <see cref="VolumeState.Creating"/> for <see cref="EbsOptions.VolumeCreationTime"/>.</returns>
    /// <exception cref="ArgumentNullException"><paramref name="request"/> is <see langword="null"/>.</exception>
    /// <exception cref="EbsException">
    /// <c>MissingParameter</c> without a zone, or with neither size nor snapshot, or io1/io2 without IOPS; <c>InvalidZone.NotFound</c> for a
    /// zone outside the Region; <c>InvalidParameterValue</c> for a size outside 1–65,536 GiB or below the snapshot's,
    /// or bad tags, or a size, IOPS, throughput or ratio outside the type's limits (docs/volumes.md); <c>InvalidParameterCombination</c>
    /// for IOPS on gp2, st1, sc1 or standard, or throughput on a type other than gp3; <c>InvalidSnapshot.NotFound</c>; <c>IncorrectState</c> for a pending or archived snapshot;
    /// <c>InvalidParameterDependency</c> for a KMS key without <c>Encrypted</c>; <c>InvalidParameterValue</c> for a KMS key that does not exist or is
    /// not accessible; <c>InvalidKMSKey.InvalidState</c> when the snapshot's key or the volume's is disabled, pending deletion or deleted,
    /// or when the snapshot is another account's and its customer managed key is not granted to the caller.
    /// </exception>
    /// <remarks>
    /// A volume from an encrypted snapshot is encrypted: with the named key, else the snapshot's key when the caller owns the
    /// snapshot, else the caller's default key; another key (or encrypting data from an unencrypted snapshot) re-encrypts every
    /// block at creation.
    /// </remarks>
    public async ValueTask<CreateVolumeResponse> CreateVolumeAsync(CreateVolumeRequest request, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(request);
        var zone = CheckZone(request.AvailabilityZone);
        if (request.Size is { } size)
        {
            CheckVolumeSize(size);
        }

        if (request.Size is null && request.SnapshotId is null)
        {
            throw new EbsException(EbsErrorCodes.MissingParameter, "The request must contain the parameter Size or SnapshotId.");
        }

        var tags = TagList.Of(TagRules.FromSpecifications(request.TagSpecifications, ResourceType.Volume));
        CheckEncryptionParameters(request.Encrypted, request.KmsKeyId);
        return new CreateVolumeResponse { Volume = await _engine.CommitAsync(nameof(CreateVolumeAsync), async m =>
        {
            var snapshot = request.SnapshotId is { } snapshotId ? FindUsableSnapshot(m.World, snapshotId) : null;
            if (snapshot is not null && !snapshot.IsCompletedAt(m.Now))
            {
                throw new EbsException(EbsErrorCodes.IncorrectState, $"Snapshot '{snapshot.Id}' is not completed.", snapshot.Id.Value);
            }

            if (snapshot is not null && !snapshot.IsReadableAt(m.Now))
            {
                throw Archived(snapshot.Id);
            }

            var sizeGiB = request.Size ?? snapshot!.VolumeSizeGiB;
            if (snapshot is not null && sizeGiB < snapshot.VolumeSizeGiB)
            {
                throw new EbsException(EbsErrorCodes.InvalidParameterValue, $"Volume of {sizeGiB} GiB is smaller than snapshot '{snapshot.Id}'; expect size >= {snapshot.VolumeSizeGiB} GiB.", snapshot.Id.Value);
            }

            var volumeType = request.VolumeType ?? VolumeType.Gp2;
            var (iops, throughput) = VolumeTypeLimits.Check(volumeType, sizeGiB, request.Iops, request.Throughput);
            var (keyArn, root) = snapshot is null
                ? (TargetKey(m, request.Encrypted, request.KmsKeyId, source: null), null)
                : await VolumeDataAsync(m, snapshot, request.Encrypted, request.KmsKeyId, cancellationToken).ConfigureAwait(false);
            return ViewOf(CreateVolumeRecord(m, zone, sizeGiB, snapshot, tags, volumeType, iops, throughput, keyArn, root), m.Now);
        }, null, cancellationToken).ConfigureAwait(false) };
    }

    /// <summary>
    /// Creates and stores a volume of the caller's in <paramref name="zone"/>, of a type whose IOPS
    /// and throughput <see cref="VolumeTypeLimits.Check"/> settled: empty, or from a completed
    /// snapshot, fully initialized when Fast Snapshot Restore has a credit for it there, lazily
    /// loaded otherwise; <c>creating</c> for <see cref="EbsOptions.VolumeCreationTime"/>; encrypted as the snapshot is.
    /// </summary>
    /// <exception cref="EbsException"><c>InvalidKMSKey.InvalidState</c> when the snapshot's key is disabled, pending deletion or deleted.</exception>
    internal VolumeRecord CreateVolumeRecord(Mutation m, string zone, int sizeGiB, SnapshotRecord? snapshot, TagList tags, VolumeType volumeType, int? iops, int? throughput)
        => CreateVolumeRecord(m, zone, sizeGiB, snapshot, tags, volumeType, iops, throughput, snapshot?.KmsKeyId, snapshot?.Root);

    /// <summary>
    /// As the overload above, encrypted with <paramref name="keyArn"/> and holding <paramref name="root"/>
    /// (the snapshot's map, or its re-encryption under that key).
    /// </summary>
    /// <exception cref="EbsException"><c>InvalidKMSKey.InvalidState</c> when the key is disabled, pending deletion or deleted.</exception>
    private VolumeRecord CreateVolumeRecord(Mutation m, string zone, int sizeGiB, SnapshotRecord? snapshot, TagList tags, VolumeType volumeType, int? iops, int? throughput, string? keyArn, NodeId? root)
    {
        if (keyArn is not null)
        {
            KeyRing.UsableByArn(m.World, keyArn);
        }

        var fastRestored = snapshot is not null && FastSnapshotRestores.TryUseCredit(m, AccountId, snapshot.Id, zone);
        var view = NewVolume(m, zone, sizeGiB, VolumeState.Available, tags) with
        {
            VolumeType = volumeType,
            Iops = iops,
            Throughput = throughput,
            SnapshotId = snapshot?.Id,
            DiskImageSizeInBytes = snapshot?.DiskImageSizeInBytes,
            FastRestored = fastRestored,
            Initialization = fastRestored ? VolumeInitialization.Complete(snapshot!.BlockCount) : null,
            KmsKeyId = keyArn,
        };
        var record = new VolumeRecord
        {
            View = view,
            BaseRoot = root,
            LazyLoad = snapshot is null || fastRestored ? null : new LazyLoad(root, snapshot.BlockCount),
            AvailableAt = _engine.Options.VolumeCreationTime > TimeSpan.Zero ? m.Now + _engine.Options.VolumeCreationTime : null,
        };
        m.Refs.AddRef(record.BaseRoot);
        m.Refs.AddRef(record.LazyLoad?.SourceRoot);
        m.SetVolume(record);
        return record;
    }

    /// <summary>Describes the caller's volumes in this Region, one page at a time.</summary>
    /// <param name="request">Ids, filters and paging.</param>
    /// <param name="cancellationToken">A token to cancel the call.</param>
    /// <returns>The matching volumes, by id.</returns>
    /// <exception cref="ArgumentNullException"><paramref name="request"/> is <see langword="null"/>.</exception>
    /// <exception cref="EbsException">
    /// <c>InvalidVolume.NotFound</c> for a listed id that does not exist; <c>InvalidVolumeID.Malformed</c>;
    /// <c>InvalidParameterValue</c> for an unknown filter or MaxResults below 5; <c>InvalidParameterCombination</c> for
    /// MaxResults or NextToken with VolumeIds; <c>InvalidPaginationToken</c>.
    /// </exception>
    public async ValueTask<DescribeVolumesResponse> DescribeVolumesAsync(DescribeVolumesRequest request, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(request);
        var world = await _engine.CurrentAsync(cancellationToken).ConfigureAwait(false);
        var now = _engine.Time.GetUtcNow();
        var ids = request.VolumeIds ?? [];
        Filter.Validate(request.Filters, name => VolumeFilterValues(name, null));
        Pagination.Validate(nameof(DescribeVolumesAsync), request.MaxResults, request.NextToken, ids.Count > 0, idsForbidPaging: true);
        var candidates = ids.Count > 0
            ? ids.Distinct().Select(id => FindVolume(world, id))
            : world.Volumes.Values.Where(v => v.View.OwnerId == AccountId && v.View.Region == Region && !v.Importing);
        var matching = candidates
            .Select(v => ViewOf(v, now))
            .Where(v => Filter.MatchesAll(request.Filters, name => VolumeFilterValues(name, v)))
            .OrderBy(v => v.VolumeId.Value, StringComparer.Ordinal);
        var (page, next) = Pagination.Page(nameof(DescribeVolumesAsync), matching, v => v.VolumeId.Value, request.MaxResults, request.NextToken);
        return new DescribeVolumesResponse { Volumes = ValueList<Volume>.From(page), NextToken = next };
    }

    /// <summary>Deletes an available volume; its blocks are freed unless snapshots still hold them.</summary>
    /// <param name="request">The volume.</param>
    /// <param name="cancellationToken">A token to cancel the call.</param>
    /// <returns>AWS's empty response, once the volume is deleted.</returns>
    /// <exception cref="ArgumentNullException"><paramref name="request"/> is <see langword="null"/>.</exception>
    /// <exception cref="EbsException"><c>InvalidVolume.NotFound</c>, <c>InvalidVolumeID.Malformed</c>, <c>VolumeInUse</c>, <c>IncorrectState</c> while creating.</exception>
    public async ValueTask<DeleteVolumeResponse> DeleteVolumeAsync(DeleteVolumeRequest request, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(request);
        var volumeId = request.VolumeId;
        await _engine.CommitAsync(nameof(DeleteVolumeAsync), m =>
        {
            var record = FindVolume(m.World, volumeId);
            if (record.StateAt(m.Now) == VolumeState.Creating)
            {
                throw new EbsException(EbsErrorCodes.IncorrectState, $"Volume {volumeId} is creating.", volumeId.Value);
            }

            if (record.View.State != VolumeState.Available)
            {
                throw new EbsException(EbsErrorCodes.VolumeInUse, $"Volume {volumeId} is {record.View.State.ToAwsString()}.", volumeId.Value);
            }

            m.DiscardVolume(record);
            return true;
        }, null, cancellationToken).ConfigureAwait(false);
        return new DeleteVolumeResponse();
    }

    internal static Volume ViewOf(VolumeRecord record, DateTimeOffset now)
    {
        var view = record.LazyLoad is { } lazy ? record.View with { Initialization = lazy.Snapshot() } : record.View;
        var state = record.StateAt(now);
        return view.State == state ? view : view with { State = state };
    }

    private static IEnumerable<string>? VolumeFilterValues(string name, Volume? v) => name switch
    {
        "volume-id" => v is null ? [] : [v.VolumeId.Value],
        "status" => v is null ? [] : [v.State.ToAwsString()],
        "availability-zone" => v is null ? [] : [v.AvailabilityZone],
        "snapshot-id" => v is null ? [] : v.SnapshotId is { } s ? [s.Value] : [],
        "size" => v is null ? [] : [v.Size.ToString(System.Globalization.CultureInfo.InvariantCulture)],
        "fast-restored" => v is null ? [] : [v.FastRestored ? "true" : "false"],
        "encrypted" => v is null ? [] : [v.Encrypted ? "true" : "false"],
        "volume-type" => v is null ? [] : [v.VolumeType.ToAwsString()],
        "iops" => v is null ? [] : v.Iops is { } iops ? [iops.ToString(System.Globalization.CultureInfo.InvariantCulture)] : [],
        "throughput" => v is null ? [] : v.Throughput is { } mibps ? [mibps.ToString(System.Globalization.CultureInfo.InvariantCulture)] : [],
        _ => Filter.TagValues(name, v?.Tags ?? TagList.Empty),
    };
}
