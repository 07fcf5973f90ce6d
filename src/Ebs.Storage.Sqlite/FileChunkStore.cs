using System.Buffers.Binary;
using System.Collections.Concurrent;
using System.IO.Hashing;
using System.Runtime.CompilerServices;
using Ebs.Core;
using Ebs.Core.Chunks;

namespace Ebs.Storage.Sqlite;

/// <summary>
/// Chunks as content-addressed files under sharded folders (<c>ab/cd/abcd….chunk</c>). A put
/// writes a temporary file, starts its write-back and renames it into place, so a chunk file is
/// either complete or absent; <see cref="FlushAsync"/> then waits for every file put since the
/// last flush, and for the folders naming them, to reach the disk: one wait per commit instead
/// of one per chunk. Each file carries a checksum of its bytes, verified on every read: a
/// corrupt or truncated chunk fails with an error naming it.
/// </summary>
public sealed class FileChunkStore : IChunkStore
{
    private const uint Magic = 0x43534245; // "EBSC"
    private const int HeaderSize = 16;
    private const string Extension = ".chunk";
    private const int FlushParallelism = 8;

    private readonly string _root;
    private readonly string _temp;

    // Puts since the last flush: files, and the folders whose entries they added. A put renames
    // and records under the lock, so a chunk that is visible is either recorded or flushed.
    private readonly Lock _gate = new();
    private HashSet<string> _unflushedFiles = new(StringComparer.Ordinal);
    private HashSet<string> _unflushedFolders = new(StringComparer.Ordinal);
    private readonly SemaphoreSlim _flushing = new(1, 1);

    // Shard folders known to exist, so a put creates (and later flushes the parent of) each only once.
    private readonly ConcurrentDictionary<string, byte> _folders = new(StringComparer.Ordinal);

    /// <summary>Opens (or creates) a chunk folder.</summary>
    /// <param name="root">The folder holding the chunks.</param>
    /// <exception cref="ArgumentNullException"><paramref name="root"/> is <see langword="null"/>.</exception>
    public FileChunkStore(string root)
    {
        ArgumentNullException.ThrowIfNull(root);
        _root = Path.GetFullPath(root);
        _temp = Path.Combine(_root, "tmp");
        Directory.CreateDirectory(_temp);
        foreach (var leftover in Directory.EnumerateFiles(_temp))
        {
            File.Delete(leftover); // a put interrupted by a crash; its chunk was never referenced
        }
    }

    /// <inheritdoc />
    public async ValueTask PutAsync(ChunkId id, ReadOnlyMemory<byte> data, CancellationToken cancellationToken = default)
    {
        var path = PathOf(id);
        if (File.Exists(path))
        {
            return;
        }

        var header = new byte[HeaderSize];
        BinaryPrimitives.WriteUInt32LittleEndian(header, Magic);
        BinaryPrimitives.WriteInt32LittleEndian(header.AsSpan(4), data.Length);
        BinaryPrimitives.WriteUInt64LittleEndian(header.AsSpan(8), XxHash3.HashToUInt64(data.Span));
        var temp = Path.Combine(_temp, $"{id}.{Guid.NewGuid():N}");
        using (var file = File.OpenHandle(temp, FileMode.CreateNew, FileAccess.Write, FileShare.None, FileOptions.None, HeaderSize + data.Length))
        {
            await RandomAccess.WriteAsync(file, [header, data], 0, cancellationToken).ConfigureAwait(false);
            FileSync.StartWriteBack(file);
        }

        var folder = Path.GetDirectoryName(path)!;
        var newFolder = !_folders.ContainsKey(folder);
        if (newFolder)
        {
            Directory.CreateDirectory(folder);
            _folders.TryAdd(folder, 0);
        }

        lock (_gate)
        {
            try
            {
                File.Move(temp, path, overwrite: false);
            }
            catch (DirectoryNotFoundException)
            {
                // The shard folder was removed from outside since this store saw it.
                Directory.CreateDirectory(folder);
                File.Move(temp, path, overwrite: false);
                newFolder = true;
            }
            catch (IOException) when (File.Exists(path))
            {
                File.Delete(temp); // another writer stored the same chunk first, and recorded it
                return;
            }

            _unflushedFiles.Add(path);
            _unflushedFolders.Add(folder);
            if (newFolder)
            {
                // The shard folders may have just been created: their own entries must last too.
                _unflushedFolders.Add(Path.GetDirectoryName(folder)!);
                _unflushedFolders.Add(_root);
            }
        }
    }

    /// <inheritdoc />
    /// <exception cref="IOException">A file or folder could not be flushed; nothing flushed so far is forgotten.</exception>
    public async ValueTask FlushAsync(CancellationToken cancellationToken = default)
    {
        await _flushing.WaitAsync(cancellationToken).ConfigureAwait(false);
        HashSet<string> files, folders;
        lock (_gate)
        {
            (files, _unflushedFiles) = (_unflushedFiles, new(StringComparer.Ordinal));
            (folders, _unflushedFolders) = (_unflushedFolders, new(StringComparer.Ordinal));
        }

        try
        {
            await Parallel.ForEachAsync(files, new ParallelOptions { MaxDegreeOfParallelism = FlushParallelism }, (path, _) =>
            {
                FlushFile(path);
                return ValueTask.CompletedTask;
            }).ConfigureAwait(false);
            foreach (var folder in folders)
            {
                FileSync.FlushDirectory(folder);
            }
        }
        catch
        {
            lock (_gate)
            {
                _unflushedFiles.UnionWith(files);
                _unflushedFolders.UnionWith(folders);
            }

            throw;
        }
        finally
        {
            _flushing.Release();
        }
    }

    /// <inheritdoc />
    /// <exception cref="EbsException"><c>InternalError</c> naming the chunk when its file is corrupt or truncated.</exception>
    public async ValueTask<bool> TryReadAsync(ChunkId id, Memory<byte> destination, CancellationToken cancellationToken = default)
    {
        byte[] bytes;
        try
        {
            bytes = await File.ReadAllBytesAsync(PathOf(id), cancellationToken).ConfigureAwait(false);
        }
        catch (FileNotFoundException)
        {
            return false;
        }
        catch (DirectoryNotFoundException)
        {
            return false;
        }

        var problem = Check(bytes, destination.Length);
        if (problem is not null)
        {
            throw new EbsException(EbsErrorCodes.InternalError, $"Chunk {id} is corrupt: {problem}.", id.ToString());
        }

        bytes.AsSpan(HeaderSize).CopyTo(destination.Span);
        return true;
    }

    /// <inheritdoc />
    public ValueTask<bool> ContainsAsync(ChunkId id, CancellationToken cancellationToken = default)
        => ValueTask.FromResult(File.Exists(PathOf(id)));

    /// <inheritdoc />
    public ValueTask<bool> DeleteAsync(ChunkId id, CancellationToken cancellationToken = default)
    {
        var path = PathOf(id);
        if (!File.Exists(path))
        {
            return ValueTask.FromResult(false);
        }

        File.Delete(path);
        return ValueTask.FromResult(true);
    }

    /// <inheritdoc />
    public async IAsyncEnumerable<ChunkId> EnumerateAsync([EnumeratorCancellation] CancellationToken cancellationToken = default)
    {
        foreach (var path in Directory.EnumerateFiles(_root, "*" + Extension, SearchOption.AllDirectories))
        {
            cancellationToken.ThrowIfCancellationRequested();
            if (ChunkId.TryParse(Path.GetFileNameWithoutExtension(path), out var id))
            {
                yield return id;
            }
        }

        await Task.CompletedTask.ConfigureAwait(false);
    }

    /// <summary>Gets the file that holds a chunk.</summary>
    /// <param name="id">The chunk id.</param>
    /// <returns>The full path.</returns>
    public string PathOf(ChunkId id)
    {
        var hex = id.ToString();
        return Path.Combine(_root, hex[..2], hex[2..4], hex + Extension);
    }

    private static void FlushFile(string path)
    {
        try
        {
            using var file = File.OpenHandle(path, FileMode.Open, FileAccess.Read);
            RandomAccess.FlushToDisk(file);
        }
        catch (FileNotFoundException)
        {
            // Deleted since it was put: nothing references it.
        }
    }

    private static string? Check(byte[] bytes, int expectedLength)
    {
        if (bytes.Length < HeaderSize || BinaryPrimitives.ReadUInt32LittleEndian(bytes) != Magic)
        {
            return "the header is damaged";
        }

        var length = BinaryPrimitives.ReadInt32LittleEndian(bytes.AsSpan(4));
        if (length != bytes.Length - HeaderSize || length != expectedLength)
        {
            return $"it holds {bytes.Length - HeaderSize} bytes, expected {expectedLength}";
        }

        return XxHash3.HashToUInt64(bytes.AsSpan(HeaderSize)) == BinaryPrimitives.ReadUInt64LittleEndian(bytes.AsSpan(8))
            ? null
            : "its checksum does not match its bytes";
    }
}
