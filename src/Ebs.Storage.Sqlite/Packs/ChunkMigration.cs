using Ebs.Core.Chunks;

namespace Ebs.Storage.Sqlite.Packs;

/// <summary>
/// Moves the chunk files of the first layout (one file per chunk) into packs, in batches: each
/// batch's records are appended and flushed, their locations committed, and only then are its
/// files deleted. An interrupted migration resumes on the next open: a file whose chunk already
/// has a location is deleted, the others are moved. A file that fails its own check stays
/// where it is, still read (and reported by fsck) through the first layout's store.
/// </summary>
internal static class ChunkMigration
{
    /// <summary>The bytes of chunk files moved per commit, as many as an import commits at once.</summary>
    private const long BatchBytes = 16L << 20;

    /// <returns>The number of chunk files left in the first layout (damaged ones).</returns>
    public static async ValueTask<int> RunAsync(FileChunkStore files, PackChunkStore packs, SqliteStateStore state, string chunkRoot, int blockSize, CancellationToken cancellationToken)
    {
        var batch = new List<string>();
        long bytes = 0;
        var left = 0;
        foreach (var path in FileChunkStore.FilesUnder(chunkRoot).ToList())
        {
            cancellationToken.ThrowIfCancellationRequested();
            if (!ChunkId.TryParse(Path.GetFileNameWithoutExtension(path), out var id) || files.PathOf(id) != path)
            {
                continue; // not where the first layout keeps a chunk: not this store's
            }

            if (packs.Locate(id) is not null)
            {
                File.Delete(path); // moved before an interruption
                continue;
            }

            var content = await ChunkFile.ReadAllAsync(path, cancellationToken).ConfigureAwait(false);
            var length = ChunkFile.TryGetData(content, blockSize, out _) is null ? blockSize
                : ChunkFile.TryGetData(content, blockSize + ChunkFormat.SealedOverhead, out _) is null ? blockSize + ChunkFormat.SealedOverhead
                : -1;
            if (length < 0)
            {
                left++;
                continue;
            }

            _ = ChunkFile.TryGetData(content, length, out var data);
            await packs.AddAsync(id, data.ToArray(), cancellationToken).ConfigureAwait(false);
            batch.Add(path);
            bytes += length;
            if (bytes >= BatchBytes)
            {
                await CommitAsync(packs, state, batch).ConfigureAwait(false);
                bytes = 0;
            }
        }

        await CommitAsync(packs, state, batch).ConfigureAwait(false);
        if (left == 0)
        {
            RemoveEmptyFolders(chunkRoot);
        }

        return left;
    }

    /// <summary>Makes a batch durable in packs, records its locations, then deletes its files.</summary>
    private static async ValueTask CommitAsync(PackChunkStore packs, SqliteStateStore state, List<string> batch)
    {
        if (batch.Count == 0)
        {
            return;
        }

        await packs.FlushAsync().ConfigureAwait(false);
        state.CommitLocations(_ => { });
        foreach (var path in batch)
        {
            File.Delete(path);
        }

        batch.Clear();
    }

    /// <summary>Removes the first layout's emptied shard folders and its temporary folder.</summary>
    private static void RemoveEmptyFolders(string chunkRoot)
    {
        foreach (var outer in Directory.EnumerateDirectories(chunkRoot).Where(d => Path.GetFileName(d) is { Length: 2 } || Path.GetFileName(d) == FileChunkStore.TempFolderName).ToList())
        {
            foreach (var shard in Directory.EnumerateDirectories(outer).Where(d => Path.GetFileName(d).Length == 2 && !Directory.EnumerateFileSystemEntries(d).Any()).ToList())
            {
                Directory.Delete(shard);
            }

            if (!Directory.EnumerateFileSystemEntries(outer).Any())
            {
                Directory.Delete(outer);
            }
        }
    }
}
