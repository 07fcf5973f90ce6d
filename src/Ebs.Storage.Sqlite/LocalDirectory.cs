using Ebs.Core;

namespace Ebs.Storage.Sqlite;

/// <summary>
/// A local directory that holds a whole cloud durably: <c>state.db</c> (SQLite) for the
/// state, <c>chunks/</c> for the block bytes, and <c>ebs.lock</c> while a process has it open.
/// </summary>
public static class LocalDirectory
{
    /// <summary>The state file's name inside the directory.</summary>
    public const string StateFileName = "state.db";

    /// <summary>The chunk folder's name inside the directory.</summary>
    public const string ChunkFolderName = "chunks";

    /// <summary>
    /// Opens the cloud stored in <paramref name="path"/> (creating an empty one if needed),
    /// restoring every volume, snapshot, block map and count. Dispose the cloud to release
    /// the directory.
    /// </summary>
    /// <param name="path">The directory.</param>
    /// <param name="options">The settings; the block size must match the one the directory was created with.</param>
    /// <param name="timeProvider">The clock; <see cref="TimeProvider.System"/> when <see langword="null"/>.</param>
    /// <param name="cancellationToken">A token to cancel the load.</param>
    /// <returns>The opened cloud.</returns>
    /// <exception cref="ArgumentNullException">An argument is <see langword="null"/>.</exception>
    /// <exception cref="IOException">Another process has the directory open.</exception>
    /// <exception cref="InvalidDataException">The directory has a newer format, or another block size.</exception>
    public static async ValueTask<EbsCloud> OpenAsync(string path, EbsOptions options, TimeProvider? timeProvider = null, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(path);
        ArgumentNullException.ThrowIfNull(options);
        var root = Path.GetFullPath(path);
        Directory.CreateDirectory(root);
        var lease = DirectoryLock.Acquire(root);
        SqliteStateStore state;
        FileChunkStore chunks;
        try
        {
            chunks = new FileChunkStore(Path.Combine(root, ChunkFolderName));
            state = SqliteStateStore.Open(Path.Combine(root, StateFileName), options.BlockSize, lease);
        }
        catch
        {
            lease.Dispose();
            throw;
        }

        return await EbsCloud.OpenAsync(options, chunks, state, timeProvider, cancellationToken).ConfigureAwait(false);
    }
}
