using System.Runtime.CompilerServices;
using Ebs.Core;
using Ebs.Storage.Sqlite.Packs;
using Microsoft.Extensions.Options;

namespace Ebs.Storage.Sqlite;

/// <summary>
/// A local directory that holds a whole cloud durably: <c>state.db</c> (SQLite) for the
/// state and the chunks' locations, <c>chunks/packs/</c> for the block bytes, and
/// <c>ebs.lock</c> while a process has it open.
/// A directory that cannot be opened safely (damaged state, chunks without their state, in
/// use, too new) is refused with an <see cref="EbsException"/> carrying one of
/// <see cref="LocalStoreErrorCodes"/>, and left as it was.
/// </summary>
public static class LocalDirectory
{
    /// <summary>The state file's name inside the directory.</summary>
    public const string StateFileName = "state.db";

    /// <summary>The chunk folder's name inside the directory.</summary>
    public const string ChunkFolderName = "chunks";

    // The packs of every cloud this class opened, for maintenance through the cloud.
    private static readonly ConditionalWeakTable<EbsCloud, PackChunkStore> Packs = [];

    /// <summary>
    /// Opens the cloud stored in <paramref name="path"/> (creating an empty one if there is
    /// none), restoring every volume, snapshot and block map (block-map nodes are read, and reference counts derived, by the first call that needs them). Dispose the cloud to
    /// release the directory.
    /// </summary>
    /// <param name="path">The directory.</param>
    /// <param name="options">The settings; the block size must match the one the directory was created with.</param>
    /// <param name="timeProvider">The clock; <see cref="TimeProvider.System"/> when <see langword="null"/>.</param>
    /// <param name="cancellationToken">A token to cancel the load.</param>
    /// <returns>The opened cloud.</returns>
    /// <exception cref="ArgumentNullException">An argument is <see langword="null"/>.</exception>
    /// <exception cref="OptionsValidationException">The options are not valid.</exception>
    /// <exception cref="EbsException">
    /// <see cref="LocalStoreErrorCodes.StoreDamaged"/> when the state cannot be read or a record decoded (a block-map node that
    /// cannot be decoded fails the call that reads it with <c>InternalError</c>, not the open; fsck lists every one);
    /// <see cref="LocalStoreErrorCodes.StateMissing"/> when chunk files exist without their state;
    /// <see cref="LocalStoreErrorCodes.StoreInUse"/> when another process has the directory open;
    /// <see cref="LocalStoreErrorCodes.FormatTooNew"/> or <see cref="LocalStoreErrorCodes.BlockSizeMismatch"/>
    /// when it has a newer format or another block size;
    /// <see cref="LocalStoreErrorCodes.NotAStore"/> when its <c>state.db</c> is another program's database, or an entry is of the wrong kind;
    /// <see cref="LocalStoreErrorCodes.InsideStore"/> when a new store would lie inside another;
    /// <see cref="LocalStoreErrorCodes.AccessDenied"/> when this process may not write the store.
    /// A refused open of a folder that was not a store leaves it as it was.
    /// </exception>
    public static ValueTask<EbsCloud> OpenAsync(string path, EbsOptions options, TimeProvider? timeProvider = null, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(path);
        ArgumentNullException.ThrowIfNull(options);
        return OpenCoreAsync(Path.GetFullPath(path), options, timeProvider, existingOnly: false, cancellationToken);
    }

    /// <summary>
    /// Opens the cloud stored in <paramref name="path"/>, which must exist: nothing is created
    /// when there is no store there. For tools that only read or check a store.
    /// </summary>
    /// <param name="path">The directory.</param>
    /// <param name="options">The settings; the block size must match the one the directory was created with.</param>
    /// <param name="timeProvider">The clock; <see cref="TimeProvider.System"/> when <see langword="null"/>.</param>
    /// <param name="cancellationToken">A token to cancel the load.</param>
    /// <returns>The opened cloud.</returns>
    /// <exception cref="ArgumentNullException">An argument is <see langword="null"/>.</exception>
    /// <exception cref="OptionsValidationException">The options are not valid.</exception>
    /// <exception cref="EbsException">
    /// <see cref="LocalStoreErrorCodes.StoreNotFound"/> when there is no store at <paramref name="path"/>
    /// (nothing, or only another program's <c>state.db</c>); otherwise as <see cref="OpenAsync"/>.
    /// </exception>
    public static ValueTask<EbsCloud> OpenExistingAsync(string path, EbsOptions options, TimeProvider? timeProvider = null, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(path);
        ArgumentNullException.ThrowIfNull(options);
        return OpenCoreAsync(Path.GetFullPath(path), options, timeProvider, existingOnly: true, cancellationToken);
    }

    /// <summary>
    /// Gets the block size the store in <paramref name="path"/> was created with, so that a tool
    /// can open it without knowing it; <see langword="null"/> when there is no store there, or its
    /// state does not record one or cannot be read (opening it then reports why). Reads only:
    /// nothing is created, locked or written.
    /// </summary>
    /// <param name="path">The directory.</param>
    /// <returns>The block size in bytes, or <see langword="null"/>.</returns>
    /// <exception cref="ArgumentNullException"><paramref name="path"/> is <see langword="null"/>.</exception>
    public static int? RecordedBlockSize(string path)
    {
        ArgumentNullException.ThrowIfNull(path);
        return SqliteStateStore.RecordedBlockSize(Path.Combine(Path.GetFullPath(path), StateFileName));
    }

    /// <summary>
    /// Examines a store without opening a cloud on it, reporting everything that can still be
    /// read: for a store that <see cref="OpenAsync"/> refuses as damaged. Nothing is changed.
    /// </summary>
    /// <param name="path">The directory.</param>
    /// <param name="options">The settings; their block size is the one chunk files are checked against when the state does not record it.</param>
    /// <param name="cancellationToken">A token to cancel the inspection.</param>
    /// <returns>What was found.</returns>
    /// <exception cref="ArgumentNullException">An argument is <see langword="null"/>.</exception>
    /// <exception cref="EbsException">
    /// <see cref="LocalStoreErrorCodes.StoreNotFound"/> when there is no store at <paramref name="path"/>;
    /// <see cref="LocalStoreErrorCodes.StoreInUse"/> when another process has it open.
    /// </exception>
    public static async ValueTask<LocalStoreInspection> InspectAsync(string path, EbsOptions options, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(path);
        ArgumentNullException.ThrowIfNull(options);
        var root = Path.GetFullPath(path);
        ThrowIfNoStore(root);
        using var lease = DirectoryLock.Acquire(root);
        return await StoreInspector.InspectAsync(Path.Combine(root, StateFileName), Path.Combine(root, ChunkFolderName), options.BlockSize, cancellationToken).ConfigureAwait(false);
    }

    /// <summary>
    /// Rewrites the packs of an open store whose live chunks take less than half of their bytes
    /// (<c>ebs store repack</c>), removing those no chunk lives in. Crash-safe: the copies are
    /// flushed and their locations switched in one transaction before an old pack is deleted.
    /// </summary>
    /// <param name="cloud">A cloud opened by <see cref="OpenAsync"/> or <see cref="OpenExistingAsync"/>.</param>
    /// <param name="cancellationToken">A token to cancel the repack before it copies a pack.</param>
    /// <returns>What was rewritten and freed.</returns>
    /// <exception cref="ArgumentNullException"><paramref name="cloud"/> is <see langword="null"/>.</exception>
    /// <exception cref="ArgumentException"><paramref name="cloud"/> was not opened from a local directory.</exception>
    public static ValueTask<PackRepackReport> RepackAsync(EbsCloud cloud, CancellationToken cancellationToken = default)
        => PacksOf(cloud).RepackAsync(cancellationToken);

    /// <summary>
    /// Checks the packs of an open store (part of <c>ebs fsck</c>): each pack's header, index
    /// and records, tails no chunk location names (a write a crash interrupted) and packs no
    /// chunk lives in; reports the physical and logical bytes of the chunks.
    /// </summary>
    /// <param name="cloud">A cloud opened by <see cref="OpenAsync"/> or <see cref="OpenExistingAsync"/>.</param>
    /// <param name="repair">Whether to cut the unrecorded tails off and remove unused packs.</param>
    /// <param name="force">With <paramref name="repair"/>: even when they hold more than half of the pack bytes.</param>
    /// <param name="cancellationToken">A token to cancel the check.</param>
    /// <returns>What was found, and reclaimed.</returns>
    /// <exception cref="ArgumentNullException"><paramref name="cloud"/> is <see langword="null"/>.</exception>
    /// <exception cref="ArgumentException"><paramref name="cloud"/> was not opened from a local directory.</exception>
    public static ValueTask<PackCheckReport> CheckPacksAsync(EbsCloud cloud, bool repair = false, bool force = false, CancellationToken cancellationToken = default)
        => PacksOf(cloud).CheckAsync(repair, force, cancellationToken);

    /// <summary>Makes a cloud's packs reachable for <see cref="RepackAsync"/> and <see cref="CheckPacksAsync"/>.</summary>
    internal static void Register(EbsCloud cloud, PackChunkStore packs) => Packs.Add(cloud, packs);

    private static PackChunkStore PacksOf(EbsCloud cloud)
    {
        ArgumentNullException.ThrowIfNull(cloud);
        return Packs.TryGetValue(cloud, out var packs)
            ? packs
            : throw new ArgumentException("The cloud was not opened from a local directory.", nameof(cloud));
    }

    /// <summary>Tells whether a chunk folder holds chunks: packs, or files of the first layout.</summary>
    internal static bool HoldsChunks(string chunkRoot)
        => PackChunkStore.Numbers(Path.Combine(chunkRoot, PackChunkStore.FolderName)).Any() || FileChunkStore.FilesUnder(chunkRoot).Any();

    private static async ValueTask<EbsCloud> OpenCoreAsync(string root, EbsOptions options, TimeProvider? timeProvider, bool existingOnly, CancellationToken cancellationToken)
    {
        // Before anything is written: a new state records the block size.
        var validation = new EbsOptionsValidator().Validate(Options.DefaultName, options);
        if (validation.Failed)
        {
            throw new OptionsValidationException(Options.DefaultName, typeof(EbsOptions), validation.Failures);
        }

        var layout = StoreLayout.Check(root);
        if (existingOnly)
        {
            ThrowIfNoStore(root);
        }

        DirectoryLock? lease = null;
        try
        {
            Directory.CreateDirectory(root);
            lease = DirectoryLock.Acquire(root);
            lease.Pin();
            var cloud = await OpenLockedAsync(root, options, timeProvider, lease, cancellationToken).ConfigureAwait(false);
            lease.Unpin();
            return cloud;
        }
        catch (Exception e)
        {
            layout.RemoveCreated(lease);
            lease?.Unpin();
            lease?.Dispose();
            if (existingOnly && e is EbsException { ErrorCode: LocalStoreErrorCodes.NotAStore })
            {
                throw new EbsException(LocalStoreErrorCodes.StoreNotFound, $"There is no store at '{root}': {e.Message}", root);
            }

            if (e is UnauthorizedAccessException)
            {
                throw new EbsException(LocalStoreErrorCodes.AccessDenied, $"The store '{root}' is not writable by this process ({e.Message.TrimEnd('.')}). Run as the store's owner or give write access to it; nothing was changed.", root);
            }

            throw;
        }
    }

    /// <summary>Opens the state, then the chunks, then the cloud, in a directory this process has locked.</summary>
    private static async ValueTask<EbsCloud> OpenLockedAsync(string root, EbsOptions options, TimeProvider? timeProvider, DirectoryLock lease, CancellationToken cancellationToken)
    {
        var statePath = Path.Combine(root, StateFileName);
        var chunkRoot = Path.Combine(root, ChunkFolderName);

        // Chunks without their state: a new state would call every one of them a leak.
        var state = SqliteStateStore.Open(statePath, options.BlockSize, lease, mayCreate: !HoldsChunks(chunkRoot));
        PackChunkStore chunks;
        try
        {
            // A state that uses chunks without a chunk folder: recreating it would only hide the loss until fsck.
            if (!Directory.Exists(chunkRoot) && state.UsesChunks())
            {
                throw new EbsException(LocalStoreErrorCodes.StoreDamaged, $"The store '{root}' is damaged: its chunk folder '{chunkRoot}' is missing, though its state uses chunks. Restore the folder from a backup; fsck lists what the state holds; nothing was changed.", chunkRoot);
            }

            // Chunk files of the first layout (one per chunk) are moved into packs before anything else.
            var legacy = FileChunkStore.FilesUnder(chunkRoot).Any() || Directory.Exists(Path.Combine(chunkRoot, FileChunkStore.TempFolderName)) ? new FileChunkStore(chunkRoot) : null;
            chunks = new PackChunkStore(chunkRoot, state, options.BlockSize, legacy);
            if (legacy is not null && await ChunkMigration.RunAsync(legacy, chunks, state, chunkRoot, options.BlockSize, cancellationToken).ConfigureAwait(false) == 0)
            {
                chunks.Legacy = null;
            }
        }
        catch
        {
            await state.DisposeAsync().ConfigureAwait(false);
            throw;
        }

        try
        {
            var cloud = await EbsCloud.OpenAsync(options, chunks, state, timeProvider, cancellationToken).ConfigureAwait(false);
            Register(cloud, chunks);
            return cloud;
        }
        catch (EbsException e) when (e.ErrorCode == EbsErrorCodes.InternalError)
        {
            // A record that cannot be decoded, or a node that due work read; the cloud has released the state.
            throw SqliteStateStore.Damaged(statePath, e.Message);
        }
    }

    /// <summary>Refuses a directory that holds neither a state database nor chunk files.</summary>
    private static void ThrowIfNoStore(string root)
    {
        var state = new FileInfo(Path.Combine(root, StateFileName));
        if (!(state.Exists && state.Length > 0) && !HoldsChunks(Path.Combine(root, ChunkFolderName)))
        {
            throw new EbsException(LocalStoreErrorCodes.StoreNotFound, $"There is no store at '{root}' (no {StateFileName} and no chunk files); check the path, or create a store by writing to it first.", root);
        }
    }
}
