using Ebs.Core;

namespace Ebs.Storage.Sqlite;

/// <summary>
/// The entries of a store folder and which of them existed before an open, so that a failed
/// open of a folder that was not a store removes what it created and leaves the folder as it
/// was, and so that a path which cannot hold a store is refused before anything is created.
/// </summary>
internal sealed class StoreLayout
{
    private readonly string _root;
    private readonly HashSet<string> _existing;

    private StoreLayout(string root)
    {
        _root = root;
        _existing = new HashSet<string>(Entries(root).Where(Path.Exists), StringComparer.Ordinal);

        // The journal of a state that existed is never removed: a write-ahead log the failed
        // open could not checkpoint holds committed transactions.
        var state = Path.Combine(root, LocalDirectory.StateFileName);
        if (_existing.Contains(state))
        {
            _existing.UnionWith(JournalsOf(state));
        }
    }

    /// <summary>Checks that <paramref name="root"/> can hold a store and records what it holds now.</summary>
    /// <exception cref="EbsException">
    /// <see cref="LocalStoreErrorCodes.NotAStore"/> when the folder, its state or its chunk folder is the wrong kind of entry;
    /// <see cref="LocalStoreErrorCodes.InsideStore"/> when a new store would lie inside another.
    /// </exception>
    public static StoreLayout Check(string root)
    {
        var state = Path.Combine(root, LocalDirectory.StateFileName);
        var chunks = Path.Combine(root, LocalDirectory.ChunkFolderName);
        var wrong = File.Exists(root) ? $"'{root}' is a file"
            : Directory.Exists(state) ? $"its state '{state}' is a folder"
            : File.Exists(chunks) ? $"its chunk folder '{chunks}' is a file"
            : null;
        if (wrong is not null)
        {
            throw new EbsException(LocalStoreErrorCodes.NotAStore, $"'{root}' cannot be a store: {wrong}. Nothing was changed; choose another store folder.", root);
        }

        if (!File.Exists(state) && !Directory.Exists(chunks)
            && Ancestors(root).FirstOrDefault(IsStore) is { } outer)
        {
            throw new EbsException(LocalStoreErrorCodes.InsideStore, $"'{root}' lies inside the store '{outer}', which would take the new store's files for its own. Nothing was changed; choose a folder outside it.", root);
        }

        return new StoreLayout(root);
    }

    /// <summary>
    /// Removes, after a failed open, every entry that did not exist before it: the files first,
    /// then the folders if empty. The caller still holds <paramref name="lease"/>, so no other
    /// process can be using what is removed.
    /// </summary>
    public void RemoveCreated(DirectoryLock? lease)
    {
        foreach (var entry in Entries(_root).Where(e => !_existing.Contains(e)))
        {
            try
            {
                if (Path.GetFileName(entry) == DirectoryLock.FileName)
                {
                    lease?.DeleteFile();
                }
                else if (File.Exists(entry))
                {
                    File.Delete(entry);
                }
                else if (Directory.Exists(entry) && !Directory.EnumerateFileSystemEntries(entry).Any())
                {
                    Directory.Delete(entry);
                }
            }
            catch (Exception e) when (e is IOException or UnauthorizedAccessException)
            {
                // Left behind, empty; the open's own error is the one to report.
            }
        }
    }

    /// <summary>Every entry an open may create, files before the folders holding them.</summary>
    private static IEnumerable<string> Entries(string root)
    {
        var state = Path.Combine(root, LocalDirectory.StateFileName);
        var chunks = Path.Combine(root, LocalDirectory.ChunkFolderName);
        return [state, .. JournalsOf(state), Path.Combine(root, DirectoryLock.FileName), Path.Combine(chunks, FileChunkStore.TempFolderName), Path.Combine(chunks, Packs.PackChunkStore.FolderName), chunks, root];
    }

    private static string[] JournalsOf(string state) => [state + "-wal", state + "-shm", state + "-journal"];

    private static bool IsStore(string dir)
        => File.Exists(Path.Combine(dir, LocalDirectory.StateFileName)) && Directory.Exists(Path.Combine(dir, LocalDirectory.ChunkFolderName));

    private static IEnumerable<string> Ancestors(string root)
    {
        for (var dir = Path.GetDirectoryName(root); dir is not null; dir = Path.GetDirectoryName(dir))
        {
            yield return dir;
        }
    }
}
