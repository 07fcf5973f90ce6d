using Ebs.Core.Domain;
using Ebs.Core.Storage;

namespace Ebs.Core.Services;

public sealed partial class BackupClient
{
    /// <summary>
    /// Copies a recovery point into another vault of the caller's, in this Region or another, as
    /// CopySnapshot copies its snapshot (only the chunks the destination Region lacks are stored).
    /// The copy starts when the point completes (at once when it has); the job fails, rather than
    /// the call, when the destination vault's lock refuses the copy's retention.
    /// </summary>
    /// <param name="request">The point, its vault, the destination vault's ARN, the role and the copy's lifecycle.</param>
    /// <param name="cancellationToken">A token to cancel the call.</param>
    /// <returns>The copy job.</returns>
    /// <exception cref="ArgumentNullException"><paramref name="request"/> is <see langword="null"/>.</exception>
    /// <exception cref="EbsException">
    /// <c>MissingParameterValueException</c> without a role; <c>InvalidParameterValueException</c> for a destination that is not a vault ARN of the
    /// caller's or a bad lifecycle; <c>ResourceNotFoundException</c> for the point, its vault or the destination vault.
    /// </exception>
    public async ValueTask<StartCopyJobResponse> StartCopyJobAsync(StartCopyJobRequest request, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(request);
        if (string.IsNullOrEmpty(request.IamRoleArn))
        {
            throw Missing(nameof(request.IamRoleArn));
        }

        var (_, region, name) = CheckDestination(request.DestinationBackupVaultArn, null);
        var lifecycle = CheckLifecycle(request.Lifecycle, null);
        var job = await _engine.CommitAsync(nameof(StartCopyJobAsync), m =>
        {
            var point = FindPoint(m.World, request.SourceBackupVaultName, request.RecoveryPointArn);
            if (!m.World.Table(RecordKinds.BackupVault).ContainsKey(BackupVaultRecord.KeyOf(AccountId, region, name)))
            {
                throw BackupErrors.Of(EbsErrorCodes.ResourceNotFoundException, $"Backup vault {request.DestinationBackupVaultArn} does not exist.", request.DestinationBackupVaultArn);
            }

            return Backups.StartCopy(_engine, m, point, request.DestinationBackupVaultArn, lifecycle, request.IamRoleArn, null);
        }, null, cancellationToken).ConfigureAwait(false);
        return new StartCopyJobResponse { CopyJobId = job.CopyJobId, CreationDate = job.CreationDate };
    }

    /// <summary>Describes a copy job at this instant.</summary>
    /// <param name="request">The job's id.</param>
    /// <param name="cancellationToken">A token to cancel the call.</param>
    /// <returns>The job, with the copy's ARN once it started.</returns>
    /// <exception cref="ArgumentNullException"><paramref name="request"/> is <see langword="null"/>.</exception>
    /// <exception cref="EbsException"><c>ResourceNotFoundException</c>.</exception>
    public async ValueTask<DescribeCopyJobResponse> DescribeCopyJobAsync(DescribeCopyJobRequest request, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(request);
        ArgumentNullException.ThrowIfNull(request.CopyJobId, nameof(request));
        var world = await _engine.CurrentAsync(cancellationToken).ConfigureAwait(false);
        var job = world.Table(RecordKinds.CopyJob).GetValueOrDefault(request.CopyJobId) is { } found && found.AccountId == AccountId && found.Region == Region
            ? found
            : throw BackupErrors.Of(EbsErrorCodes.ResourceNotFoundException, $"Copy job {request.CopyJobId} does not exist.", request.CopyJobId);
        return new DescribeCopyJobResponse { CopyJob = CopyViewOf(job, _engine.Time.GetUtcNow()) };
    }

    /// <summary>Lists the caller's copy jobs from this Region, oldest first, one page at a time.</summary>
    /// <param name="request">The filters and the paging.</param>
    /// <param name="cancellationToken">A token to cancel the call.</param>
    /// <returns>The jobs, in their state at the call.</returns>
    /// <exception cref="ArgumentNullException"><paramref name="request"/> is <see langword="null"/>.</exception>
    /// <exception cref="EbsException"><c>InvalidParameterValueException</c> for bad paging, an undefined state, or a malformed account id or resource type.</exception>
    public async ValueTask<ListCopyJobsResponse> ListCopyJobsAsync(ListCopyJobsRequest request, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(request);
        CheckPaging(nameof(ListCopyJobsAsync), request.MaxResults, request.NextToken);
        CheckJobFilters(request.ByAccountId, request.ByResourceType);
        if (request.ByState is { } state && !Enum.IsDefined(state))
        {
            throw Invalid($"State {state} is not defined.");
        }

        var world = await _engine.CurrentAsync(cancellationToken).ConfigureAwait(false);
        var now = _engine.Time.GetUtcNow();
        var jobs = world.Table(RecordKinds.CopyJob).Values
            .Where(j => j.AccountId == AccountId && j.Region == Region)
            .Select(j => CopyViewOf(j, now))
            .Where(j => (request.ByResourceArn is null || j.ResourceArn == request.ByResourceArn)
                && (request.ByState is null || j.State == request.ByState)
                && (request.ByResourceType is null || j.ResourceType == request.ByResourceType)
                && (request.ByDestinationVaultArn is null || j.DestinationBackupVaultArn == request.ByDestinationVaultArn)
                && (request.ByAccountId is null || j.AccountId == request.ByAccountId)
                && (request.BySourceRecoveryPointArn is null || j.SourceRecoveryPointArn == request.BySourceRecoveryPointArn)
                && InWindow(j.CreationDate, request.ByCreatedAfter, request.ByCreatedBefore)
                && CompletedInWindow(j.CompletionDate, request.ByCompleteAfter, request.ByCompleteBefore))
            .Select(j => (Key: JobKey(j.CreationDate, j.CopyJobId), Job: j))
            .OrderBy(j => j.Key, StringComparer.Ordinal);
        var (page, next) = Pagination.Page(nameof(ListCopyJobsAsync), jobs, j => j.Key, request.MaxResults, request.NextToken);
        return new ListCopyJobsResponse { CopyJobs = ValueList<CopyJob>.From(page.Select(j => j.Job)), NextToken = next };
    }

    private static CopyJob CopyViewOf(CopyJobRecord job, DateTimeOffset now)
    {
        var state = job.StateAt(now);
        return new CopyJob
        {
            AccountId = job.AccountId,
            CopyJobId = job.CopyJobId,
            SourceBackupVaultArn = BackupVaultRecord.ArnOf(job.AccountId, job.Region, job.SourceBackupVaultName),
            SourceRecoveryPointArn = RecoveryPointRecord.ArnOf(job.Region, job.SourceSnapshotId),
            DestinationBackupVaultArn = job.DestinationBackupVaultArn,
            DestinationRecoveryPointArn = job.DestinationRecoveryPointArn,
            DestinationRecoveryPointLifecycle = job.Lifecycle,
            ResourceArn = job.ResourceArn,
            CreationDate = job.CreationDate,
            CompletionDate = state switch
            {
                CopyJobState.Completed => job.CompletesAt,
                CopyJobState.Failed => job.StartsAt,
                _ => null,
            },
            State = state,
            StatusMessage = job.StatusMessage,
            BackupSizeInBytes = job.BackupSizeInBytes,
            IamRoleArn = job.IamRoleArn,
            CreatedBy = job.CreatedBy,
            ResourceType = "EBS",
        };
    }

    /// <summary>Reads a destination vault ARN of the caller's.</summary>
    /// <exception cref="EbsException"><c>InvalidParameterValueException</c> for anything else.</exception>
    private (string AccountId, string Region, string Name) CheckDestination(string? arn, string? ruleName)
        => BackupVaultRecord.ParseArn(arn) is { } parsed && parsed.AccountId == AccountId
            ? parsed
            : throw Invalid($"{(ruleName is null ? string.Empty : $"Error in rule {ruleName} : ")}'{arn}' is not the ARN of a backup vault of account {AccountId}.");
}
