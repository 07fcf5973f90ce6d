using System.Globalization;
using Ebs.Core.Domain;

namespace Ebs.Core.Services;

public sealed partial class Ec2Client
{
    /// <summary>The most image ids ListImagesInRecycleBin takes (AWS's limit).</summary>
    private const int MaxImageIdsInRecycleBinList = 20;

    /// <summary>
    /// Lists the caller's snapshots in the Recycle Bin in this Region, one page at a time, with
    /// when each entered the bin and when it is to be deleted for good.
    /// </summary>
    /// <param name="request">Ids and paging.</param>
    /// <param name="cancellationToken">A token to cancel the call.</param>
    /// <returns>The snapshots, by the instant they entered the bin, then id.</returns>
    /// <exception cref="ArgumentNullException"><paramref name="request"/> is <see langword="null"/>.</exception>
    /// <exception cref="EbsException">
    /// <c>InvalidSnapshot.NotFound</c> for a listed id not in the bin (AWS does not document this; the library's choice);
    /// <c>InvalidSnapshotID.Malformed</c>; <c>InvalidParameterValue</c> for MaxResults below 5; <c>InvalidPaginationToken</c>.
    /// </exception>
    public async ValueTask<ListSnapshotsInRecycleBinResponse> ListSnapshotsInRecycleBinAsync(ListSnapshotsInRecycleBinRequest request, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(request);
        var world = await _engine.CurrentAsync(cancellationToken).ConfigureAwait(false);
        var ids = request.SnapshotIds ?? [];
        Pagination.Validate(nameof(ListSnapshotsInRecycleBinAsync), request.MaxResults, request.NextToken, ids.Count > 0, idsForbidPaging: false);
        var binned = ids.Count > 0
            ? ids.Distinct().Select(id => FindSnapshot(world, id, inRecycleBin: true))
            : world.Snapshots.Values.Where(s => s.OwnerId == AccountId && s.Region == Region && s.RecycleBin is not null);
        var sorted = binned
            .Select(s => new SnapshotRecycleBinInfo
            {
                SnapshotId = s.Id,
                RecycleBinEnterTime = s.RecycleBin!.EnterTime,
                RecycleBinExitTime = s.RecycleBin.ExitTime,
                Description = s.Description,
                VolumeId = s.VolumeId,
            })
            .OrderBy(BinKey, StringComparer.Ordinal);
        var (page, next) = Pagination.Page(nameof(ListSnapshotsInRecycleBinAsync), sorted, BinKey, request.MaxResults, request.NextToken);
        return new ListSnapshotsInRecycleBinResponse { Snapshots = ValueList<SnapshotRecycleBinInfo>.From(page), NextToken = next };
    }

    /// <summary>
    /// Restores a snapshot from the Recycle Bin: it is back at once, unchanged (same id, tags and
    /// contents), and is no longer to be deleted at its exit time. Sharing permissions are restored
    /// here once the library shares snapshots.
    /// </summary>
    /// <param name="request">The snapshot.</param>
    /// <param name="cancellationToken">A token to cancel the call.</param>
    /// <returns>The restored snapshot's fields.</returns>
    /// <exception cref="ArgumentNullException"><paramref name="request"/> is <see langword="null"/>.</exception>
    /// <exception cref="EbsException">
    /// <c>InvalidSnapshot.NotFound</c> when the snapshot is not in the bin (never deleted, already restored, or
    /// deleted for good; AWS does not document the code, this is the library's choice); <c>InvalidSnapshotID.Malformed</c>.
    /// </exception>
    public async ValueTask<RestoreSnapshotFromRecycleBinResponse> RestoreSnapshotFromRecycleBinAsync(RestoreSnapshotFromRecycleBinRequest request, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(request);
        var snapshotId = request.SnapshotId;
        var view = await _engine.CommitAsync(nameof(RestoreSnapshotFromRecycleBinAsync), m =>
        {
            var restored = RecycleBin.Restore(m, FindSnapshot(m.World, snapshotId, inRecycleBin: true));
            return restored.ViewAt(m.Now, _engine.BlockSize);
        }, null, cancellationToken).ConfigureAwait(false);
        return new RestoreSnapshotFromRecycleBinResponse
        {
            SnapshotId = view.SnapshotId,
            Description = view.Description,
            Encrypted = false,
            OwnerId = view.OwnerId,
            Progress = view.Progress,
            StartTime = view.StartTime,
            State = view.State,
            VolumeId = view.VolumeId,
            VolumeSize = view.VolumeSize,
        };
    }

    /// <summary>
    /// Lists the caller's images in the Recycle Bin in this Region, one page at a time, with when
    /// each entered the bin and when it is to be deleted for good.
    /// </summary>
    /// <param name="request">Ids (at most 20) and paging.</param>
    /// <param name="cancellationToken">A token to cancel the call.</param>
    /// <returns>The images, by the instant they entered the bin, then id.</returns>
    /// <exception cref="ArgumentNullException"><paramref name="request"/> is <see langword="null"/>.</exception>
    /// <exception cref="EbsException">
    /// <c>InvalidAMIID.NotFound</c> for a listed id not in the bin (the library's choice); <c>InvalidAMIID.Malformed</c>;
    /// <c>InvalidParameterValue</c> for more than 20 ids or MaxResults outside 1 to 1000; <c>InvalidPaginationToken</c>.
    /// </exception>
    public async ValueTask<ListImagesInRecycleBinResponse> ListImagesInRecycleBinAsync(ListImagesInRecycleBinRequest request, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(request);
        var world = await _engine.CurrentAsync(cancellationToken).ConfigureAwait(false);
        var ids = request.ImageIds ?? [];
        if (ids.Count > MaxImageIdsInRecycleBinList)
        {
            throw new EbsException(EbsErrorCodes.InvalidParameterValue, $"At most {MaxImageIdsInRecycleBinList} image ids may be given; {ids.Count} were.");
        }

        if (request.MaxResults is < 1 or > Pagination.MaxResults)
        {
            throw new EbsException(EbsErrorCodes.InvalidParameterValue, $"Value ({request.MaxResults}) for parameter maxResults is invalid. Expecting a value from 1 to {Pagination.MaxResults}.");
        }

        Pagination.Validate(nameof(ListImagesInRecycleBinAsync), null, request.NextToken, ids.Count > 0, idsForbidPaging: false);
        var binned = ids.Count > 0
            ? ids.Distinct().Select(id => FindImage(world, id, inRecycleBin: true))
            : world.Images.Values.Where(i => i.View.OwnerId == AccountId && i.View.Region == Region && i.RecycleBin is not null);
        var sorted = binned
            .Select(i => new ImageRecycleBinInfo
            {
                ImageId = i.Id,
                Name = i.View.Name,
                Description = i.View.Description,
                RecycleBinEnterTime = i.RecycleBin!.EnterTime,
                RecycleBinExitTime = i.RecycleBin.ExitTime,
            })
            .OrderBy(BinKey, StringComparer.Ordinal);
        var (page, next) = Pagination.Page(nameof(ListImagesInRecycleBinAsync), sorted, BinKey, request.MaxResults, request.NextToken);
        return new ListImagesInRecycleBinResponse { Images = ValueList<ImageRecycleBinInfo>.From(page), NextToken = next };
    }

    /// <summary>
    /// Restores an image from the Recycle Bin: it is registered again at once, unchanged (same id,
    /// tags, mappings). As in AWS, every snapshot it uses must first be restored from the bin; an image
    /// whose snapshots were deleted for good cannot be restored. Launch permissions are restored here
    /// once the library shares images.
    /// </summary>
    /// <param name="request">The image.</param>
    /// <param name="cancellationToken">A token to cancel the call.</param>
    /// <returns>AWS's <c>return</c>: <see langword="true"/>.</returns>
    /// <exception cref="ArgumentNullException"><paramref name="request"/> is <see langword="null"/>.</exception>
    /// <exception cref="EbsException">
    /// <c>InvalidAMIID.NotFound</c> when the image is not in the bin (the library's choice of code); <c>InvalidAMIID.Malformed</c>;
    /// <c>IncorrectState</c> while a snapshot it uses is in the bin or after one was deleted for good (AWS documents the rule, not
    /// the code); <c>InvalidAMIName.Duplicate</c> when a registered image has taken its name meanwhile.
    /// </exception>
    public async ValueTask<RestoreImageFromRecycleBinResponse> RestoreImageFromRecycleBinAsync(RestoreImageFromRecycleBinRequest request, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(request);
        var imageId = request.ImageId;
        await _engine.CommitAsync(nameof(RestoreImageFromRecycleBinAsync), m =>
        {
            var image = FindImage(m.World, imageId, inRecycleBin: true);
            foreach (var snapshotId in image.View.SnapshotIds)
            {
                if (m.World.Snapshots.GetValueOrDefault(snapshotId) is not { RecycleBin: null })
                {
                    throw new EbsException(
                        EbsErrorCodes.IncorrectState,
                        $"The image {imageId} cannot be restored: its snapshot {snapshotId} must first be restored from the Recycle Bin, and it cannot be once deleted for good.",
                        imageId.Value);
                }
            }

            CheckNameFree(m.World, image.View.Name);
            RecycleBin.Restore(m, image);
            return true;
        }, null, cancellationToken).ConfigureAwait(false);
        return new RestoreImageFromRecycleBinResponse();
    }

    /// <summary>The order of the Recycle Bin listings, first in first, as text for the page token.</summary>
    private static string BinKey(SnapshotRecycleBinInfo s)
        => string.Create(CultureInfo.InvariantCulture, $"{s.RecycleBinEnterTime.UtcTicks:D19}|{s.SnapshotId.Value}");

    private static string BinKey(ImageRecycleBinInfo i)
        => string.Create(CultureInfo.InvariantCulture, $"{i.RecycleBinEnterTime.UtcTicks:D19}|{i.ImageId.Value}");
}
