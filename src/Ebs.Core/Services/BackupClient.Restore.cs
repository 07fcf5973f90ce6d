using System.Globalization;
using Ebs.Core.Domain;
using Ebs.Core.Storage;

namespace Ebs.Core.Services;

public sealed partial class BackupClient
{
    /// <summary>
    /// Restores an EBS recovery point to a new volume (restores never overwrite), as CreateVolume
    /// from its snapshot makes one: lazily loaded, or initialized when Fast Snapshot Restore has a
    /// credit. The job is running until the volume is available. Metadata keys: <c>availabilityZone</c>
    /// (required), <c>volumeType</c>, <c>volumeSize</c>, <c>iops</c>, <c>throughput</c>; others are ignored.
    /// </summary>
    /// <param name="request">The point's ARN and the new volume's metadata.</param>
    /// <param name="cancellationToken">A token to cancel the call.</param>
    /// <returns>The restore job.</returns>
    /// <exception cref="ArgumentNullException"><paramref name="request"/> is <see langword="null"/>.</exception>
    /// <exception cref="EbsException">
    /// <c>MissingParameterValueException</c> without <c>availabilityZone</c>; <c>InvalidParameterValueException</c> for a resource type other than
    /// <c>EBS</c>, a zone outside the Region, a number that is not one, or a size, IOPS or throughput outside the type's limits;
    /// <c>ResourceNotFoundException</c> for the point; <c>InvalidRequestException</c> while its snapshot is pending or archived.
    /// </exception>
    public async ValueTask<StartRestoreJobResponse> StartRestoreJobAsync(StartRestoreJobRequest request, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(request);
        ArgumentNullException.ThrowIfNull(request.Metadata, nameof(request));
        if (request.ResourceType is { } type && type != "EBS")
        {
            throw Invalid($"Resource type {type} is not supported; this library restores EBS recovery points.");
        }

        var ec2 = new Ec2Client(_engine, AccountId, Region);
        var zone = request.Metadata.GetValueOrDefault("availabilityZone") ?? throw Missing("Metadata availabilityZone");
        try
        {
            zone = ec2.CheckZone(zone);
        }
        catch (EbsException e)
        {
            throw Invalid(e.Message);
        }

        var volumeType = VolumeType.Gp2;
        if (request.Metadata.GetValueOrDefault("volumeType") is { } typeText && !AwsEnum.TryParse(typeText, out volumeType))
        {
            throw Invalid($"Metadata volumeType '{typeText}' is not a volume type.");
        }

        var size = MetadataNumber(request.Metadata, "volumeSize");
        var iops = MetadataNumber(request.Metadata, "iops");
        var throughput = MetadataNumber(request.Metadata, "throughput");
        var job = await _engine.CommitAsync(nameof(StartRestoreJobAsync), m =>
        {
            var point = FindPointByArn(m.World, request.RecoveryPointArn);
            var snapshot = m.World.Snapshots[point.SnapshotId];
            if (!snapshot.IsCompletedAt(m.Now) || !snapshot.IsReadableAt(m.Now))
            {
                throw BackupErrors.Of(EbsErrorCodes.InvalidRequestException, $"Recovery point {point.Arn} cannot be restored now: its snapshot is pending or archived.", point.Arn);
            }

            var sizeGiB = size ?? snapshot.VolumeSizeGiB;
            if (sizeGiB < snapshot.VolumeSizeGiB || sizeGiB > Ec2Client.MaxVolumeSizeGiB)
            {
                throw Invalid($"Metadata volumeSize {sizeGiB} must be from {snapshot.VolumeSizeGiB} to {Ec2Client.MaxVolumeSizeGiB} GiB.");
            }

            (int? Iops, int? Throughput) limits;
            try
            {
                limits = VolumeTypeLimits.Check(volumeType, sizeGiB, iops, throughput);
            }
            catch (EbsException e)
            {
                throw Invalid(e.Message);
            }

            var volume = ec2.CreateVolumeRecord(m, zone, sizeGiB, snapshot, TagList.Empty, volumeType, limits.Iops, limits.Throughput);
            var restore = new RestoreJobRecord
            {
                RestoreJobId = Backups.NewUuid(_engine, m.World.Table(RecordKinds.RestoreJob).ContainsKey),
                AccountId = AccountId,
                Region = Region,
                RecoveryPointArn = point.Arn,
                BackupVaultArn = BackupVaultRecord.ArnOf(point.AccountId, point.Region, point.BackupVaultName),
                SourceResourceArn = point.ResourceArn,
                CreationDate = m.Now,
                CompletesAt = volume.AvailableAt ?? m.Now,
                CreatedResourceArn = Backups.VolumeArn(Region, AccountId, volume.Id),
                BackupSizeInBytes = point.BackupSizeInBytes,
                IamRoleArn = request.IamRoleArn,
                RecoveryPointCreationDate = point.CreationDate,
            };
            m.Set(RecordKinds.RestoreJob, restore);
            return restore;
        }, null, cancellationToken).ConfigureAwait(false);
        return new StartRestoreJobResponse { RestoreJobId = job.RestoreJobId };
    }

    /// <summary>Describes a restore job at this instant.</summary>
    /// <param name="request">The job's id.</param>
    /// <param name="cancellationToken">A token to cancel the call.</param>
    /// <returns>The job, with the new volume's ARN.</returns>
    /// <exception cref="ArgumentNullException"><paramref name="request"/> is <see langword="null"/>.</exception>
    /// <exception cref="EbsException"><c>ResourceNotFoundException</c>.</exception>
    public async ValueTask<DescribeRestoreJobResponse> DescribeRestoreJobAsync(DescribeRestoreJobRequest request, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(request);
        ArgumentNullException.ThrowIfNull(request.RestoreJobId, nameof(request));
        var world = await _engine.CurrentAsync(cancellationToken).ConfigureAwait(false);
        var job = world.Table(RecordKinds.RestoreJob).GetValueOrDefault(request.RestoreJobId) is { } found && found.AccountId == AccountId && found.Region == Region
            ? found
            : throw BackupErrors.Of(EbsErrorCodes.ResourceNotFoundException, $"Restore job {request.RestoreJobId} does not exist.", request.RestoreJobId);
        var view = RestoreViewOf(job, _engine.Time.GetUtcNow());
        return new DescribeRestoreJobResponse
        {
            AccountId = view.AccountId,
            RestoreJobId = view.RestoreJobId,
            RecoveryPointArn = view.RecoveryPointArn,
            SourceResourceArn = view.SourceResourceArn,
            BackupVaultArn = view.BackupVaultArn,
            CreationDate = view.CreationDate,
            CompletionDate = view.CompletionDate,
            Status = view.Status,
            PercentDone = view.PercentDone,
            BackupSizeInBytes = view.BackupSizeInBytes,
            IamRoleArn = view.IamRoleArn,
            CreatedResourceArn = view.CreatedResourceArn,
            ResourceType = view.ResourceType,
            RecoveryPointCreationDate = view.RecoveryPointCreationDate,
        };
    }

    /// <summary>Lists the caller's restore jobs in this Region, oldest first, one page at a time.</summary>
    /// <param name="request">The filters and the paging.</param>
    /// <param name="cancellationToken">A token to cancel the call.</param>
    /// <returns>The jobs, in their status at the call.</returns>
    /// <exception cref="ArgumentNullException"><paramref name="request"/> is <see langword="null"/>.</exception>
    /// <exception cref="EbsException"><c>InvalidParameterValueException</c> for bad paging, an undefined status, or a malformed account id or resource type.</exception>
    public async ValueTask<ListRestoreJobsResponse> ListRestoreJobsAsync(ListRestoreJobsRequest request, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(request);
        CheckPaging(nameof(ListRestoreJobsAsync), request.MaxResults, request.NextToken);
        CheckJobFilters(request.ByAccountId, request.ByResourceType);
        if (request.ByStatus is { } status && !Enum.IsDefined(status))
        {
            throw Invalid($"Status {status} is not defined.");
        }

        var world = await _engine.CurrentAsync(cancellationToken).ConfigureAwait(false);
        var now = _engine.Time.GetUtcNow();
        var jobs = world.Table(RecordKinds.RestoreJob).Values
            .Where(j => j.AccountId == AccountId && j.Region == Region)
            .Select(j => RestoreViewOf(j, now))
            .Where(j => (request.ByAccountId is null || j.AccountId == request.ByAccountId)
                && (request.ByResourceType is null || j.ResourceType == request.ByResourceType)
                && (request.ByStatus is null || j.Status == request.ByStatus)
                && InWindow(j.CreationDate, request.ByCreatedAfter, request.ByCreatedBefore)
                && CompletedInWindow(j.CompletionDate, request.ByCompleteAfter, request.ByCompleteBefore))
            .Select(j => (Key: JobKey(j.CreationDate, j.RestoreJobId), Job: j))
            .OrderBy(j => j.Key, StringComparer.Ordinal);
        var (page, next) = Pagination.Page(nameof(ListRestoreJobsAsync), jobs, j => j.Key, request.MaxResults, request.NextToken);
        return new ListRestoreJobsResponse { RestoreJobs = ValueList<RestoreJobsListMember>.From(page.Select(j => j.Job)), NextToken = next };
    }

    private static RestoreJobsListMember RestoreViewOf(RestoreJobRecord job, DateTimeOffset now)
    {
        var status = job.StatusAt(now);
        return new RestoreJobsListMember
        {
            AccountId = job.AccountId,
            RestoreJobId = job.RestoreJobId,
            RecoveryPointArn = job.RecoveryPointArn,
            SourceResourceArn = job.SourceResourceArn,
            BackupVaultArn = job.BackupVaultArn,
            CreationDate = job.CreationDate,
            CompletionDate = status == RestoreJobStatus.Completed ? job.CompletesAt : null,
            Status = status,
            PercentDone = status == RestoreJobStatus.Completed ? "100.0" : "0.0",
            BackupSizeInBytes = job.BackupSizeInBytes,
            IamRoleArn = job.IamRoleArn,
            CreatedResourceArn = job.CreatedResourceArn,
            ResourceType = "EBS",
            RecoveryPointCreationDate = job.RecoveryPointCreationDate,
        };
    }

    private static int? MetadataNumber(IReadOnlyDictionary<string, string> metadata, string key)
        => metadata.GetValueOrDefault(key) is not { } text ? null
            : int.TryParse(text, NumberStyles.None, CultureInfo.InvariantCulture, out var value) ? value
            : throw Invalid($"Metadata {key} '{text}' is not a whole number.");

    private RecoveryPointRecord FindPointByArn(World world, string? recoveryPointArn)
    {
        ArgumentNullException.ThrowIfNull(recoveryPointArn);
        var prefix = $"arn:aws:ec2:{Region}::snapshot/";
        return recoveryPointArn.StartsWith(prefix, StringComparison.Ordinal)
            && world.Table(RecordKinds.RecoveryPoint).GetValueOrDefault(recoveryPointArn[prefix.Length..]) is { } point && point.AccountId == AccountId
            ? point
            : throw BackupErrors.Of(EbsErrorCodes.ResourceNotFoundException, $"Recovery point {recoveryPointArn} does not exist.", recoveryPointArn);
    }
}
