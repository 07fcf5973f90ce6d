using System.Globalization;
using Ebs.Core.Domain;
using Ebs.Core.Storage;

namespace Ebs.Core.Services;

public sealed partial class BackupClient
{
    /// <summary>Lists a vault's recovery points, oldest first, one page at a time.</summary>
    /// <param name="request">The vault, a volume to filter by, and the paging.</param>
    /// <param name="cancellationToken">A token to cancel the call.</param>
    /// <returns>The recovery points.</returns>
    /// <exception cref="ArgumentNullException"><paramref name="request"/> is <see langword="null"/>.</exception>
    /// <exception cref="EbsException"><c>InvalidParameterValueException</c> for bad paging; <c>ResourceNotFoundException</c> for the vault (real AWS: <c>AccessDeniedException</c>).</exception>
    public async ValueTask<ListRecoveryPointsByBackupVaultResponse> ListRecoveryPointsByBackupVaultAsync(ListRecoveryPointsByBackupVaultRequest request, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(request);
        CheckPaging(nameof(ListRecoveryPointsByBackupVaultAsync), request.MaxResults, request.NextToken);
        var world = await _engine.CurrentAsync(cancellationToken).ConfigureAwait(false);
        var vault = FindVault(world, request.BackupVaultName);
        var now = _engine.Time.GetUtcNow();
        var points = PointsOf(world, vault)
            .Where(p => request.ByResourceArn is null || p.ResourceArn == request.ByResourceArn)
            .Select(p => (Key: string.Create(CultureInfo.InvariantCulture, $"{p.CreationDate.UtcTicks:D19}|{p.SnapshotId.Value}"), Point: p))
            .OrderBy(p => p.Key, StringComparer.Ordinal);
        var (page, next) = Pagination.Page(nameof(ListRecoveryPointsByBackupVaultAsync), points, p => p.Key, request.MaxResults, request.NextToken);
        return new ListRecoveryPointsByBackupVaultResponse
        {
            RecoveryPoints = ValueList<RecoveryPointByBackupVault>.From(page.Select(p => ViewOf(world, p.Point, now))),
            NextToken = next,
        };
    }

    /// <summary>Describes a recovery point at this instant, with its storage class.</summary>
    /// <param name="request">The vault and the point's ARN.</param>
    /// <param name="cancellationToken">A token to cancel the call.</param>
    /// <returns>The recovery point.</returns>
    /// <exception cref="ArgumentNullException"><paramref name="request"/> is <see langword="null"/>.</exception>
    /// <exception cref="EbsException"><c>ResourceNotFoundException</c> for the vault or the point.</exception>
    public async ValueTask<DescribeRecoveryPointResponse> DescribeRecoveryPointAsync(DescribeRecoveryPointRequest request, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(request);
        var world = await _engine.CurrentAsync(cancellationToken).ConfigureAwait(false);
        var point = FindPoint(world, request.BackupVaultName, request.RecoveryPointArn);
        var now = _engine.Time.GetUtcNow();
        var view = ViewOf(world, point, now);
        var archived = world.Snapshots.GetValueOrDefault(point.SnapshotId) is { } snapshot && !snapshot.IsStandardTierOnly;
        return new DescribeRecoveryPointResponse
        {
            RecoveryPointArn = view.RecoveryPointArn,
            BackupVaultName = view.BackupVaultName,
            BackupVaultArn = view.BackupVaultArn,
            SourceBackupVaultArn = view.SourceBackupVaultArn,
            ResourceArn = view.ResourceArn,
            ResourceType = view.ResourceType,
            CreatedBy = view.CreatedBy,
            IamRoleArn = view.IamRoleArn,
            Status = view.Status,
            CreationDate = view.CreationDate,
            CompletionDate = view.CompletionDate,
            BackupSizeInBytes = view.BackupSizeInBytes,
            CalculatedLifecycle = view.CalculatedLifecycle,
            Lifecycle = view.Lifecycle,
            IsEncrypted = view.IsEncrypted,
            StorageClass = archived ? StorageClass.Cold : StorageClass.Warm,
        };
    }

    /// <summary>
    /// Deletes a recovery point and its snapshot (as a deletion of the snapshot: the Recycle Bin
    /// applies). In a locked vault a point younger than the lock's MinRetentionDays cannot be deleted
    /// by anyone; a vault policy that denies DeleteRecoveryPoint refuses it too.
    /// </summary>
    /// <param name="request">The vault and the point's ARN.</param>
    /// <param name="cancellationToken">A token to cancel the call.</param>
    /// <returns>AWS's empty response.</returns>
    /// <exception cref="ArgumentNullException"><paramref name="request"/> is <see langword="null"/>.</exception>
    /// <exception cref="EbsException">
    /// <c>ResourceNotFoundException</c>; <c>InvalidRequestException</c> within a Vault Lock's minimum retention;
    /// <c>AccessDeniedException</c> when the vault's access policy denies it; <c>InvalidSnapshot.InUse</c> while Fast Snapshot Restore is enabled for its snapshot.
    /// </exception>
    public async ValueTask<DeleteRecoveryPointResponse> DeleteRecoveryPointAsync(DeleteRecoveryPointRequest request, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(request);
        await _engine.CommitAsync(nameof(DeleteRecoveryPointAsync), m =>
        {
            var point = FindPoint(m.World, request.BackupVaultName, request.RecoveryPointArn);
            var vault = FindVault(m.World, request.BackupVaultName);
            if (vault.Lock?.MinRetentionDays is { } min && m.Now < point.CreationDate.AddDays(min))
            {
                throw BackupErrors.Of(EbsErrorCodes.InvalidRequestException, $"Recovery point {point.Arn} is protected by the Vault Lock of backup vault {vault.Name} until {point.CreationDate.AddDays(min):O}.", point.Arn);
            }

            if (BackupPolicies.DeniesDeleteRecoveryPoint(vault.Policy))
            {
                throw BackupErrors.Of(EbsErrorCodes.AccessDeniedException, $"The access policy of backup vault {vault.Name} denies backup:DeleteRecoveryPoint.", point.Arn);
            }

            FastSnapshotRestores.CheckNotEnabled(m.World, point.SnapshotId);
            Backups.Delete(_engine, m, point);
            return true;
        }, null, cancellationToken).ConfigureAwait(false);
        return new DeleteRecoveryPointResponse();
    }

    /// <summary>
    /// Replaces a recovery point's lifecycle (a setting left out is cleared) and reschedules its
    /// move to cold storage and its deletion. Once the point is in cold storage its cold setting
    /// cannot change; a new cold setting must be at least the point's age plus one day.
    /// </summary>
    /// <param name="request">The vault, the point's ARN and the new lifecycle.</param>
    /// <param name="cancellationToken">A token to cancel the call.</param>
    /// <returns>The point's new lifecycle.</returns>
    /// <exception cref="ArgumentNullException"><paramref name="request"/> is <see langword="null"/>.</exception>
    /// <exception cref="EbsException">
    /// <c>InvalidParameterValueException</c> for a bad lifecycle; <c>ResourceNotFoundException</c>; <c>InvalidRequestException</c> for a
    /// retention outside the vault's lock, a cold setting changed after the move, or one that is already past.
    /// </exception>
    public async ValueTask<UpdateRecoveryPointLifecycleResponse> UpdateRecoveryPointLifecycleAsync(UpdateRecoveryPointLifecycleRequest request, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(request);
        var lifecycle = CheckLifecycle(request.Lifecycle, null);
        var (vault, updated) = await _engine.CommitAsync(nameof(UpdateRecoveryPointLifecycleAsync), m =>
        {
            var point = FindPoint(m.World, request.BackupVaultName, request.RecoveryPointArn);
            var vault = FindVault(m.World, request.BackupVaultName);
            if (vault.Lock is { } vaultLock && !vaultLock.Allows(lifecycle?.DeleteAfterDays))
            {
                throw BackupErrors.Of(EbsErrorCodes.InvalidRequestException, $"The retention is outside the Vault Lock of backup vault {vault.Name}.", point.Arn);
            }

            if (point.MovedToColdAt is not null && lifecycle?.MoveToColdStorageAfterDays != point.Lifecycle?.MoveToColdStorageAfterDays)
            {
                throw BackupErrors.Of(EbsErrorCodes.InvalidRequestException, "The 'transition to cold after days' setting cannot be changed after a backup has been transitioned to cold.", point.Arn);
            }

            if (point.MovedToColdAt is null && lifecycle?.MoveToColdStorageAfterDays is { } cold && point.CreationDate.AddDays(cold) < m.Now.AddDays(1))
            {
                throw Invalid("MoveToColdStorageAfterDays must be at least the backup's age plus one day.");
            }

            Backups.UnscheduleLifecycle(m, point);
            var changed = point with { Lifecycle = lifecycle };
            m.Set(RecordKinds.RecoveryPoint, changed);
            Backups.ScheduleLifecycle(m, changed);
            return (vault, changed);
        }, null, cancellationToken).ConfigureAwait(false);
        return new UpdateRecoveryPointLifecycleResponse
        {
            BackupVaultArn = vault.Arn,
            RecoveryPointArn = updated.Arn,
            Lifecycle = updated.Lifecycle,
            CalculatedLifecycle = updated.CalculatedLifecycle,
        };
    }

    private RecoveryPointByBackupVault ViewOf(World world, RecoveryPointRecord point, DateTimeOffset now)
    {
        var status = point.StatusAt(now);
        return new RecoveryPointByBackupVault
        {
            RecoveryPointArn = point.Arn,
            BackupVaultName = point.BackupVaultName,
            BackupVaultArn = BackupVaultRecord.ArnOf(point.AccountId, point.Region, point.BackupVaultName),
            SourceBackupVaultArn = point.SourceBackupVaultArn,
            ResourceArn = point.ResourceArn,
            ResourceType = "EBS",
            CreatedBy = point.CreatedBy,
            IamRoleArn = point.IamRoleArn,
            Status = status,
            CreationDate = point.CreationDate,
            CompletionDate = status == RecoveryPointStatus.Creating ? null : point.CompletesAt,
            BackupSizeInBytes = point.BackupSizeInBytes,
            CalculatedLifecycle = point.CalculatedLifecycle,
            Lifecycle = point.Lifecycle,
        };
    }

    private RecoveryPointRecord FindPoint(World world, string vaultName, string recoveryPointArn)
    {
        var vault = FindVault(world, vaultName);
        var point = FindPointByArn(world, recoveryPointArn);
        return point.VaultKey == vault.Key
            ? point
            : throw BackupErrors.Of(EbsErrorCodes.ResourceNotFoundException, $"Recovery point {recoveryPointArn} does not exist in backup vault {vaultName}.", recoveryPointArn);
    }
}
