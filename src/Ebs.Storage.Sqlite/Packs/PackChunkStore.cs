using System.Buffers;
using System.Runtime.CompilerServices;
using Ebs.Core;
using Ebs.Core.Buffers;
using Ebs.Core.Chunks;
using Ebs.Core.Storage;
using Microsoft.Win32.SafeHandles;

namespace Ebs.Storage.Sqlite.Packs;

/// <summary>
/// Chunks appended as records to pack files of about <see cref="TargetPackSize"/> bytes, each
/// compressed when it shrinks, their locations kept in <c>state.db</c>. A put appends the
/// record and starts its write-back; <see cref="FlushAsync"/> flushes the packs written since
/// the last flush, after which the new locations wait for the state store's next commit, which
/// records them in the same transaction as the state that references them. A delete only
/// forgets the location (in the next commit): the record becomes dead space, which
/// <see cref="RepackAsync"/> reclaims.
/// </summary>
/// <remarks>
/// Chunk files of the first layout (one file per chunk) that could not be moved into packs
/// (damaged ones) are still read, reported and deleted through <see cref="Legacy"/>.
/// </remarks>
internal sealed partial class PackChunkStore : IChunkStore, IChunkJournal
{
    /// <summary>The folder, inside the chunk folder, of the packs.</summary>
    public const string FolderName = "packs";

    /// <summary>The bytes appended to a pack between two starts of their write-back: 1 MiB.</summary>
    private const long WriteBackBytes = 1 << 20;

    /// <summary>The size at which a pack is sealed and the next one started.</summary>
    public const long TargetPackSize = 32L << 20;

    /// <summary>
    /// A sealed pack whose live records take less than this share of its bytes is rewritten by
    /// <see cref="RepackAsync"/>: at 0.5 a repack copies at most as many bytes as it frees.
    /// </summary>
    public const double RepackThreshold = 0.5;

    private readonly string _folder;
    private readonly SqliteStateStore _state;
    private readonly int _blockSize;
    private FileChunkStore? _legacy;

    private readonly Lock _gate = new();
    private readonly Dictionary<ChunkId, PackLocation> _unflushed = [];
    private readonly Dictionary<ChunkId, PackLocation> _uncommitted = [];
    private readonly HashSet<ChunkId> _deleted = [];
    private readonly Dictionary<long, SafeFileHandle> _dirty = [];
    private (KeyValuePair<ChunkId, PackLocation>[] Located, ChunkId[] Deleted)? _writing;
    private bool _folderDirty;

    /// <summary>The most packs kept open for reading at once.</summary>
    private const int MaxReaders = 64;

    private readonly System.Collections.Concurrent.ConcurrentDictionary<long, SafeFileHandle> _readers = new();

    private readonly SemaphoreSlim _appending = new(1, 1);
    private readonly SemaphoreSlim _flushing = new(1, 1);
    private ActivePack? _active;
    private long _nextNumber;
    private (long Number, long End)? _continuable;
    private volatile Exception? _failure;
    private readonly long _targetPackSize;

    /// <summary>Opens the packs of <paramref name="chunkRoot"/>, whose locations <paramref name="state"/> records.</summary>
    /// <param name="chunkRoot">The chunk folder.</param>
    /// <param name="state">The state store that records the locations.</param>
    /// <param name="blockSize">The store's block size.</param>
    /// <param name="legacy">The first layout's chunk files, while any are left.</param>
    /// <param name="targetPackSize">The size at which a pack is sealed (smaller in tests, to make many packs).</param>
    public PackChunkStore(string chunkRoot, SqliteStateStore state, int blockSize, FileChunkStore? legacy, long targetPackSize = TargetPackSize)
    {
        _targetPackSize = targetPackSize;
        _folder = Path.Combine(chunkRoot, FolderName);
        _state = state;
        _blockSize = blockSize;
        _legacy = legacy;
        if (!Directory.Exists(_folder))
        {
            Directory.CreateDirectory(_folder);
            _ = FileSync.FlushDirectory(chunkRoot);
        }

        var numbers = Numbers(_folder).ToList();
        _nextNumber = numbers.Count == 0 ? 1 : numbers.Max() + 1;

        // The last pack is filled further when everything in it is committed: a longer file
        // holds a tail no location names (a write a crash interrupted), left for fsck.
        if (numbers.Count > 0)
        {
            var last = numbers.Max();
            using var file = File.OpenHandle(PathOf(last), FileMode.Open, FileAccess.Read, FileShare.ReadWrite | FileShare.Delete);
            var length = RandomAccess.GetLength(file);
            var end = CommittedEnd(last);
            if (length == end && length < targetPackSize && !IsSealedOrDamaged(file))
            {
                _continuable = (last, end);
            }
        }

        state.Journal = this;
    }

    /// <summary>Gets or sets the store of first-layout chunk files still read beside the packs (<see langword="null"/> once none is left).</summary>
    public FileChunkStore? Legacy
    {
        get => _legacy;
        set => _legacy = value;
    }

    /// <summary>Lists the pack numbers in a pack folder.</summary>
    public static IEnumerable<long> Numbers(string folder)
        => Directory.Exists(folder)
            ? Directory.EnumerateFiles(folder, "*" + PackFile.Extension).Select(p => PackFile.TryParseName(p, out var n) ? n : -1).Where(n => n > 0)
            : [];

    /// <summary>Gets the file of pack <paramref name="number"/>.</summary>
    public string PathOf(long number) => Path.Combine(_folder, PackFile.NameOf(number));

    /// <inheritdoc />
    public async ValueTask PutAsync(ChunkId id, ReadOnlyMemory<byte> data, CancellationToken cancellationToken = default)
    {
        ThrowIfFailed();
        lock (_gate)
        {
            // A chunk deleted since the last commit is still in its pack: taking the deletion back keeps it.
            if (_deleted.Remove(id) || _unflushed.ContainsKey(id) || _uncommitted.ContainsKey(id))
            {
                return;
            }
        }

        if (await ContainsAsync(id, cancellationToken).ConfigureAwait(false))
        {
            return;
        }

        await AddAsync(id, data, cancellationToken).ConfigureAwait(false);
    }

    /// <inheritdoc />
    /// <remarks>The new record's location replaces the damaged one's in the next commit.</remarks>
    public ValueTask RepairAsync(ChunkId id, ReadOnlyMemory<byte> data, CancellationToken cancellationToken = default)
    {
        ThrowIfFailed();
        return AddAsync(id, data, cancellationToken);
    }

    /// <summary>Appends a chunk's record whether or not the chunk is stored: its location replaces any other in the next commit.</summary>
    internal async ValueTask AddAsync(ChunkId id, ReadOnlyMemory<byte> data, CancellationToken cancellationToken)
    {
        var record = ChunkCodec.Encode(id, data.Span, _blockSize);
        var location = await AppendAsync(id, record, data.Length, cancellationToken).ConfigureAwait(false);
        lock (_gate)
        {
            _unflushed[id] = location; // a concurrent put of the same chunk leaves one record dead
            _uncommitted.Remove(id);
            _deleted.Remove(id);
        }
    }

    /// <summary>Appends a record to the pack being filled, starting the next pack when it is full.</summary>
    internal async ValueTask<PackLocation> AppendAsync(ChunkId id, byte[] record, int chunkLength, CancellationToken cancellationToken)
    {
        await _appending.WaitAsync(cancellationToken).ConfigureAwait(false);
        try
        {
            ThrowIfFailed();
            if (_active is null || (_active.End + record.Length > _targetPackSize && _active.End > PackFile.HeaderSize))
            {
                Roll();
            }

            var pack = _active!;
            try
            {
                // Synchronous: the write lands in the page cache, and a hop to another thread would cost more.
                RandomAccess.Write(pack.Handle, record, pack.End);
            }
            catch (Exception e) when (e is IOException or UnauthorizedAccessException)
            {
                // A full disk, say: cut the partial record off, or refuse further writes when even that fails.
                try
                {
                    RandomAccess.SetLength(pack.Handle, pack.End);
                }
                catch (IOException)
                {
                    _failure = e;
                }

                throw;
            }

            var location = new PackLocation(pack.Number, pack.End, record.Length, chunkLength);
            pack.Appended?.Add(new(id, pack.End, record.Length, chunkLength));
            pack.End += record.Length;
            if (pack.End - pack.WrittenBack >= WriteBackBytes)
            {
                // Started early, the write-back leaves the flush before the next commit little to wait for.
                FileSync.StartWriteBack(pack.Handle, pack.WrittenBack, pack.End - pack.WrittenBack);
                pack.WrittenBack = pack.End;
            }

            lock (_gate)
            {
                _dirty[pack.Number] = pack.Handle;
            }

            return location;
        }
        finally
        {
            _appending.Release();
        }
    }

    /// <summary>Seals the pack being filled and starts the next; the caller holds the append lock.</summary>
    private void Roll()
    {
        if (_active is { } full)
        {
            Seal(full);
            lock (_gate)
            {
                _dirty[full.Number] = full.Handle; // its index must be flushed, then its file closed
            }

            _active = null;
        }

        if (_active is null && _continuable is { } last)
        {
            _continuable = null;
            _active = new ActivePack(last.Number, File.OpenHandle(PathOf(last.Number), FileMode.Open, FileAccess.ReadWrite, FileShare.Read | FileShare.Delete), last.End, appended: null);
            return;
        }

        var number = _nextNumber++;
        var handle = File.OpenHandle(PathOf(number), FileMode.CreateNew, FileAccess.ReadWrite, FileShare.Read | FileShare.Delete);
        RandomAccess.Write(handle, PackFile.Header(number), 0);
        _active = new ActivePack(number, handle, PackFile.HeaderSize, appended: []);
        lock (_gate)
        {
            _folderDirty = true;
            _dirty[number] = handle;
        }
    }

    /// <summary>
    /// Appends the index of a full pack's records: those this store appended, or for a pack it
    /// continued (whose earlier records another session wrote) those a scan reads back; a pack
    /// that does not scan whole stays unsealed, for fsck to report.
    /// </summary>
    private static void Seal(ActivePack pack)
    {
        var records = pack.Appended ?? (PackFile.Scan(pack.Handle, pack.End) is { Problem: null } scan ? scan.Records : null);
        if (records is not null)
        {
            RandomAccess.Write(pack.Handle, PackFile.Index(records, pack.End), pack.End);
        }
    }

    /// <inheritdoc />
    /// <exception cref="IOException">
    /// A pack could not be flushed. A failed flush cannot be retried safely (the system may have
    /// reported and forgotten the lost write), so the store then refuses every put and flush
    /// until the folder is opened again.
    /// </exception>
    public async ValueTask FlushAsync(CancellationToken cancellationToken = default)
    {
        await _flushing.WaitAsync(cancellationToken).ConfigureAwait(false);
        try
        {
            ThrowIfFailed();
            KeyValuePair<ChunkId, PackLocation>[] pending;
            lock (_gate)
            {
                // Taken before the packs: a record listed here was written, and its pack marked, before.
                pending = [.. _unflushed];
            }

            await FlushPacksAsync().ConfigureAwait(false);
            lock (_gate)
            {
                foreach (var (id, location) in pending)
                {
                    if (_unflushed.TryGetValue(id, out var current) && current == location)
                    {
                        _unflushed.Remove(id);
                        _uncommitted[id] = location;
                    }
                }
            }
        }
        finally
        {
            _flushing.Release();
        }
    }

    /// <summary>Flushes every pack written since the last flush, and the pack folder when a pack is new; the caller holds the flush lock.</summary>
    private async ValueTask FlushPacksAsync()
    {
        KeyValuePair<long, SafeFileHandle>[] dirty;
        bool folder;
        lock (_gate)
        {
            dirty = [.. _dirty];
            folder = _folderDirty;
            _dirty.Clear();
            _folderDirty = false;
        }

        try
        {
            foreach (var (_, handle) in dirty)
            {
                RandomAccess.FlushToDisk(handle);
            }

            if (folder)
            {
                _ = FileSync.FlushDirectory(_folder);
            }
        }
        catch (Exception e)
        {
            _failure = e;
            throw;
        }

        // Packs sealed since are written no more: close them, unless a seal listed them again meanwhile.
        await _appending.WaitAsync().ConfigureAwait(false);
        try
        {
            lock (_gate)
            {
                foreach (var (number, handle) in dirty)
                {
                    if (_active?.Number != number && !_dirty.ContainsKey(number))
                    {
                        handle.Dispose();
                    }
                }
            }
        }
        finally
        {
            _appending.Release();
        }
    }

    /// <inheritdoc />
    /// <exception cref="EbsException"><c>InternalError</c> naming the chunk when its record is damaged or its pack is gone.</exception>
    public async ValueTask<bool> TryReadAsync(ChunkId id, Memory<byte> destination, CancellationToken cancellationToken = default)
    {
        for (var attempt = 0; ; attempt++)
        {
            if (Locate(id) is not { } location)
            {
                return _legacy is not null && await _legacy.TryReadAsync(id, destination, cancellationToken).ConfigureAwait(false);
            }

            byte[] record;
            try
            {
                record = await ReadRecordAsync(location, cancellationToken).ConfigureAwait(false);
            }
            catch (Exception e) when (e is FileNotFoundException or ObjectDisposedException && attempt == 0)
            {
                continue; // moved by a repack since it was located (its file closed, or gone)
            }
            catch (Exception e) when (e is FileNotFoundException or ObjectDisposedException)
            {
                throw Corrupt(id, $"its pack {PathOf(location.Pack)} is missing");
            }

            if (Problem(id, record, destination.Span) is { } problem)
            {
                throw Corrupt(id, problem);
            }

            return true;
        }
    }

    /// <inheritdoc />
    /// <remarks>
    /// The locations are looked up under one lock, the records read pack by pack in file order
    /// (neighbours in one read), then checked and decoded on every core. Chunks of a pack a
    /// repack removed meanwhile, and first-layout chunk files, are read one by one.
    /// </remarks>
    /// <exception cref="EbsException"><c>InternalError</c> naming a chunk whose record is damaged or whose pack is gone.</exception>
    public async ValueTask ReadManyAsync(ReadOnlyMemory<ChunkId> ids, Memory<byte> destination, Memory<bool> found, CancellationToken cancellationToken = default)
    {
        var count = ids.Length;
        if (found.Length != count || (count > 0 && destination.Length % count != 0))
        {
            throw new ArgumentException($"{destination.Length} bytes and {found.Length} flags do not fit {count} chunks.", nameof(destination));
        }

        if (count == 0)
        {
            return;
        }

        var length = destination.Length / count;
        var located = LocateMany(ids);
        List<int> order = [.. Enumerable.Range(0, count).Where(i => located[i] is not null)];
        order.Sort((a, b) => (located[a]!.Value.Pack, located[a]!.Value.Offset).CompareTo((located[b]!.Value.Pack, located[b]!.Value.Offset)));
        var one = Enumerable.Range(0, count).Where(i => located[i] is null).ToList();

        // Neighbouring records (at most a small gap apart) are read as one span of their pack.
        var spans = new List<(long Pack, long Offset, int Length, int Start)>();
        var at = new int[count];
        var spanOf = new int[count];
        var total = 0;
        foreach (var i in order)
        {
            var location = located[i]!.Value;
            if (spans.Count > 0 && spans[^1] is var last && last.Pack == location.Pack
                && location.Offset >= last.Offset + last.Length && location.Offset - (last.Offset + last.Length) <= MaxReadGap
                && location.End - last.Offset <= MaxReadSpan)
            {
                var grown = (int)(location.End - last.Offset);
                total += grown - last.Length;
                spans[^1] = last with { Length = grown };
            }
            else
            {
                spans.Add((location.Pack, location.Offset, location.Length, total));
                total += location.Length;
            }

            spanOf[i] = spans.Count - 1;
            at[i] = spans[^1].Start + (int)(location.Offset - spans[^1].Offset);
        }

        var buffer = LargeBufferPool.Shared.Rent(Math.Max(total, 1));
        try
        {
            var read = new int[spans.Count];
            for (var s = 0; s < spans.Count;)
            {
                var pack = spans[s].Pack;
                var first = s;
                try
                {
                    var (file, owned) = OpenForReading(pack);
                    try
                    {
                        for (; s < spans.Count && spans[s].Pack == pack; s++)
                        {
                            cancellationToken.ThrowIfCancellationRequested();
                            read[s] = ReadFully(file, buffer.GetSpan().Slice(spans[s].Start, spans[s].Length), spans[s].Offset);
                        }
                    }
                    finally
                    {
                        if (owned)
                        {
                            file.Dispose();
                        }
                    }
                }
                catch (Exception e) when (e is FileNotFoundException or ObjectDisposedException)
                {
                    // Moved by a repack since it was located: read those chunks as a single read does.
                    for (s = first; s < spans.Count && spans[s].Pack == pack; s++)
                    {
                        read[s] = -1;
                    }
                }
            }

            var problems = new string?[count];
            var ahead = new bool[count];
            var decode = (int k) =>
            {
                var i = order[k];
                var span = spans[spanOf[i]];
                if (read[spanOf[i]] < 0)
                {
                    ahead[i] = true;
                    return;
                }

                var available = Math.Max(0, Math.Min(located[i]!.Value.Length, span.Start + read[spanOf[i]] - at[i]));
                problems[i] = Problem(ids.Span[i], buffer.GetSpan().Slice(at[i], available), destination.Span.Slice(i * length, length));
            };
            if (order.Count < 8)
            {
                for (var k = 0; k < order.Count; k++)
                {
                    decode(k);
                }
            }
            else
            {
                Parallel.For(0, order.Count, new ParallelOptions { MaxDegreeOfParallelism = Environment.ProcessorCount, CancellationToken = cancellationToken }, decode);
            }

            foreach (var i in order)
            {
                if (problems[i] is { } problem)
                {
                    throw Corrupt(ids.Span[i], problem);
                }

                found.Span[i] = !ahead[i];
            }

            one.AddRange(order.Where(i => ahead[i]));
        }
        finally
        {
            LargeBufferPool.Shared.Return(buffer);
        }

        foreach (var i in one)
        {
            var stored = await TryReadAsync(ids.Span[i], destination.Slice(i * length, length), cancellationToken).ConfigureAwait(false);
            found.Span[i] = stored;
        }
    }

    /// <summary>The most bytes between two records that <see cref="ReadManyAsync"/> reads through to read them together.</summary>
    private const int MaxReadGap = 16 << 10;

    /// <summary>The most bytes <see cref="ReadManyAsync"/> reads of a pack at once.</summary>
    private const int MaxReadSpan = 4 << 20;

    /// <summary>Reads into <paramref name="buffer"/> from <paramref name="offset"/> until it is full or the file ends.</summary>
    /// <returns>The bytes read.</returns>
    private static int ReadFully(SafeFileHandle file, Span<byte> buffer, long offset)
    {
        var read = 0;
        while (read < buffer.Length)
        {
            var n = RandomAccess.Read(file, buffer[read..], offset + read);
            if (n == 0)
            {
                break;
            }

            read += n;
        }

        return read;
    }

    /// <summary>Where each chunk is, as <see cref="Locate"/> finds it, with one lock and one pass over the recorded locations.</summary>
    private PackLocation?[] LocateMany(ReadOnlyMemory<ChunkId> ids)
    {
        var located = new PackLocation?[ids.Length];
        var recorded = new List<int>();
        lock (_gate)
        {
            var span = ids.Span;
            for (var i = 0; i < span.Length; i++)
            {
                if (_unflushed.TryGetValue(span[i], out var pending) || _uncommitted.TryGetValue(span[i], out pending))
                {
                    located[i] = pending;
                }
                else if (!_deleted.Contains(span[i]))
                {
                    recorded.Add(i);
                }
            }
        }

        if (recorded.Count > 0)
        {
            _state.ReadLocations(t =>
            {
                foreach (var i in recorded)
                {
                    if (t.TryFind(ids.Span[i], out var location))
                    {
                        located[i] = location;
                    }
                }

                return true;
            });
        }

        return located;
    }

    /// <summary>Reads a record's bytes, as far as the pack holds them.</summary>
    internal ValueTask<byte[]> ReadRecordAsync(PackLocation location, CancellationToken cancellationToken)
    {
        cancellationToken.ThrowIfCancellationRequested();

        // Synchronous: a record is read from the page cache, and a hop to another thread would cost more.
        var (file, owned) = OpenForReading(location.Pack);
        try
        {
            var record = new byte[location.Length];
            var read = ReadFully(file, record, location.Offset);
            return ValueTask.FromResult(read < record.Length ? record[..read] : record);
        }
        finally
        {
            if (owned)
            {
                file.Dispose();
            }
        }
    }

    /// <summary>
    /// A pack's file opened for reading: one kept open for later reads (up to <see cref="MaxReaders"/>
    /// packs), or, when as many are kept, one the caller disposes (<c>Owned</c>).
    /// </summary>
    /// <exception cref="FileNotFoundException">The pack is gone (a repack removed it).</exception>
    private (SafeFileHandle File, bool Owned) OpenForReading(long pack)
    {
        if (_readers.TryGetValue(pack, out var kept))
        {
            return (kept, false);
        }

        var file = File.OpenHandle(PathOf(pack), FileMode.Open, FileAccess.Read, FileShare.ReadWrite | FileShare.Delete);
        if (_readers.Count < MaxReaders && _readers.TryAdd(pack, file))
        {
            return (file, false);
        }

        return (file, true);
    }

    /// <summary>Closes the file kept open for reading a pack that is being deleted, so that its space is freed.</summary>
    private void ForgetReader(long pack)
    {
        if (_readers.TryRemove(pack, out var file))
        {
            file.Dispose();
        }
    }

    /// <summary>Checks a record read for <paramref name="id"/> and decodes it into <paramref name="destination"/>.</summary>
    /// <returns><see langword="null"/> when intact; otherwise what is wrong.</returns>
    internal static string? Problem(ChunkId id, ReadOnlySpan<byte> record, Span<byte> destination)
    {
        if (PackFile.Check(record, out var info) is { } problem)
        {
            return problem;
        }

        return info.Id != id ? $"its record holds chunk {info.Id}" : ChunkCodec.Decode(record, info, destination);
    }

    private static EbsException Corrupt(ChunkId id, string problem)
        => new(EbsErrorCodes.InternalError, $"Chunk {id} is corrupt: {problem}.", id.ToString());

    /// <summary>Where a chunk is, in memory or recorded; <see langword="null"/> when it is not stored in a pack.</summary>
    internal PackLocation? Locate(ChunkId id)
    {
        lock (_gate)
        {
            if (_unflushed.TryGetValue(id, out var pending) || _uncommitted.TryGetValue(id, out pending))
            {
                return pending;
            }

            if (_deleted.Contains(id))
            {
                return null;
            }
        }

        return _state.ReadLocations(t => t.TryFind(id, out var location) ? location : (PackLocation?)null);
    }

    /// <inheritdoc />
    public async ValueTask<bool> ContainsAsync(ChunkId id, CancellationToken cancellationToken = default)
        => Locate(id) is not null || (_legacy is not null && await _legacy.ContainsAsync(id, cancellationToken).ConfigureAwait(false));

    /// <inheritdoc />
    public async ValueTask<bool> DeleteAsync(ChunkId id, CancellationToken cancellationToken = default)
    {
        bool found;
        lock (_gate)
        {
            found = _unflushed.Remove(id) | _uncommitted.Remove(id);
        }

        if (_state.ReadLocations(t => t.TryFind(id, out _)))
        {
            lock (_gate)
            {
                found |= _deleted.Add(id);
            }
        }

        if (_legacy is not null)
        {
            found |= await _legacy.DeleteAsync(id, cancellationToken).ConfigureAwait(false);
        }

        return found;
    }

    /// <inheritdoc />
    public async IAsyncEnumerable<ChunkId> EnumerateAsync([EnumeratorCancellation] CancellationToken cancellationToken = default)
    {
        var recorded = _state.ReadLocations(t => t.All());
        HashSet<ChunkId> listed;
        lock (_gate)
        {
            listed = [.. recorded.Select(r => r.Id).Where(id => !_deleted.Contains(id)), .. _uncommitted.Keys];
        }

        foreach (var id in listed)
        {
            cancellationToken.ThrowIfCancellationRequested();
            yield return id;
        }

        if (_legacy is not null)
        {
            await foreach (var id in _legacy.EnumerateAsync(cancellationToken).ConfigureAwait(false))
            {
                if (!listed.Contains(id))
                {
                    yield return id;
                }
            }
        }
    }

    /// <inheritdoc />
    void IChunkJournal.Write(ChunkLocationTable table)
    {
        _gate.Enter(); // released by Complete
        var located = _uncommitted.ToArray();
        var deleted = _deleted.Where(id => !_uncommitted.ContainsKey(id)).ToArray();
        _writing = (located, deleted);
        foreach (var (id, location) in located)
        {
            table.Upsert(id, location);
        }

        foreach (var id in deleted)
        {
            table.Delete(id);
        }
    }

    /// <inheritdoc />
    void IChunkJournal.Complete(bool committed)
    {
        try
        {
            if (committed && _writing is var (located, deleted))
            {
                foreach (var (id, location) in located)
                {
                    if (_uncommitted.TryGetValue(id, out var current) && current == location)
                    {
                        _uncommitted.Remove(id);
                    }
                }

                _deleted.ExceptWith(deleted);
            }
        }
        finally
        {
            _writing = null;
            _gate.Exit();
        }
    }

    /// <inheritdoc />
    /// <remarks>
    /// Records what is pending (flushed chunks no commit took yet become leaks for fsck, not
    /// unlisted dead space), then cuts the pack being filled back to its last recorded record,
    /// so that the next open fills it further.
    /// </remarks>
    void IChunkJournal.Close()
    {
        bool pending;
        lock (_gate)
        {
            pending = _uncommitted.Count + _deleted.Count > 0;
        }

        if (pending && _failure is null)
        {
            _state.CommitLocations(_ => { });
        }

        if (_active is { } active)
        {
            var end = CommittedEnd(active.Number);
            if (_failure is null && end < active.End)
            {
                RandomAccess.SetLength(active.Handle, end);
            }

            active.Handle.Dispose();
            _active = null;
        }

        lock (_gate)
        {
            foreach (var handle in _dirty.Values)
            {
                handle.Dispose();
            }

            _dirty.Clear();
        }

        foreach (var pack in _readers.Keys)
        {
            ForgetReader(pack);
        }
    }

    /// <summary>Where the last recorded record of a pack ends (its header's end when none is).</summary>
    private long CommittedEnd(long number) => _state.ReadLocations(t => t.EndOf(number)) ?? PackFile.HeaderSize;

    /// <summary>Tells whether a pack ends in an index, intact or damaged (which fsck reports): either way it is not filled further.</summary>
    private static bool IsSealedOrDamaged(SafeFileHandle file)
    {
        try
        {
            return PackFile.ReadIndex(file) is not null;
        }
        catch (InvalidDataException)
        {
            return true;
        }
    }

    private void ThrowIfFailed()
    {
        if (_failure is { } failure)
        {
            throw new IOException($"An earlier write or flush of the packs in '{_folder}' failed ({failure.Message}); open the store again to continue.", failure);
        }
    }

    /// <summary>The pack being filled: its number, its file, where the next record goes, and the records appended to it.</summary>
    private sealed class ActivePack(long number, SafeFileHandle handle, long end, List<PackFile.ScannedRecord>? appended)
    {
        public long Number { get; } = number;

        /// <summary>Gets every record in the pack, in order, when this store wrote all of them (<see langword="null"/> for a pack continued from an earlier session).</summary>
        public List<PackFile.ScannedRecord>? Appended { get; } = appended;

        public SafeFileHandle Handle { get; } = handle;

        public long End { get; set; } = end;

        /// <summary>Gets or sets where the bytes whose write-back has not been started yet begin.</summary>
        public long WrittenBack { get; set; } = end;
    }
}
