using Ebs.Core.Domain;
using Ebs.Core.Storage;

namespace Ebs.Core.Services;

/// <summary>
/// Fast Snapshot Restore. A problem with the request as a whole (no zone, no snapshot, more
/// than 10 snapshots, a malformed id) refuses the call with <see cref="EbsException"/>; a problem
/// of one snapshot in one zone (unknown or pending snapshot, zone outside the Region, the quota)
/// is an item of <c>Unsuccessful</c>, and the other pairs of the call still succeed.
/// </summary>
public sealed partial class Ec2Client
{
    /// <summary>The most snapshots with Fast Snapshot Restore enabled per account and Region (AWS's quota).</summary>
    public const int MaxFastSnapshotRestoreSnapshots = 5;

    /// <summary>The most snapshots one Enable or Disable call may name.</summary>
    public const int MaxFastSnapshotRestoreSnapshotsPerCall = 10;

    /// <summary>The largest snapshot volume size, in GiB, for which Fast Snapshot Restore can be enabled (16 TiB).</summary>
    public const int MaxFastSnapshotRestoreSizeGiB = 16384;

    /// <summary>The most items DescribeFastSnapshotRestores returns in one page.</summary>
    public const int MaxFastSnapshotRestoreResults = 200;

    /// <summary>
    /// Enables Fast Snapshot Restore for completed snapshots of the caller's in zones of this
    /// Region. Each new (snapshot, zone) pair is <c>enabling</c> for one minute, then
    /// <c>optimizing</c> for 60 minutes per TiB of the snapshot's volume size, then <c>enabled</c>,
    /// and is billed from now; a pair already enabling, optimizing or enabled is left as it is.
    /// </summary>
    /// <param name="request">The snapshots and zones.</param>
    /// <param name="cancellationToken">A token to cancel the call.</param>
    /// <returns>The pairs enabled and, per snapshot, the zones that failed: <c>InvalidSnapshot.NotFound</c>,
    /// <c>InvalidSnapshot.InvalidState</c> for a snapshot not completed, <c>InvalidParameterValue</c> above 16 TiB, <c>InvalidZone.NotFound</c> for a zone
    /// outside the Region, <c>IncorrectState</c> for a pair still disabling, <c>ResourceLimitExceeded</c> beyond 5 snapshots.</returns>
    /// <exception cref="ArgumentNullException"><paramref name="request"/> or one of its lists is <see langword="null"/>.</exception>
    /// <exception cref="EbsException">
    /// <c>MissingParameter</c> without zones or snapshots; <c>InvalidRequest</c> for more than 10 snapshots;
    /// <c>InvalidSnapshotID.Malformed</c>.
    /// </exception>
    public async ValueTask<EnableFastSnapshotRestoresResponse> EnableFastSnapshotRestoresAsync(EnableFastSnapshotRestoresRequest request, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(request);
        var (zones, snapshotIds) = CheckFastSnapshotRestoreRequest(request.AvailabilityZones, request.SourceSnapshotIds);
        return await _engine.CommitAsync(nameof(EnableFastSnapshotRestoresAsync), m =>
        {
            var successful = new List<FastSnapshotRestoreSuccessItem>();
            var unsuccessful = new List<FastSnapshotRestoreErrorItem>();
            foreach (var snapshotId in snapshotIds)
            {
                var errors = new List<FastSnapshotRestoreStateErrorItem>();
                var snapshotError = EnableSnapshotError(m, snapshotId);
                foreach (var zone in zones)
                {
                    if ((snapshotError ?? ZoneError(zone) ?? EnablePair(m, snapshotId, zone, successful)) is { } error)
                    {
                        errors.Add(new FastSnapshotRestoreStateErrorItem(zone, error));
                    }
                }

                AddErrors(unsuccessful, snapshotId, errors);
            }

            return new EnableFastSnapshotRestoresResponse { Successful = ValueList<FastSnapshotRestoreSuccessItem>.From(successful), Unsuccessful = ValueList<FastSnapshotRestoreErrorItem>.From(unsuccessful) };
        }, null, cancellationToken).ConfigureAwait(false);
    }

    /// <summary>
    /// Disables Fast Snapshot Restore of the caller's enablements: each pair enabling, optimizing or
    /// enabled is <c>disabling</c> for one minute, then <c>disabled</c>, when its billing stops (at
    /// least one hour is billed per enablement); a pair already disabling or disabled is left as it is.
    /// </summary>
    /// <param name="request">The snapshots and zones.</param>
    /// <param name="cancellationToken">A token to cancel the call.</param>
    /// <returns>The pairs disabled and, per snapshot, the zones that failed: <c>InvalidZone.NotFound</c> for a zone
    /// outside the Region, <c>InvalidSnapshot.NotFound</c> for an unknown snapshot, <c>IncorrectState</c> for a pair never enabled.</returns>
    /// <exception cref="ArgumentNullException"><paramref name="request"/> or one of its lists is <see langword="null"/>.</exception>
    /// <exception cref="EbsException">
    /// <c>MissingParameter</c> without zones or snapshots; <c>InvalidRequest</c> for more than 10 snapshots;
    /// <c>InvalidSnapshotID.Malformed</c>.
    /// </exception>
    public async ValueTask<DisableFastSnapshotRestoresResponse> DisableFastSnapshotRestoresAsync(DisableFastSnapshotRestoresRequest request, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(request);
        var (zones, snapshotIds) = CheckFastSnapshotRestoreRequest(request.AvailabilityZones, request.SourceSnapshotIds);
        return await _engine.CommitAsync(nameof(DisableFastSnapshotRestoresAsync), m =>
        {
            var successful = new List<FastSnapshotRestoreSuccessItem>();
            var unsuccessful = new List<FastSnapshotRestoreErrorItem>();
            foreach (var snapshotId in snapshotIds)
            {
                var errors = new List<FastSnapshotRestoreStateErrorItem>();
                foreach (var zone in zones)
                {
                    if ((ZoneError(zone) ?? DisablePair(m, snapshotId, zone, successful)) is { } error)
                    {
                        errors.Add(new FastSnapshotRestoreStateErrorItem(zone, error));
                    }
                }

                AddErrors(unsuccessful, snapshotId, errors);
            }

            return new DisableFastSnapshotRestoresResponse { Successful = ValueList<FastSnapshotRestoreSuccessItem>.From(successful), Unsuccessful = ValueList<FastSnapshotRestoreErrorItem>.From(unsuccessful) };
        }, null, cancellationToken).ConfigureAwait(false);
    }

    /// <summary>Describes the caller's Fast Snapshot Restores in this Region, disabled ones included, one page at a time.</summary>
    /// <param name="request">Filters and paging.</param>
    /// <param name="cancellationToken">A token to cancel the call.</param>
    /// <returns>The matching (snapshot, zone) pairs, by snapshot id then zone, in their state at the time of the call.</returns>
    /// <exception cref="ArgumentNullException"><paramref name="request"/> is <see langword="null"/>.</exception>
    /// <exception cref="EbsException">
    /// <c>InvalidParameterValue</c> for an unknown filter or MaxResults outside 1–200; <c>InvalidPaginationToken</c>.
    /// </exception>
    public async ValueTask<DescribeFastSnapshotRestoresResponse> DescribeFastSnapshotRestoresAsync(DescribeFastSnapshotRestoresRequest request, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(request);
        Filter.Validate(request.Filters, name => FastSnapshotRestoreFilterValues(name, null));
        if (request.MaxResults is < 1 or > MaxFastSnapshotRestoreResults)
        {
            throw new EbsException(EbsErrorCodes.InvalidParameterValue, $"Value ({request.MaxResults}) for parameter maxResults is invalid. Expecting a value from 1 to {MaxFastSnapshotRestoreResults}.");
        }

        Pagination.Validate(nameof(DescribeFastSnapshotRestoresAsync), null, request.NextToken, hasIds: false, idsForbidPaging: false);
        var world = await _engine.CurrentAsync(cancellationToken).ConfigureAwait(false);
        var now = _engine.Time.GetUtcNow();
        var matching = world.Table(RecordKinds.FastSnapshotRestore).Values
            .Where(r => r.OwnerId == AccountId && r.Region == Region)
            .Select(r => (r.Key, View: r.ViewAt(now)))
            .Where(r => Filter.MatchesAll(request.Filters, name => FastSnapshotRestoreFilterValues(name, r.View)));
        var (page, next) = Pagination.Page(nameof(DescribeFastSnapshotRestoresAsync), matching, r => r.Key, request.MaxResults, request.NextToken);
        return new DescribeFastSnapshotRestoresResponse { FastSnapshotRestores = ValueList<FastSnapshotRestoreSuccessItem>.From(page.Select(r => r.View)), NextToken = next };
    }

    private static IEnumerable<string>? FastSnapshotRestoreFilterValues(string name, FastSnapshotRestoreSuccessItem? item) => name switch
    {
        "availability-zone" => item is null ? [] : [item.AvailabilityZone],
        "owner-id" => item is null ? [] : [item.OwnerId],
        "snapshot-id" => item is null ? [] : [item.SnapshotId.Value],
        "state" => item is null ? [] : [item.State.ToAwsString()],
        _ => null,
    };

    private static void AddErrors(List<FastSnapshotRestoreErrorItem> unsuccessful, SnapshotId snapshotId, List<FastSnapshotRestoreStateErrorItem> errors)
    {
        if (errors.Count > 0)
        {
            unsuccessful.Add(new FastSnapshotRestoreErrorItem { SnapshotId = snapshotId, FastSnapshotRestoreStateErrors = ValueList<FastSnapshotRestoreStateErrorItem>.From(errors) });
        }
    }

    /// <summary>Checks what refuses an Enable or Disable call as a whole; returns the distinct zones and snapshots, in request order.</summary>
    private static (List<string> Zones, List<SnapshotId> SnapshotIds) CheckFastSnapshotRestoreRequest(IReadOnlyList<string> zones, IReadOnlyList<SnapshotId> snapshotIds)
    {
        ArgumentNullException.ThrowIfNull(zones);
        ArgumentNullException.ThrowIfNull(snapshotIds);
        if (zones.Count == 0)
        {
            throw new EbsException(EbsErrorCodes.MissingParameter, "The request must contain the parameter AvailabilityZone.");
        }

        if (snapshotIds.Count == 0)
        {
            throw new EbsException(EbsErrorCodes.MissingParameter, "The request must contain the parameter SourceSnapshotId.");
        }

        if (snapshotIds.Count > MaxFastSnapshotRestoreSnapshotsPerCall)
        {
            throw new EbsException(EbsErrorCodes.InvalidRequest, $"Number of values of parameter SourceSnapshotIds must be less than or equal to {MaxFastSnapshotRestoreSnapshotsPerCall}.");
        }

        foreach (var id in snapshotIds)
        {
            CheckWellFormed(id.Value, SnapshotId.Prefix, EbsErrorCodes.InvalidSnapshotIdMalformed);
        }

        foreach (var zone in zones)
        {
            ArgumentNullException.ThrowIfNull(zone, nameof(zones));
        }

        return ([.. zones.Distinct(StringComparer.Ordinal)], [.. snapshotIds.Distinct()]);
    }

    /// <summary>
    /// Enables Fast Snapshot Restore of a snapshot in zones of this Region inside a change, as
    /// EnableFastSnapshotRestores does, for a lifecycle policy's fast restore rule; a pair that
    /// cannot be enabled (the 5-snapshot quota reached, a snapshot archived) is left out, as AWS's
    /// DLM creates the snapshot without it.
    /// </summary>
    internal void EnableFastSnapshotRestores(Mutation m, SnapshotId snapshotId, IEnumerable<string> zones)
    {
        if (EnableSnapshotError(m, snapshotId) is not null)
        {
            return;
        }

        foreach (var zone in zones.Where(z => ZoneError(z) is null))
        {
            EnablePair(m, snapshotId, zone, []);
        }
    }

    /// <summary>Disables the caller's enablements of a snapshot in <paramref name="zones"/> that are enabling, optimizing or enabled, inside a change.</summary>
    internal void DisableFastSnapshotRestores(Mutation m, SnapshotId snapshotId, IEnumerable<string> zones)
    {
        var table = m.World.Table(RecordKinds.FastSnapshotRestore);
        foreach (var zone in zones)
        {
            if (table.TryGetValue(FastSnapshotRestoreRecord.KeyOf(AccountId, snapshotId, zone), out var record) && record.IsActive)
            {
                FastSnapshotRestores.Disable(m, record, FastSnapshotRestoreRecord.UserInitiated);
            }
        }
    }

    /// <summary>The error of a zone outside this Region, for every snapshot; AWS's EC2 code for a zone it does not know here.</summary>
    private FastSnapshotRestoreStateError? ZoneError(string zone)
    {
        if (_engine.Regions[Region].Contains(zone))
        {
            return null;
        }

        return _engine.Regions.FirstOrDefault(r => r.Value.Contains(zone)).Key is { } other
            ? new FastSnapshotRestoreStateError(EbsErrorCodes.InvalidZoneNotFound, $"The zone '{zone}' is in Region '{other}', not in '{Region}'.")
            : new FastSnapshotRestoreStateError(EbsErrorCodes.InvalidZoneNotFound, $"The zone '{zone}' does not exist.");
    }

    /// <summary>The error of a snapshot that cannot be enabled in any zone: not one the caller sees here (its own, shared with it, or public), not completed, or above 16 TiB.</summary>
    private FastSnapshotRestoreStateError? EnableSnapshotError(Mutation m, SnapshotId snapshotId)
    {
        if (!m.World.Snapshots.TryGetValue(snapshotId, out var snapshot) || snapshot.Region != Region || !IsVisible(m.World, snapshot))
        {
            return new FastSnapshotRestoreStateError(EbsErrorCodes.InvalidSnapshotNotFound, $"The snapshot '{snapshotId}' does not exist.");
        }

        if (!snapshot.IsCompletedAt(m.Now))
        {
            return new FastSnapshotRestoreStateError(EbsErrorCodes.InvalidSnapshotInvalidState, $"The snapshot '{snapshotId}' is not in the completed state.");
        }

        if (!snapshot.IsStandardTierOnly)
        {
            return new FastSnapshotRestoreStateError(EbsErrorCodes.IncorrectState, $"Fast snapshot restore cannot be enabled for snapshot '{snapshotId}', which is archived or being archived or restored.");
        }

        return snapshot.VolumeSizeGiB > MaxFastSnapshotRestoreSizeGiB
            ? new FastSnapshotRestoreStateError(EbsErrorCodes.InvalidParameterValue, $"Fast snapshot restore can be enabled only for snapshots of {MaxFastSnapshotRestoreSizeGiB} GiB (16 TiB) or less.")
            : null;
    }

    /// <summary>Enables one pair of a known, completed snapshot in a zone of this Region, or gives why it cannot be.</summary>
    private FastSnapshotRestoreStateError? EnablePair(Mutation m, SnapshotId snapshotId, string zone, List<FastSnapshotRestoreSuccessItem> successful)
    {
        var table = m.World.Table(RecordKinds.FastSnapshotRestore);
        if (table.TryGetValue(FastSnapshotRestoreRecord.KeyOf(AccountId, snapshotId, zone), out var existing))
        {
            switch (existing.StateAt(m.Now))
            {
                case FastSnapshotRestoreStateCode.Disabling:
                    return new FastSnapshotRestoreStateError(EbsErrorCodes.IncorrectState, $"Fast snapshot restore of snapshot '{snapshotId}' in '{zone}' is disabling; enable it once it is disabled.");
                case not FastSnapshotRestoreStateCode.Disabled:
                    successful.Add(existing.ViewAt(m.Now));
                    return null;
            }
        }

        var counted = table.Values
            .Where(r => r.OwnerId == AccountId && r.Region == Region && r.StateAt(m.Now) != FastSnapshotRestoreStateCode.Disabled)
            .Select(r => r.SnapshotId)
            .ToHashSet();
        if (!counted.Contains(snapshotId) && counted.Count >= MaxFastSnapshotRestoreSnapshots)
        {
            return new FastSnapshotRestoreStateError(EbsErrorCodes.ResourceLimitExceeded, $"You can enable fast snapshot restore for at most {MaxFastSnapshotRestoreSnapshots} snapshots per Region.");
        }

        var record = new FastSnapshotRestoreRecord
        {
            SnapshotId = snapshotId,
            AvailabilityZone = zone,
            OwnerId = AccountId,
            Region = Region,
            SnapshotSizeGiB = m.World.Snapshots[snapshotId].VolumeSizeGiB,
            EnablingTime = m.Now,
        };
        m.Set(RecordKinds.FastSnapshotRestore, record);
        FastSnapshotRestores.RecordEnabled(m, record);
        successful.Add(record.ViewAt(m.Now));
        return null;
    }

    /// <summary>Disables one pair of the caller's in a zone of this Region, or gives why it cannot be.</summary>
    private FastSnapshotRestoreStateError? DisablePair(Mutation m, SnapshotId snapshotId, string zone, List<FastSnapshotRestoreSuccessItem> successful)
    {
        if (m.World.Table(RecordKinds.FastSnapshotRestore).TryGetValue(FastSnapshotRestoreRecord.KeyOf(AccountId, snapshotId, zone), out var existing))
        {
            var record = existing.IsActive ? FastSnapshotRestores.Disable(m, existing, FastSnapshotRestoreRecord.UserInitiated) : existing;
            successful.Add(record.ViewAt(m.Now));
            return null;
        }

        return m.World.Snapshots.TryGetValue(snapshotId, out var snapshot) && snapshot.Region == Region && IsVisible(m.World, snapshot)
            ? new FastSnapshotRestoreStateError(EbsErrorCodes.IncorrectState, $"Fast snapshot restore is not enabled for snapshot '{snapshotId}' in '{zone}'.")
            : new FastSnapshotRestoreStateError(EbsErrorCodes.InvalidSnapshotNotFound, $"The snapshot '{snapshotId}' does not exist.");
    }
}
