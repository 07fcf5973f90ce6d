using Ebs.Core.Domain;
using Ebs.Core.Storage;

namespace Ebs.Core.Services;

public sealed partial class BackupClient
{
    /// <summary>
    /// Starts an on-demand backup of an EBS volume of the caller's in this Region: a snapshot taken
    /// now through the snapshot path (incremental after the volume's earlier snapshots), application-consistent
    /// when the volume has a quiesce hook (see <see cref="QuiesceHooks"/>). The job is running until the snapshot
    /// completes, then completed; a lifecycle outside the vault's lock fails the job (AWS does not refuse the call).
    /// </summary>
    /// <param name="request">The vault, the volume's ARN, the role, the lifecycle and the tags.</param>
    /// <param name="cancellationToken">A token to cancel the call.</param>
    /// <returns>The job.</returns>
    /// <exception cref="ArgumentNullException"><paramref name="request"/> is <see langword="null"/>.</exception>
    /// <exception cref="EbsException">
    /// <c>MissingParameterValueException</c> without a role; <c>InvalidParameterValueException</c> for a resource that is not an EBS volume
    /// ARN of the caller's in this Region, a start window under 60 minutes, a bad lifecycle or more than 10 tags;
    /// <c>ResourceNotFoundException</c> for the vault or the volume; <c>QuiesceHookFailed</c>.
    /// </exception>
    public async ValueTask<StartBackupJobResponse> StartBackupJobAsync(StartBackupJobRequest request, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(request);
        if (string.IsNullOrEmpty(request.IamRoleArn))
        {
            throw Missing(nameof(request.IamRoleArn));
        }

        var volumeId = VolumeOf(request.ResourceArn);
        CheckStartWindow(request.StartWindowMinutes);
        var lifecycle = CheckLifecycle(request.Lifecycle, null);
        var tags = TagsOf(request.RecoveryPointTags, MaxRecoveryPointTags);
        var hook = _engine.QuiesceHooks.Find(volumeId.Value);
        var consistency = hook is null ? SnapshotConsistency.CrashConsistent : SnapshotConsistency.ApplicationConsistent;
        if (hook is not null)
        {
            // Refuse what the job would refuse before the hook quiesces anything.
            var world = await _engine.CurrentAsync(cancellationToken).ConfigureAwait(false);
            FindVault(world, request.BackupVaultName);
            FindVolume(world, volumeId, request.ResourceArn);
        }

        var job = await QuiesceHooks.AroundAsync(hook, volumeId.Value, () => _engine.CommitAsync(nameof(StartBackupJobAsync), m =>
        {
            var vault = FindVault(m.World, request.BackupVaultName);
            var volume = FindVolume(m.World, volumeId, request.ResourceArn);
            return Backups.RunJob(_engine, m, vault, volume, lifecycle, tags, request.IamRoleArn, request.StartWindowMinutes ?? DefaultStartWindowMinutes, null, consistency, []);
        }, null, cancellationToken), cancellationToken).ConfigureAwait(false);
        return new StartBackupJobResponse { BackupJobId = job.BackupJobId, CreationDate = job.CreationDate };
    }

    /// <summary>Describes a backup job at this instant.</summary>
    /// <param name="request">The job's id.</param>
    /// <param name="cancellationToken">A token to cancel the call.</param>
    /// <returns>The job.</returns>
    /// <exception cref="ArgumentNullException"><paramref name="request"/> is <see langword="null"/>.</exception>
    /// <exception cref="EbsException"><c>ResourceNotFoundException</c>.</exception>
    public async ValueTask<DescribeBackupJobResponse> DescribeBackupJobAsync(DescribeBackupJobRequest request, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(request);
        ArgumentNullException.ThrowIfNull(request.BackupJobId, nameof(request));
        var world = await _engine.CurrentAsync(cancellationToken).ConfigureAwait(false);
        var job = ViewOf(FindJob(world, request.BackupJobId), _engine.Time.GetUtcNow());
        return new DescribeBackupJobResponse
        {
            AccountId = job.AccountId,
            BackupJobId = job.BackupJobId,
            BackupVaultName = job.BackupVaultName,
            BackupVaultArn = job.BackupVaultArn,
            RecoveryPointArn = job.RecoveryPointArn,
            RecoveryPointLifecycle = job.RecoveryPointLifecycle,
            ResourceArn = job.ResourceArn,
            CreationDate = job.CreationDate,
            CompletionDate = job.CompletionDate,
            State = job.State,
            StatusMessage = job.StatusMessage,
            PercentDone = job.PercentDone,
            BackupSizeInBytes = job.BackupSizeInBytes,
            IamRoleArn = job.IamRoleArn,
            CreatedBy = job.CreatedBy,
            ResourceType = job.ResourceType,
            StartBy = job.StartBy,
        };
    }

    /// <summary>Lists the caller's backup jobs in this Region, oldest first, one page at a time.</summary>
    /// <param name="request">The filters and the paging.</param>
    /// <param name="cancellationToken">A token to cancel the call.</param>
    /// <returns>The jobs.</returns>
    /// <exception cref="ArgumentNullException"><paramref name="request"/> is <see langword="null"/>.</exception>
    /// <exception cref="EbsException"><c>InvalidParameterValueException</c> for bad paging or an undefined state.</exception>
    public async ValueTask<ListBackupJobsResponse> ListBackupJobsAsync(ListBackupJobsRequest request, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(request);
        CheckPaging(nameof(ListBackupJobsAsync), request.MaxResults, request.NextToken);
        if (request.ByState is { } state && !Enum.IsDefined(state))
        {
            throw Invalid($"State {state} is not defined.");
        }

        var world = await _engine.CurrentAsync(cancellationToken).ConfigureAwait(false);
        var now = _engine.Time.GetUtcNow();
        var jobs = world.Table(RecordKinds.BackupJob).Values
            .Where(j => j.AccountId == AccountId && j.Region == Region
                && (request.ByResourceArn is null || j.ResourceArn == request.ByResourceArn)
                && (request.ByBackupVaultName is null || j.BackupVaultName == request.ByBackupVaultName)
                && (request.ByState is null || j.StateAt(now) == request.ByState))
            .Select(j => (Key: JobKey(j.CreationDate, j.BackupJobId), Job: j))
            .OrderBy(j => j.Key, StringComparer.Ordinal);
        var (page, next) = Pagination.Page(nameof(ListBackupJobsAsync), jobs, j => j.Key, request.MaxResults, request.NextToken);
        return new ListBackupJobsResponse { BackupJobs = ValueList<BackupJob>.From(page.Select(j => ViewOf(j.Job, now))), NextToken = next };
    }

    /// <summary>
    /// Stops a backup job that is still running: it is aborted at once (AWS passes through
    /// <c>ABORTING</c>), and its recovery point and the snapshot being taken are deleted, as a
    /// deletion of the snapshot (the Recycle Bin applies); copies the job's rule started fail.
    /// </summary>
    /// <param name="request">The job's id.</param>
    /// <param name="cancellationToken">A token to cancel the call.</param>
    /// <returns>AWS's empty response.</returns>
    /// <exception cref="ArgumentNullException"><paramref name="request"/> is <see langword="null"/>.</exception>
    /// <exception cref="EbsException">
    /// <c>MissingParameterValueException</c> without an id; <c>ResourceNotFoundException</c> for a job not of the caller's in this Region;
    /// <c>InvalidRequestException</c> for a job already completed, failed or aborted.
    /// </exception>
    public async ValueTask<StopBackupJobResponse> StopBackupJobAsync(StopBackupJobRequest request, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(request);
        if (string.IsNullOrEmpty(request.BackupJobId))
        {
            throw Missing(nameof(request.BackupJobId));
        }

        await _engine.CommitAsync(nameof(StopBackupJobAsync), m =>
        {
            var job = FindJob(m.World, request.BackupJobId);
            if (job.StateAt(m.Now) is not BackupJobState.Created and not BackupJobState.Pending and not BackupJobState.Running and var state)
            {
                throw BackupErrors.Of(EbsErrorCodes.InvalidRequestException, $"Backup job {job.BackupJobId} cannot be stopped: it is {state.ToAwsString()}.", job.BackupJobId);
            }

            if (job.RecoveryPointArn is { } arn && m.World.Table(RecordKinds.RecoveryPoint).GetValueOrDefault(arn[(arn.LastIndexOf('/') + 1)..]) is { } point)
            {
                Backups.Delete(_engine, m, point);
            }

            m.Set(RecordKinds.BackupJob, job with { AbortedAt = m.Now, StatusMessage = "The backup job was stopped." });
            return true;
        }, null, cancellationToken).ConfigureAwait(false);
        return new StopBackupJobResponse();
    }

    private BackupJobRecord FindJob(World world, string backupJobId)
        => world.Table(RecordKinds.BackupJob).GetValueOrDefault(backupJobId) is { } found && found.AccountId == AccountId && found.Region == Region
            ? found
            : throw BackupErrors.Of(EbsErrorCodes.ResourceNotFoundException, $"Backup job {backupJobId} does not exist.", backupJobId);

    private static BackupJob ViewOf(BackupJobRecord job, DateTimeOffset now)
    {
        var state = job.StateAt(now);
        return new BackupJob
        {
            AccountId = job.AccountId,
            BackupJobId = job.BackupJobId,
            BackupVaultName = job.BackupVaultName,
            BackupVaultArn = BackupVaultRecord.ArnOf(job.AccountId, job.Region, job.BackupVaultName),
            RecoveryPointArn = job.RecoveryPointArn,
            RecoveryPointLifecycle = job.Lifecycle,
            ResourceArn = job.ResourceArn,
            CreationDate = job.CreationDate,
            CompletionDate = state == BackupJobState.Running ? null : job.AbortedAt ?? job.CompletesAt ?? job.CreationDate,
            State = state,
            StatusMessage = job.StatusMessage,
            PercentDone = state == BackupJobState.Completed ? "100.0" : "0.0",
            BackupSizeInBytes = job.BackupSizeInBytes,
            IamRoleArn = job.IamRoleArn,
            CreatedBy = job.CreatedBy,
            ResourceType = "EBS",
            StartBy = job.StartBy,
        };
    }

    /// <summary>The volume an EBS volume ARN of this account and Region names.</summary>
    /// <exception cref="EbsException"><c>InvalidParameterValueException</c> for anything else.</exception>
    private VolumeId VolumeOf(string? resourceArn)
    {
        var prefix = $"arn:aws:ec2:{Region}:{AccountId}:volume/";
        return resourceArn is not null && resourceArn.StartsWith(prefix, StringComparison.Ordinal) && VolumeId.TryParse(resourceArn[prefix.Length..], out var id)
            ? id
            : throw Invalid($"Resource ARN '{resourceArn}' is not an EBS volume of account {AccountId} in {Region}.");
    }

    private VolumeRecord FindVolume(World world, VolumeId id, string resourceArn)
        => world.Volumes.GetValueOrDefault(id) is { } volume && volume.View.OwnerId == AccountId && volume.View.Region == Region && !volume.Importing
            ? volume
            : throw BackupErrors.Of(EbsErrorCodes.ResourceNotFoundException, $"Resource {resourceArn} does not exist.", resourceArn);
}
