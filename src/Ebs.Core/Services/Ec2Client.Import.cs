using System.Collections.Immutable;
using Ebs.Core.Domain;

namespace Ebs.Core.Services;

public sealed partial class Ec2Client
{
    /// <summary>
    /// Imports a raw disk image into a new volume, or into an existing one
    /// (<see cref="ImportVolumeRequest.VolumeId"/>). The image is read and stored in 16-MiB
    /// batches (the next read while the current one is stored, one commit each); all-zero blocks
    /// cost nothing, and blocks that already hold their content are not changes. Every check
    /// runs before anything is written. A new volume exists only once the import has completed:
    /// until then no call sees it, and if the import fails or is cancelled it is deleted with its
    /// blocks (one left by a process that died is removed when the store is next opened). An
    /// import into an existing volume that fails keeps the batches it stored, as a failed
    /// <c>dd</c> would. An exception from the source stream ends the import the same way and
    /// is rethrown. The volume's <see cref="Volume.DiskImageSizeInBytes"/> becomes the image's length.
    /// </summary>
    /// <param name="request">The image and the volume it goes into.</param>
    /// <param name="cancellationToken">A token to cancel the import.</param>
    /// <returns>The volume, <see cref="VolumeState.Available"/> when new.</returns>
    /// <exception cref="ArgumentNullException"><paramref name="request"/> or its source is <see langword="null"/>.</exception>
    /// <exception cref="OperationCanceledException">The import was cancelled; a new volume was removed.</exception>
    /// <exception cref="EbsException">
    /// <c>InvalidParameterValue</c> for a source that cannot be read, an image longer than the volume, a size outside
    /// 1–65,536 GiB, a missing size for a source of unknown length, or bad tags; <c>InvalidZone.NotFound</c> for a zone
    /// outside the Region; <c>InvalidParameterCombination</c> for a zone, size or tags given with an existing volume;
    /// <c>InvalidVolume.NotFound</c>, <c>InvalidVolumeID.Malformed</c> for the existing volume.
    /// </exception>
    public async ValueTask<ImportVolumeResponse> ImportVolumeAsync(ImportVolumeRequest request, CancellationToken cancellationToken = default)
        => new() { Volume = await ImportVolumeCoreAsync(request, cancellationToken).ConfigureAwait(false) };

    private ValueTask<Volume> ImportVolumeCoreAsync(ImportVolumeRequest request, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(request);
        var source = request.Source;
        ArgumentNullException.ThrowIfNull(source, nameof(request));
        if (!source.CanRead)
        {
            throw new EbsException(EbsErrorCodes.InvalidParameterValue, "The image's source stream cannot be read.");
        }

        cancellationToken.ThrowIfCancellationRequested();
        long? length = source.CanSeek ? Math.Max(0, source.Length - source.Position) : null;
        if (request.VolumeId is { } volumeId)
        {
            if (request.AvailabilityZone is not null || request.Size is not null || request.TagSpecifications is { Count: > 0 })
            {
                throw new EbsException(EbsErrorCodes.InvalidParameterCombination, "A zone, size and tags describe a new volume; leave them out when importing into an existing one.", volumeId.Value);
            }

            var volume = FindVolume(_engine.World, volumeId);
            CheckImageFits(length, volume.View.SizeInBytes);
            return ImportIntoAsync(volumeId, importing: false, volume.View.SizeInBytes, source, request.Progress, cancellationToken);
        }

        var zone = CheckZone(request.AvailabilityZone);
        var sizeGiB = request.Size
            ?? (length is { } bytes
                ? (int)Math.Clamp((bytes >> 30) + ((bytes & ((1L << 30) - 1)) == 0 ? 0 : 1), 1, MaxVolumeSizeGiB)
                : throw new EbsException(EbsErrorCodes.InvalidParameterValue, "The source stream cannot seek, so its length is unknown: give the volume's size."));
        CheckVolumeSize(sizeGiB);
        CheckImageFits(length, (long)sizeGiB << 30);
        var tags = TagRules.FromSpecifications(request.TagSpecifications, ResourceType.Volume);
        return ImportNewAsync(zone, sizeGiB, tags, source, request.Progress, cancellationToken);
    }

    private static void CheckImageFits(long? length, long capacity)
    {
        if (length > capacity)
        {
            throw new EbsException(EbsErrorCodes.InvalidParameterValue, $"The image is {length} bytes; the volume holds {capacity}.");
        }
    }

    private async ValueTask<Volume> ImportNewAsync(string zone, int sizeGiB, ImmutableSortedDictionary<string, string> tags, Stream source, IProgress<long>? progress, CancellationToken cancellationToken)
    {
        var volumeId = await _engine.CommitAsync(nameof(ImportVolumeAsync), m =>
        {
            var record = new VolumeRecord
            {
                View = NewVolume(m, zone, sizeGiB, VolumeState.Creating, TagList.Of(tags)),
                Importing = true,
            };
            m.SetVolume(record);
            return record.Id;
        }, null, cancellationToken).ConfigureAwait(false);

        try
        {
            return await ImportIntoAsync(volumeId, importing: true, (long)sizeGiB << 30, source, progress, cancellationToken).ConfigureAwait(false);
        }
        catch
        {
            await AbandonImportAsync(volumeId).ConfigureAwait(false);
            throw;
        }
    }

    /// <summary>Stores the image batch by batch, then records its length (and, for a new volume, makes it visible).</summary>
    private async ValueTask<Volume> ImportIntoAsync(VolumeId volumeId, bool importing, long capacity, Stream source, IProgress<long>? progress, CancellationToken cancellationToken)
    {
        // Batches are stored two at a time but commit in order, so a failure leaves the image's start in place.
        var previous = Task.CompletedTask;
        ValueTask StoreBatchAsync(long offset, ReadOnlyMemory<byte> batch)
        {
            previous = WriteVolumeCoreAsync(volumeId, [new VolumeWrite(offset, batch)], importing, onlyChanges: true, previous, cancellationToken).AsTask();
            return new ValueTask(previous);
        }

        var length = await ImageBatches.CopyAsync(source, capacity, StoreBatchAsync, progress, cancellationToken).ConfigureAwait(false);

        return await _engine.CommitAsync(nameof(ImportVolumeAsync), m =>
        {
            var volume = importing ? FindImport(m.World, volumeId) : FindVolume(m.World, volumeId);
            var view = importing ? volume.View with { State = VolumeState.Available, CreateTime = m.Now } : volume.View;
            var completed = volume with { View = view with { DiskImageSizeInBytes = length }, Importing = false };
            m.SetVolume(completed);
            return ViewOf(completed, m.Now);
        }, null, cancellationToken).ConfigureAwait(false);
    }

    /// <summary>Deletes an import's new volume and its blocks after a failure or cancellation.</summary>
    private async ValueTask AbandonImportAsync(VolumeId volumeId)
    {
        try
        {
            await _engine.CommitAsync(nameof(ImportVolumeAsync), m =>
            {
                m.DiscardVolume(FindImport(m.World, volumeId));
                return true;
            }, null, CancellationToken.None).ConfigureAwait(false);
        }
        catch (Exception e) when (e is not OutOfMemoryException)
        {
            // The caller needs the failure that stopped the import, not this one. The volume stays
            // marked as an unfinished import, invisible, and is removed when the store is next opened.
            EbsTelemetry.AbandonedImports.Add(1);
        }
    }

    /// <summary>Finds a volume that an import is still making, which no other call can see.</summary>
    private static VolumeRecord FindImport(World world, VolumeId id)
        => world.Volumes.TryGetValue(id, out var volume) && volume.Importing
            ? volume
            : throw new EbsException(EbsErrorCodes.InternalError, $"The import of volume '{id}' is no longer in progress.", id.Value);
}
