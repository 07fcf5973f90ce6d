using Ebs.Core.Domain;

namespace Ebs.Core.Services;

public sealed partial class Ec2Client
{
    /// <summary>The most days a temporary restore keeps its standard copy (AWS's limit).</summary>
    public const int MaxTemporaryRestoreDays = 180;

    /// <summary>
    /// Archives a completed snapshot of the caller's (AWS's ModifySnapshotTier). It stays usable
    /// while <c>archival-in-progress</c>, for <see cref="EbsOptions.SnapshotArchiveTime"/>; then it
    /// is a full snapshot in the archive tier (billed at its full size), the standard tier keeps
    /// only the blocks other snapshots still need, and it cannot be used until restored. Its blocks
    /// stay in the chunk store. Archiving cannot be cancelled.
    /// </summary>
    /// <param name="request">The snapshot and the target tier.</param>
    /// <param name="cancellationToken">A token to cancel the call.</param>
    /// <returns>The snapshot id and the instant archiving started.</returns>
    /// <exception cref="ArgumentNullException"><paramref name="request"/> is <see langword="null"/>.</exception>
    /// <exception cref="EbsException">
    /// <c>InvalidSnapshot.NotFound</c>, <c>InvalidSnapshotID.Malformed</c>; <c>InvalidParameterValue</c> for a tier that is not
    /// <c>archive</c>; <c>IncorrectState</c> for a snapshot not completed, or already archived, being archived or being restored;
    /// <c>InvalidSnapshot.InUse</c> while a registered image uses it; <c>InvalidParameterValue</c> for an AWS Backup recovery point's snapshot.
    /// </exception>
    public async ValueTask<ModifySnapshotTierResponse> ModifySnapshotTierAsync(ModifySnapshotTierRequest request, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(request);
        if (request.StorageTier is { } tier)
        {
            CheckDefined(tier);
        }

        var snapshotId = request.SnapshotId;
        return await _engine.CommitAsync(nameof(ModifySnapshotTierAsync), m =>
        {
            var snapshot = FindSnapshot(m.World, snapshotId);
            if (!snapshot.IsCompletedAt(m.Now))
            {
                throw new EbsException(EbsErrorCodes.IncorrectState, $"Snapshot '{snapshotId}' is not completed.", snapshotId.Value);
            }

            if (!snapshot.IsStandardTierOnly)
            {
                throw new EbsException(EbsErrorCodes.IncorrectState, $"Snapshot '{snapshotId}' is already archived, or being archived or restored ({snapshot.Archive!.Status.ToAwsString()}).", snapshotId.Value);
            }

            if (ImagesUsing(m.World, snapshotId).FirstOrDefault() is { } image)
            {
                throw new EbsException(EbsErrorCodes.InvalidSnapshotInUse, $"The snapshot {snapshotId} is currently in use by {image.Id}.", snapshotId.Value);
            }

            if (Backups.IsRecoveryPoint(m.World, snapshotId))
            {
                throw new EbsException(EbsErrorCodes.InvalidParameterValue, $"Snapshot '{snapshotId}' was created by AWS Backup; it cannot be archived through EC2.", snapshotId.Value);
            }

            // FindSnapshot refused a snapshot shared with the caller; this one's own shares end there.
            SnapshotTiering.StartArchival(_engine, m, snapshot);
            return new ModifySnapshotTierResponse { SnapshotId = snapshotId, TieringStartTime = m.Now };
        }, null, cancellationToken).ConfigureAwait(false);
    }

    /// <summary>
    /// Restores an archived snapshot (AWS's RestoreSnapshotTier). Temporary (the default, for
    /// <see cref="RestoreSnapshotTierRequest.TemporaryRestoreDays"/>, 1 when not given): after
    /// <see cref="EbsOptions.SnapshotRestoreTime"/> a standard copy is usable, billed at full size
    /// next to the archive copy, for that many days from completion; then it is removed and the
    /// snapshot is archived only again. Permanent: after the restore time the snapshot is a
    /// standard one again and its archive copy is deleted. Retrieval is billed when the restore is
    /// requested, on the full size. On a snapshot temporarily restored, a temporary restore sets a
    /// new period from now, and a permanent one makes it permanent at once (no retrieval; the
    /// standard copy is already there). Leaving the archive within 90 days of archival bills the rest of them.
    /// </summary>
    /// <param name="request">The snapshot and the kind of restore.</param>
    /// <param name="cancellationToken">A token to cancel the call.</param>
    /// <returns>The snapshot id, the instant the restore started, its days and whether it is permanent.</returns>
    /// <exception cref="ArgumentNullException"><paramref name="request"/> is <see langword="null"/>.</exception>
    /// <exception cref="EbsException">
    /// <c>InvalidSnapshot.NotFound</c>, <c>InvalidSnapshotID.Malformed</c>; <c>InvalidParameterValue</c> for days outside 1–180;
    /// <c>InvalidParameterCombination</c> for days with a permanent restore; <c>IncorrectState</c> for a snapshot that is
    /// not archived (never archived, permanently restored, still being archived) or is being restored.
    /// </exception>
    public async ValueTask<RestoreSnapshotTierResponse> RestoreSnapshotTierAsync(RestoreSnapshotTierRequest request, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(request);
        var permanent = request.PermanentRestore == true;
        if (permanent && request.TemporaryRestoreDays is not null)
        {
            throw new EbsException(EbsErrorCodes.InvalidParameterCombination, "TemporaryRestoreDays cannot be given with PermanentRestore.");
        }

        var days = request.TemporaryRestoreDays ?? 1;
        if (days is < 1 or > MaxTemporaryRestoreDays)
        {
            throw new EbsException(EbsErrorCodes.InvalidParameterValue, $"TemporaryRestoreDays must be 1 to {MaxTemporaryRestoreDays}; got {days}.");
        }

        var snapshotId = request.SnapshotId;
        return await _engine.CommitAsync(nameof(RestoreSnapshotTierAsync), m =>
        {
            var snapshot = FindSnapshot(m.World, snapshotId);
            if (snapshot.Archive is not { HoldsArchiveCopy: true } archive || archive.IsInProgress)
            {
                throw new EbsException(EbsErrorCodes.IncorrectState, $"Snapshot '{snapshotId}' is not archived, or is being archived or restored ({snapshot.Archive?.Status.ToAwsString() ?? "standard"}).", snapshotId.Value);
            }

            var full = snapshot.BlockCount * _engine.BlockSize;
            var response = new RestoreSnapshotTierResponse { SnapshotId = snapshotId, RestoreStartTime = m.Now, RestoreDuration = permanent ? null : days, IsPermanentRestore = permanent };
            if (archive.IsTemporarilyRestoredAt(m.Now))
            {
                if (permanent)
                {
                    // The standard copy becomes the snapshot; the ledger bills it as a standard one from now.
                    SnapshotTiering.EndTemporaryCopy(m, snapshot, full);
                    SnapshotTiering.LeaveArchive(_engine, m, snapshot, full);
                    m.SetSnapshot(snapshot with { Archive = archive with { Status = TieringOperationStatus.PermanentRestoreCompleted, StartTime = m.Now, CompletesAt = m.Now, RestoreExpiryTime = null } });
                    return response;
                }

                var expiry = m.Now + TimeSpan.FromDays(days);
                m.Unschedule(new DueEvent(archive.RestoreExpiryTime!.Value, SnapshotTiering.TemporaryRestoreExpires, snapshotId.Value));
                m.Schedule(expiry, SnapshotTiering.TemporaryRestoreExpires, snapshotId.Value);
                m.SetSnapshot(snapshot with { Archive = archive with { RestoreExpiryTime = expiry } });
                return response;
            }

            var completesAt = m.Now + _engine.Options.SnapshotRestoreTime;
            m.RecordUsage(UsageType.SnapshotArchiveRetrieval, snapshot.OwnerId, snapshot.Region, snapshotId.Value, quantity: full);
            m.Schedule(completesAt, SnapshotTiering.RestoreCompletes, snapshotId.Value);
            m.SetSnapshot(snapshot with
            {
                Archive = archive with
                {
                    Status = permanent ? TieringOperationStatus.PermanentRestoreInProgress : TieringOperationStatus.TemporaryRestoreInProgress,
                    StartTime = m.Now,
                    CompletesAt = completesAt,
                    RestoreExpiryTime = permanent ? null : completesAt + TimeSpan.FromDays(days),
                },
            });
            return response;
        }, null, cancellationToken).ConfigureAwait(false);
    }

    /// <summary>
    /// Describes the storage tier and the last archive or restore operation of the caller's
    /// snapshots in this Region that have been archived (AWS: "to view all archived snapshots,
    /// omit the filter"; snapshots never archived are not listed), one page at a time.
    /// </summary>
    /// <param name="request">Filters and paging.</param>
    /// <param name="cancellationToken">A token to cancel the call.</param>
    /// <returns>The matching statuses, by snapshot id.</returns>
    /// <exception cref="ArgumentNullException"><paramref name="request"/> is <see langword="null"/>.</exception>
    /// <exception cref="EbsException">
    /// <c>InvalidParameterValue</c> for an unknown filter or MaxResults below 5; <c>InvalidPaginationToken</c>.
    /// </exception>
    public async ValueTask<DescribeSnapshotTierStatusResponse> DescribeSnapshotTierStatusAsync(DescribeSnapshotTierStatusRequest request, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(request);
        var world = await _engine.CurrentAsync(cancellationToken).ConfigureAwait(false);
        var now = _engine.Time.GetUtcNow();
        Filter.Validate(request.Filters, name => TierStatusFilterValues(name, null));
        Pagination.Validate(nameof(DescribeSnapshotTierStatusAsync), request.MaxResults, request.NextToken, hasIds: false, idsForbidPaging: false);
        var matching = world.Snapshots.Values
            .Where(s => s.OwnerId == AccountId && s.Region == Region && s.Archive is not null)
            .Select(s => TierStatusAt(s, now))
            .Where(s => Filter.MatchesAll(request.Filters, name => TierStatusFilterValues(name, s)))
            .OrderBy(s => s.SnapshotId.Value, StringComparer.Ordinal);
        var (page, next) = Pagination.Page(nameof(DescribeSnapshotTierStatusAsync), matching, s => s.SnapshotId.Value, request.MaxResults, request.NextToken);
        return new DescribeSnapshotTierStatusResponse { SnapshotTierStatuses = ValueList<SnapshotTierStatus>.From(page), NextToken = next };
    }

    /// <summary>The refusal of a use of a snapshot that its tier does not allow (AWS documents no code; <c>IncorrectState</c> is the library's choice).</summary>
    private static EbsException Archived(SnapshotId id)
        => new(EbsErrorCodes.IncorrectState, $"Snapshot '{id}' is archived, or moving between tiers: restore it before using it.", id.Value);

    private SnapshotTierStatus TierStatusAt(SnapshotRecord snapshot, DateTimeOffset now)
    {
        var view = snapshot.ViewAt(now, _engine.BlockSize);
        var archive = snapshot.Archive!;
        return new SnapshotTierStatus
        {
            SnapshotId = view.SnapshotId,
            VolumeId = view.VolumeId,
            Status = view.State,
            OwnerId = view.OwnerId,
            Tags = view.Tags,
            StorageTier = view.StorageTier,
            LastTieringStartTime = archive.StartTime,
            LastTieringProgress = archive.ProgressAt(now),
            LastTieringOperationStatus = archive.Status,
            ArchivalCompleteTime = archive.ArchivedAt,
            RestoreExpiryTime = view.RestoreExpiryTime,
        };
    }

    private static IEnumerable<string>? TierStatusFilterValues(string name, SnapshotTierStatus? s) => name switch
    {
        "snapshot-id" => s is null ? [] : [s.SnapshotId.Value],
        "volume-id" => s is null ? [] : [s.VolumeId.Value],
        "last-tiering-operation" => s is null ? [] : [s.LastTieringOperationStatus.ToAwsString()],
        _ => null,
    };
}
