using System.Buffers.Binary;
using System.IO.Hashing;
using System.Runtime.CompilerServices;
using Ebs.Core;
using Ebs.Core.Chunks;

namespace Ebs.Storage.Sqlite;

/// <summary>
/// Chunks as content-addressed files under sharded folders (<c>ab/cd/abcd….chunk</c>). A put
/// writes a temporary file, flushes it to disk and renames it into place, so a chunk file is
/// either complete or absent. Each file carries a checksum of its bytes, verified on every
/// read: a corrupt or truncated chunk fails with an error naming it.
/// </summary>
public sealed class FileChunkStore : IChunkStore
{
    private const uint Magic = 0x43534245; // "EBSC"
    private const int HeaderSize = 16;
    private const string Extension = ".chunk";

    private readonly string _root;
    private readonly string _temp;

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
        await using (var file = new FileStream(temp, FileMode.CreateNew, FileAccess.Write, FileShare.None, bufferSize: 0, FileOptions.Asynchronous))
        {
            await file.WriteAsync(header, cancellationToken).ConfigureAwait(false);
            await file.WriteAsync(data, cancellationToken).ConfigureAwait(false);
            file.Flush(flushToDisk: true);
        }

        Directory.CreateDirectory(Path.GetDirectoryName(path)!);
        try
        {
            File.Move(temp, path, overwrite: false);
        }
        catch (IOException) when (File.Exists(path))
        {
            File.Delete(temp); // another writer stored the same chunk first
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
