using System.Collections.Concurrent;
using System.Runtime.CompilerServices;
using Ebs.Core;
using Ebs.Core.Chunks;
using Ebs.Core.Storage;

namespace Ebs.Storage.Sqlite;

/// <summary>
/// Chunks as content-addressed files under sharded folders (<c>ab/cd/abcd….chunk</c>). A put
/// writes a temporary file and starts its write-back; <see cref="FlushAsync"/> waits for
/// every such file to reach the disk, renames it into place and flushes the folders naming
/// them: one wait per commit instead of one per chunk, and a file under a chunk's name is
/// always complete. Each file carries a checksum of its bytes, verified on every read: a
/// corrupt or truncated chunk fails with an error naming it.
/// </summary>
/// <remarks>
/// A chunk put but not yet flushed is visible to this store's readers (from its temporary
/// file) but not to <see cref="EnumerateAsync"/>; a crash discards it when the folder is
/// opened next.
/// </remarks>
public sealed class FileChunkStore : IChunkStore
{
    /// <summary>The folder, inside the chunk folder, of chunks put but not yet flushed.</summary>
    internal const string TempFolderName = "tmp";

    private const string Extension = ".chunk";
    private const int FlushParallelism = 8;
    private const int FileSystemFlushThreshold = 8;

    private readonly string _root;
    private readonly string _temp;

    // Chunks put since the last flush, by their temporary file; they stay listed until renamed.
    private readonly Lock _gate = new();
    private readonly Dictionary<ChunkId, string> _unflushed = [];

    // Folders with entries renamed into them that are not yet flushed: shard folders, their
    // parents and the root (a shard folder may be new).
    private readonly HashSet<string> _unflushedFolders = new(StringComparer.Ordinal);

    // Pending chunks that replace a damaged file rather than fill an empty name.
    private readonly HashSet<ChunkId> _replacing = [];
    private readonly SemaphoreSlim _flushing = new(1, 1);
    private volatile Exception? _failure;

    // Shard folders this store has flushed, or listed for the next flush, with their parents:
    // each is created and flushed for its own sake at most once. One removed from outside is
    // created again, with its parent flushed, when a rename misses it.
    private readonly ConcurrentDictionary<string, byte> _folders = new(StringComparer.Ordinal);

    /// <summary>Opens (or creates) a chunk folder.</summary>
    /// <param name="root">The folder holding the chunks.</param>
    /// <exception cref="ArgumentNullException"><paramref name="root"/> is <see langword="null"/>.</exception>
    public FileChunkStore(string root)
    {
        ArgumentNullException.ThrowIfNull(root);
        _root = Path.GetFullPath(root);
        _temp = Path.Combine(_root, TempFolderName);
        Directory.CreateDirectory(_temp);
        foreach (var leftover in Directory.EnumerateFiles(_temp))
        {
            File.Delete(leftover); // put but never flushed before a crash: nothing references it
        }
    }

    /// <inheritdoc />
    public async ValueTask PutAsync(ChunkId id, ReadOnlyMemory<byte> data, CancellationToken cancellationToken = default)
    {
        if (await ContainsAsync(id, cancellationToken).ConfigureAwait(false))
        {
            return;
        }

        var temp = await WriteTemporaryAsync(id, data, cancellationToken).ConfigureAwait(false);
        lock (_gate)
        {
            if (_unflushed.TryAdd(id, temp))
            {
                return;
            }
        }

        File.Delete(temp); // another writer put the same chunk meanwhile
    }

    /// <inheritdoc />
    /// <remarks>The damaged file is replaced, atomically, by the next <see cref="FlushAsync"/>.</remarks>
    public async ValueTask RepairAsync(ChunkId id, ReadOnlyMemory<byte> data, CancellationToken cancellationToken = default)
    {
        var temp = await WriteTemporaryAsync(id, data, cancellationToken).ConfigureAwait(false);
        string? replaced;
        lock (_gate)
        {
            _unflushed.Remove(id, out replaced);
            _unflushed[id] = temp;
            _replacing.Add(id);
        }

        if (replaced is not null)
        {
            File.Delete(replaced);
        }
    }

    /// <summary>Writes a chunk file under <c>tmp/</c>, bypassing the page cache where it can.</summary>
    private async ValueTask<string> WriteTemporaryAsync(ChunkId id, ReadOnlyMemory<byte> data, CancellationToken cancellationToken)
    {
        ThrowIfFailed();
        var temp = Path.Combine(_temp, $"{id}.{Guid.NewGuid():N}");
        await ChunkFile.CreateAsync(temp, data, cancellationToken).ConfigureAwait(false);
        return temp;
    }

    /// <inheritdoc />
    /// <exception cref="IOException">
    /// A file or folder could not be flushed. A failed flush cannot be retried safely (the
    /// system may have reported and forgotten the lost write), so the store then refuses
    /// every put and flush until the folder is opened again.
    /// </exception>
    public async ValueTask FlushAsync(CancellationToken cancellationToken = default)
    {
        await _flushing.WaitAsync(cancellationToken).ConfigureAwait(false);
        try
        {
            ThrowIfFailed();
            KeyValuePair<ChunkId, string>[] pending;
            lock (_gate)
            {
                if (_unflushed.Count == 0 && _unflushedFolders.Count == 0)
                {
                    return;
                }

                pending = [.. _unflushed];
            }

            try
            {
                await FlushPendingAsync(pending).ConfigureAwait(false);
            }
            catch (Exception e)
            {
                _failure = e;
                throw;
            }
        }
        finally
        {
            _flushing.Release();
        }
    }

    private async ValueTask FlushPendingAsync(KeyValuePair<ChunkId, string>[] pending)
    {
        // Many files: one flush of the whole file system beats one per file and folder.
        var wholeFileSystem = pending.Length >= FileSystemFlushThreshold && FileSync.TryFlushFileSystem(_root);
        if (!wholeFileSystem)
        {
            await Parallel.ForEachAsync(pending, new ParallelOptions { MaxDegreeOfParallelism = FlushParallelism }, (chunk, cancel) =>
            {
                _ = FileSync.FlushFile(chunk.Value); // false: deleted since it was put
                return ValueTask.CompletedTask;
            }).ConfigureAwait(false);
        }

        foreach (var (id, temp) in pending)
        {
            var path = PathOf(id);
            var folder = Path.GetDirectoryName(path)!;
            if (_folders.TryAdd(folder, 0))
            {
                Directory.CreateDirectory(folder);
                MarkFolderCreated(folder);
            }

            lock (_gate)
            {
                if (_unflushed.TryGetValue(id, out var current) && current == temp)
                {
                    MoveIntoPlace(temp, path, folder, overwrite: _replacing.Remove(id));
                    _unflushed.Remove(id);
                    _unflushedFolders.Add(folder);
                }
            }
        }

        string[] folders;
        lock (_gate)
        {
            folders = [.. _unflushedFolders];
        }

        if (!(wholeFileSystem && FileSync.TryFlushFileSystem(_root)))
        {
            foreach (var folder in folders)
            {
                _ = FileSync.FlushDirectory(folder); // false: removed from outside, nothing left to keep
            }
        }

        lock (_gate)
        {
            _unflushedFolders.ExceptWith(folders);
        }
    }

    /// <inheritdoc />
    /// <exception cref="EbsException"><c>InternalError</c> naming the chunk when its file is corrupt or truncated.</exception>
    public async ValueTask<bool> TryReadAsync(ChunkId id, Memory<byte> destination, CancellationToken cancellationToken = default)
    {
        byte[] bytes;
        try
        {
            bytes = await ChunkFile.ReadAllAsync(Locate(id), cancellationToken).ConfigureAwait(false);
        }
        catch (FileNotFoundException)
        {
            // Deleted, or renamed into place by a flush since it was located.
            try
            {
                bytes = await ChunkFile.ReadAllAsync(PathOf(id), cancellationToken).ConfigureAwait(false);
            }
            catch (Exception e) when (e is FileNotFoundException or DirectoryNotFoundException)
            {
                return false;
            }
        }
        catch (DirectoryNotFoundException)
        {
            return false;
        }

        var problem = ChunkFile.TryGetData(bytes, destination.Length, out var data);
        if (problem is not null)
        {
            throw new EbsException(EbsErrorCodes.InternalError, $"Chunk {id} is corrupt: {problem}.", id.ToString());
        }

        data.CopyTo(destination.Span);
        return true;
    }

    /// <inheritdoc />
    public ValueTask<bool> ContainsAsync(ChunkId id, CancellationToken cancellationToken = default)
    {
        lock (_gate)
        {
            if (_unflushed.ContainsKey(id))
            {
                return ValueTask.FromResult(true);
            }
        }

        var path = PathOf(id);
        if (!File.Exists(path))
        {
            return ValueTask.FromResult(false);
        }

        // Found on disk but not flushed by this store: an earlier process may have crashed
        // between renaming it into place and flushing its folder. The next flush makes sure.
        var folder = Path.GetDirectoryName(path)!;
        if (_folders.TryAdd(folder, 0))
        {
            lock (_gate)
            {
                _unflushedFolders.Add(folder);
            }

            MarkFolderCreated(folder);
        }

        return ValueTask.FromResult(true);
    }

    /// <inheritdoc />
    public ValueTask<bool> DeleteAsync(ChunkId id, CancellationToken cancellationToken = default)
    {
        var deleted = false;
        lock (_gate)
        {
            if (_unflushed.Remove(id, out var temp))
            {
                File.Delete(temp);
                deleted = true;
                if (!_replacing.Remove(id))
                {
                    return ValueTask.FromResult(true); // only the pending file existed
                }
            }
        }

        // A chunk in place, or the damaged file a pending repair was to replace.
        var path = PathOf(id);
        if (File.Exists(path))
        {
            File.Delete(path);
            deleted = true;
        }

        return ValueTask.FromResult(deleted);
    }

    /// <inheritdoc />
    public async IAsyncEnumerable<ChunkId> EnumerateAsync([EnumeratorCancellation] CancellationToken cancellationToken = default)
    {
        foreach (var path in FilesUnder(_root))
        {
            cancellationToken.ThrowIfCancellationRequested();
            // A file under another shard than its name's is not where reads and deletes look for it.
            if (ChunkId.TryParse(Path.GetFileNameWithoutExtension(path), out var id) && PathOf(id) == path)
            {
                yield return id;
            }
        }

        await Task.CompletedTask.ConfigureAwait(false);
    }

    /// <summary>
    /// Lists the chunk files under a chunk folder (not the temporary ones), touching nothing;
    /// none when it does not exist. Only files in shard folders (<c>ab/cd/*.chunk</c>) count:
    /// anything deeper (a store someone made inside this one) is not this store's, and a
    /// repair could not delete it under the name its id gives.
    /// </summary>
    internal static IEnumerable<string> FilesUnder(string root)
        => Directory.Exists(root)
            ? Directory.EnumerateDirectories(root).SelectMany(Directory.EnumerateDirectories).SelectMany(shard => Directory.EnumerateFiles(shard, "*" + Extension))
            : [];

    /// <summary>Gets the file that holds a chunk.</summary>
    /// <param name="id">The chunk id.</param>
    /// <returns>The full path.</returns>
    public string PathOf(ChunkId id)
    {
        var hex = id.ToString();
        return Path.Combine(_root, hex[..2], hex[2..4], hex + Extension);
    }

    private void ThrowIfFailed()
    {
        if (_failure is { } failure)
        {
            throw new IOException($"An earlier flush of the chunk folder '{_root}' failed ({failure.Message}); open it again to continue.", failure);
        }
    }

    /// <summary>A shard folder may be new: its entry in its parent, and the parent's in the root, must last too.</summary>
    private void MarkFolderCreated(string folder)
    {
        lock (_gate)
        {
            ListParentsOf(folder);
        }
    }

    /// <summary>Lists a shard folder's parent and the root for the next flush; the caller holds the lock.</summary>
    private void ListParentsOf(string folder)
    {
        _unflushedFolders.Add(Path.GetDirectoryName(folder)!);
        _unflushedFolders.Add(_root);
    }

    private string Locate(ChunkId id)
    {
        lock (_gate)
        {
            return _unflushed.TryGetValue(id, out var temp) ? temp : PathOf(id);
        }
    }

    /// <summary>Renames a flushed chunk file into place (over a damaged one when repairing); the caller holds the lock.</summary>
    private void MoveIntoPlace(string temp, string path, string folder, bool overwrite)
    {
        try
        {
            File.Move(temp, path, overwrite);
        }
        catch (DirectoryNotFoundException)
        {
            // The shard folder was removed from outside since this store saw it.
            Directory.CreateDirectory(folder);
            ListParentsOf(folder);
            File.Move(temp, path, overwrite);
        }
        catch (IOException) when (!overwrite && File.Exists(path))
        {
            File.Delete(temp); // the same chunk is already in place, complete
        }
    }
}
