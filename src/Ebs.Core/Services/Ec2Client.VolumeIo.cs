using System.Buffers;
using Ebs.Core.BlockMaps;
using Ebs.Core.Chunks;
using Ebs.Core.Domain;
using Ebs.Core.Storage;

namespace Ebs.Core.Services;

public sealed partial class Ec2Client
{
    /// <summary>Reads bytes from a volume at any offset (the library's own operation); unwritten ranges read as zeros.</summary>
    /// <param name="request">The volume, the offset and the buffer to fill.</param>
    /// <param name="cancellationToken">A token to cancel the call.</param>
    /// <returns>The number of bytes read, once <see cref="ReadVolumeRequest.Destination"/> is filled.</returns>
    /// <exception cref="ArgumentNullException"><paramref name="request"/> is <see langword="null"/>.</exception>
    /// <exception cref="EbsException"><c>InvalidVolume.NotFound</c>, <c>InvalidVolumeID.Malformed</c>; <c>InvalidParameterValue</c> for a range outside the volume.</exception>
    public async ValueTask<ReadVolumeResponse> ReadVolumeAsync(ReadVolumeRequest request, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(request);
        CheckRange(FindVolume(_engine.World, request.VolumeId), request.Offset, request.Destination.Length);
        await ReadVolumeCoreAsync(request.VolumeId, request.Offset, request.Destination, cancellationToken).ConfigureAwait(false);
        return new ReadVolumeResponse { BytesRead = request.Destination.Length };
    }

    /// <summary>
    /// Writes ranges of a volume in one call (the library's own operation): all of them land, or
    /// none does. Whole blocks are hashed straight from the data; partial blocks are read,
    /// modified and written back. Writing a sparse disk image as its non-zero runs this way costs
    /// one commit, not one per run.
    /// </summary>
    /// <param name="request">The volume and the ranges, in ascending order of offset and not overlapping.</param>
    /// <param name="cancellationToken">A token to cancel the call.</param>
    /// <returns>The number of bytes written, once they are stored.</returns>
    /// <exception cref="ArgumentNullException"><paramref name="request"/> or its writes is <see langword="null"/>.</exception>
    /// <exception cref="EbsException">
    /// <c>InvalidVolume.NotFound</c>, <c>InvalidVolumeID.Malformed</c>; <c>InvalidParameterValue</c> for a range outside
    /// the volume, or ranges out of order or overlapping.
    /// </exception>
    public async ValueTask<WriteVolumeResponse> WriteVolumeAsync(WriteVolumeRequest request, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(request);
        var writes = request.Writes;
        ArgumentNullException.ThrowIfNull(writes, nameof(request));
        var volumeId = request.VolumeId;
        var volume = FindVolume(_engine.World, volumeId);
        long end = 0;
        foreach (var (offset, data) in writes)
        {
            CheckRange(volume, offset, data.Length);
            if (offset < end)
            {
                throw new EbsException(EbsErrorCodes.InvalidParameterValue, $"The write at offset {offset} overlaps or precedes the one before it; give ranges in ascending order without overlap.", volumeId.Value);
            }

            if (!data.IsEmpty)
            {
                end = offset + data.Length;
            }
        }

        if (!writes.All(w => w.Data.IsEmpty))
        {
            await WriteVolumeCoreAsync(volumeId, writes, importing: false, onlyChanges: false, committedBefore: null, cancellationToken).ConfigureAwait(false);
        }

        return new WriteVolumeResponse { BytesWritten = writes.Sum(w => (long)w.Data.Length) };
    }

    /// <summary>Opens a seekable stream over a volume's bytes, to copy a disk image in or out.</summary>
    /// <param name="volumeId">The volume.</param>
    /// <returns>The stream; its length is the volume size. Sequential writes are gathered (up to 16 MiB) and stored when the run is full, on a seek elsewhere, a read, a flush or disposal.</returns>
    /// <exception cref="EbsException"><c>InvalidVolume.NotFound</c>, <c>InvalidVolumeID.Malformed</c>.</exception>
    /// <remarks>Synchronous like <see cref="File.Open(string, FileMode)"/>: it only finds the volume; the stream's reads and writes are the I/O.</remarks>
    public Stream OpenVolume(VolumeId volumeId) => new VolumeStream(this, volumeId, FindVolume(_engine.World, volumeId).View.SizeInBytes, _engine.BlockSize);

    /// <summary>
    /// Opens the volume attached to a running instance as <paramref name="deviceName"/>, as the instance's guest sees the
    /// device (the library's own operation): I/O through it is I/O on that volume.
    /// </summary>
    /// <param name="instanceId">The running instance.</param>
    /// <param name="deviceName">The device name the volume is attached as, such as <c>/dev/xvda</c>.</param>
    /// <returns>The volume's stream, as <see cref="OpenVolume(VolumeId)"/> opens it.</returns>
    /// <exception cref="EbsException">
    /// <c>InvalidInstanceID.NotFound</c>, <c>InvalidInstanceID.Malformed</c>; <c>IncorrectInstanceState</c> when the instance is not
    /// running; <c>InvalidParameterValue</c> when no volume is attached to it as <paramref name="deviceName"/> (attaching or
    /// detaching volumes are not usable by the guest).
    /// </exception>
    /// <remarks>
    /// Synchronous like <see cref="OpenVolume(VolumeId)"/>: it sees attachments as the last call left them, so an attachment
    /// that completed since then counts once any call (or <see cref="EbsCloud.ApplyDueWorkAsync"/>) has applied it.
    /// </remarks>
    public Stream OpenVolume(InstanceId instanceId, string deviceName)
    {
        var world = _engine.World;
        var instance = FindInstance(world, instanceId);
        if (instance.StateAt(_engine.Time.GetUtcNow()) != InstanceStateName.Running)
        {
            throw new EbsException(EbsErrorCodes.IncorrectInstanceState, $"The instance '{instanceId}' is not in the 'running' state.", instanceId.Value);
        }

        var volume = Instances.VolumesOf(world, instanceId).FirstOrDefault(v => v.View.Attachments[0] is { State: VolumeAttachmentState.Attached } a && a.Device == deviceName)
            ?? throw new EbsException(EbsErrorCodes.InvalidParameterValue, $"No volume is attached to instance '{instanceId}' as '{deviceName}'.", instanceId.Value);
        return OpenVolume(volume.Id);
    }

    /// <summary>How many blocks of one write are stored at once; smaller writes store them in turn.</summary>
    private static int StoreParallelism => Math.Max(8, Environment.ProcessorCount);

    private static void CheckRange(VolumeRecord volume, long offset, int length)
    {
        if (offset < 0 || length > volume.View.SizeInBytes - offset)
        {
            throw new EbsException(EbsErrorCodes.InvalidParameterValue, $"The range [{offset}, {offset + length}) is outside volume {volume.Id} of {volume.View.SizeInBytes} bytes.", volume.Id.Value);
        }
    }

    /// <summary>Reads a range of a volume (<see cref="BlockRangeReader"/>).</summary>
    private async ValueTask ReadVolumeCoreAsync(VolumeId volumeId, long offset, Memory<byte> destination, CancellationToken cancellationToken)
        => await _engine.ReadAsync(async world =>
        {
            var volume = FindVolume(world, volumeId);
            var scope = ScopeOf(world, volume);
            await BlockRangeReader.ReadAsync(_engine.Chunks, scope, _engine.BlockSize, block => ChunkAt(volume, scope, block), $"volume {volume.Id}", offset, destination, cancellationToken).ConfigureAwait(false);
            return true;
        }).ConfigureAwait(false);

    /// <summary>The chunk a volume's block holds (<see langword="null"/>: zeros), counting the first read of a block its source snapshot holds as a cold read.</summary>
    private ChunkId? ChunkAt(VolumeRecord volume, ChunkScope scope, long block)
    {
        var chunk = volume.Dirty.TryGetValue(block, out var written) ? written : _engine.Map.Lookup(_engine.Graph, volume.BaseRoot, block);
        if (volume.LazyLoad is { } lazy && !volume.Dirty.ContainsKey(block) && !lazy.IsLoaded(block)
            && IsSourceBlock(_engine.Graph, lazy, block) && lazy.Read(block))
        {
            EbsTelemetry.ColdReads.Add(1, scope.Tags);
        }

        return chunk;
    }

    /// <summary>
    /// Stores <paramref name="writes"/> in one commit. A block written with the bytes it holds is
    /// still written, as in AWS: it joins the write-back set, so the next snapshot lists it as
    /// changed (ListChangedBlocks) though it stores no new chunk and copies nothing (see
    /// <see cref="SnapshotLineage.ChangedBlocks"/>). With <paramref name="onlyChanges"/> (an import,
    /// which compares the image with the volume), such a block is not a write at all and one
    /// changed back to its base bytes leaves the set. Zeros written where the volume holds nothing
    /// stay a hole either way. <paramref name="importing"/> says the volume is an unfinished import,
    /// which only its importer may write. With <paramref name="committedBefore"/> (an import's
    /// previous batch), the blocks are hashed and stored at once but committed only after it,
    /// and not at all if it failed.
    /// </summary>
    private async ValueTask WriteVolumeCoreAsync(VolumeId volumeId, IReadOnlyList<VolumeWrite> writes, bool importing, bool onlyChanges, Task? committedBefore, CancellationToken cancellationToken)
    {
        // Split the ranges into the blocks they cover whole and the blocks they touch in part
        // (a block shared by two adjacent ranges gets both parts).
        var blockSize = _engine.BlockSize;
        var scope = ScopeOf(_engine.World, importing ? FindImport(_engine.World, volumeId) : FindVolume(_engine.World, volumeId));
        var whole = new List<(long Block, ReadOnlyMemory<byte> Bytes)>();
        var partial = new List<(long Block, List<(int Within, ReadOnlyMemory<byte> Bytes)> Parts)>();
        foreach (var (offset, data) in writes)
        {
            for (var block = offset / blockSize; data.Length > 0 && block <= (offset + data.Length - 1) / blockSize; block++)
            {
                var start = block * blockSize;
                var from = Math.Max(start, offset);
                var to = Math.Min(start + blockSize, offset + data.Length);
                var bytes = data.Slice((int)(from - offset), (int)(to - from));
                if (bytes.Length == blockSize)
                {
                    whole.Add((block, bytes));
                }
                else if (partial.Count > 0 && partial[^1].Block == block)
                {
                    partial[^1].Parts.Add(((int)(from - start), bytes));
                }
                else
                {
                    partial.Add((block, [((int)(from - start), bytes)]));
                }
            }
        }

        // Whole blocks are hashed and stored before the writer lock, concurrently: hashing uses
        // every core, and a durable store's writes overlap instead of queueing one behind the other.
        // All-zero blocks are not stored (null): where the volume holds nothing they change nothing.
        // A block that hashes to the chunk its volume holds (most of an image imported again) is
        // confirmed by reading that chunk back in batches, without looking its id up.
        var primary = HashWhole(whole, scope);
        var held = await HeldAsync(volumeId, importing, whole, primary).ConfigureAwait(false);
        var confirmed = new bool[held.Length];
        await ChunkWriter.ConfirmAsync(_engine.Chunks, scope, [.. held.Select(k => whole[k].Bytes)], [.. held.Select(k => primary[k]!.Value)], _engine.Options.VerifyDedupHits, confirmed, cancellationToken).ConfigureAwait(false);
        var settled = new bool[whole.Count];
        for (var i = 0; i < held.Length; i++)
        {
            settled[held[i]] = confirmed[i];
        }

        var changes = new (long Block, ChunkId? Chunk)[whole.Count + partial.Count];
        for (var k = 0; k < whole.Count; k++)
        {
            changes[k] = (whole[k].Block, primary[k]);
        }

        List<int> rest = [.. Enumerable.Range(0, whole.Count).Where(k => primary[k] is not null && !settled[k])];
        var stored = new bool[whole.Count];
        async ValueTask StoreWholeAsync(int i, CancellationToken token)
        {
            var k = rest[i];
            var (id, isNew) = await ChunkWriter.StoreAsync(_engine.Chunks, scope, whole[k].Bytes, primary[k]!.Value, _engine.Options.VerifyDedupHits, token).ConfigureAwait(false);
            changes[k] = (whole[k].Block, id);
            stored[k] = isNew;
        }

        try
        {
            if (rest.Count < StoreParallelism)
            {
                for (var i = 0; i < rest.Count; i++)
                {
                    await StoreWholeAsync(i, cancellationToken).ConfigureAwait(false);
                }
            }
            else
            {
                await Parallel.ForAsync(0, rest.Count, new ParallelOptions { MaxDegreeOfParallelism = StoreParallelism, CancellationToken = cancellationToken }, StoreWholeAsync).ConfigureAwait(false);
            }
        }
        catch
        {
            // A failed or cancelled write leaves nothing behind: not even the blocks it stored.
            await _engine.DiscardAsync(Enumerable.Range(0, whole.Count).Where(k => stored[k]).Select(k => changes[k].Chunk!.Value)).ConfigureAwait(false);
            throw;
        }

        var staged = new Dictionary<ChunkId, ReadOnlyMemory<byte>>(whole.Count);
        for (var k = 0; k < whole.Count; k++)
        {
            if (changes[k].Chunk is { } id)
            {
                staged.TryAdd(id, ChunkWriter.StoredForm(scope, id, whole[k].Bytes));
            }
        }

        if (committedBefore is not null)
        {
            try
            {
                await committedBefore.ConfigureAwait(false);
            }
            catch
            {
                // The write before this one failed: this one must not land after the gap it left.
                await _engine.DiscardAsync(Enumerable.Range(0, whole.Count).Where(k => stored[k]).Select(k => changes[k].Chunk!.Value)).ConfigureAwait(false);
                throw;
            }
        }

        var (lazy, overwritten) = await _engine.CommitAsync(nameof(WriteVolumeAsync), async m =>
        {
            var volume = importing ? FindImport(m.World, volumeId) : FindVolume(m.World, volumeId);
            ScopeOf(m.World, volume); // its key may have been disabled meanwhile

            // A block written in part is merged under the writer lock, so two writes to
            // different parts of one block cannot both start from its old bytes.
            for (var k = 0; k < partial.Count; k++)
            {
                changes[whole.Count + k] = (partial[k].Block, await MergeBlockAsync(m, volume, scope, partial[k].Block, partial[k].Parts, cancellationToken).ConfigureAwait(false));
            }

            var dirty = volume.Dirty.ToBuilder();
            var edits = new List<(long Block, ChunkId? Chunk)>();
            ChunkId? zeros = null;
            foreach (var (block, chunk) in changes)
            {
                var based = _engine.Map.Lookup(m.Refs, volume.BaseRoot, block);
                var wanted = chunk ?? (based is null ? null : zeros ??= await StoreLockedAsync(m, scope, new byte[blockSize], cancellationToken).ConfigureAwait(false));
                var held = dirty.TryGetValue(block, out var written) ? written : (ChunkId?)null;

                if (wanted == held || (onlyChanges && wanted == (held ?? based)))
                {
                    continue;
                }

                if (held is { } previous)
                {
                    m.Refs.Release(previous);
                }

                if (wanted is { } chunkWanted && !(onlyChanges && wanted == based))
                {
                    m.Refs.AddRef(chunkWanted);
                    dirty[block] = chunkWanted;
                    edits.Add((block, wanted));
                }
                else
                {
                    dirty.Remove(block);
                    edits.Add((block, null));
                }
            }

            if (edits.Count > 0)
            {
                m.SetBlocks(volumeId, edits);
                m.SetVolume(volume with { Dirty = dirty.ToImmutable() });
            }

            // A block the source snapshot never held has nothing to load: writing it is no progress.
            var source = volume.LazyLoad;
            long[] loaded = source is null ? [] : [.. changes.Select(c => c.Block).Where(block => IsSourceBlock(m.Refs, source, block))];
            return (source, loaded);
        }, staged, cancellationToken).ConfigureAwait(false);

        foreach (var block in overwritten)
        {
            lazy!.Overwritten(block);
        }
    }

    /// <summary>The primary id of every whole block, <see langword="null"/> for an all-zero one: on every core when there are many.</summary>
    private ChunkId?[] HashWhole(List<(long Block, ReadOnlyMemory<byte> Bytes)> whole, ChunkScope scope)
    {
        var ids = new ChunkId?[whole.Count];
        void Hash(int k)
        {
            var bytes = whole[k].Bytes.Span;
            ids[k] = bytes.ContainsAnyExcept((byte)0) ? scope.Hash(bytes) : null;
        }

        if (whole.Count < StoreParallelism)
        {
            for (var k = 0; k < whole.Count; k++)
            {
                Hash(k);
            }
        }
        else
        {
            Parallel.For(0, whole.Count, new ParallelOptions { MaxDegreeOfParallelism = Environment.ProcessorCount }, Hash);
        }

        return ids;
    }

    /// <summary>The whole blocks whose primary id is the chunk the volume holds at their index now (written back, else in its base map).</summary>
    private ValueTask<int[]> HeldAsync(VolumeId volumeId, bool importing, List<(long Block, ReadOnlyMemory<byte> Bytes)> whole, ChunkId?[] primary)
        => _engine.ReadAsync(world =>
        {
            var volume = importing ? FindImport(world, volumeId) : FindVolume(world, volumeId);
            var held = new List<int>();
            for (var k = 0; k < whole.Count; k++)
            {
                if (primary[k] is { } id
                    && (volume.Dirty.TryGetValue(whole[k].Block, out var written) ? written : _engine.Map.Lookup(_engine.Graph, volume.BaseRoot, whole[k].Block)) == id)
                {
                    held.Add(k);
                }
            }

            return ValueTask.FromResult(held.ToArray());
        });

    private bool IsSourceBlock(INodeSource nodes, LazyLoad lazy, long block) => _engine.Map.Lookup(nodes, lazy.SourceRoot, block) is not null;

    /// <summary>Stores one block: its current bytes with <paramref name="parts"/> written over them; <see langword="null"/> (nothing stored) when they are all zeros.</summary>
    private async ValueTask<ChunkId?> MergeBlockAsync(Mutation m, VolumeRecord volume, ChunkScope scope, long block, List<(int Within, ReadOnlyMemory<byte> Bytes)> parts, CancellationToken cancellationToken)
    {
        var blockSize = _engine.BlockSize;
        var buffer = ArrayPool<byte>.Shared.Rent(blockSize);
        try
        {
            await _engine.ReadAsync(async _ =>
            {
                await BlockRangeReader.ReadAsync(_engine.Chunks, scope, blockSize, b => ChunkAt(volume, scope, b), $"volume {volume.Id}", block * blockSize, buffer.AsMemory(0, blockSize), cancellationToken).ConfigureAwait(false);
                return true;
            }).ConfigureAwait(false);
            foreach (var (within, bytes) in parts)
            {
                bytes.Span.CopyTo(buffer.AsSpan(within));
            }

            return buffer.AsSpan(0, blockSize).ContainsAnyExcept((byte)0)
                ? await StoreLockedAsync(m, scope, buffer.AsMemory(0, blockSize), cancellationToken).ConfigureAwait(false)
                : null;
        }
        finally
        {
            ArrayPool<byte>.Shared.Return(buffer);
        }
    }

    /// <summary>Stores a block while holding the writer lock, so no concurrent commit can free it before this one references it.</summary>
    private async ValueTask<ChunkId> StoreLockedAsync(Mutation m, ChunkScope scope, ReadOnlyMemory<byte> block, CancellationToken cancellationToken)
    {
        var (id, stored) = await ChunkWriter.StoreAsync(_engine.Chunks, scope, block, _engine.Options.VerifyDedupHits, cancellationToken).ConfigureAwait(false);
        if (stored)
        {
            m.StoredChunks.Add(id);
        }

        return id;
    }
}
