using Ebs.Core.Chunks;
using Ebs.Core.Services;
using Ebs.Core.Storage;
using Microsoft.Extensions.Options;

namespace Ebs.Core;

/// <summary>
/// The composition root: Regions with their Availability Zones, accounts, the chunk store,
/// options and the <see cref="TimeProvider"/>. Get service facades through
/// <see cref="Account(string)"/>. Safe to share between threads. Once disposed, every call of
/// the cloud and of its facades throws <see cref="ObjectDisposedException"/>; disposing again does nothing.
/// </summary>
public sealed class EbsCloud : IAsyncDisposable, IDisposable
{
    private readonly CloudEngine _engine;

    /// <summary>Creates a cloud whose state lives in memory, over the given chunk store.</summary>
    /// <param name="options">The settings; validated here.</param>
    /// <param name="timeProvider">The clock; <see cref="TimeProvider.System"/> when <see langword="null"/>.</param>
    /// <param name="chunkStore">The chunk store, which stays the caller's; when <see langword="null"/>, a new <see cref="InMemoryChunkStore"/> that the cloud disposes with itself.</param>
    /// <exception cref="ArgumentNullException"><paramref name="options"/> is <see langword="null"/>.</exception>
    /// <exception cref="OptionsValidationException">The options are not valid.</exception>
    public EbsCloud(EbsOptions options, TimeProvider? timeProvider = null, IChunkStore? chunkStore = null)
        : this(Validated(options), timeProvider, chunkStore ?? new InMemoryChunkStore(options.BlockSize), ownsChunks: chunkStore is null, null)
    {
    }

    private EbsCloud(EbsOptions options, TimeProvider? timeProvider, IChunkStore chunkStore, bool ownsChunks, IStateStore? stateStore)
        => _engine = new CloudEngine(options, timeProvider ?? TimeProvider.System, chunkStore, ownsChunks, stateStore);

    /// <summary>Gets the shared core, for tests and benchmarks of the internals.</summary>
    internal CloudEngine Engine => _engine;

    /// <summary>Gets the clock that drives every time-based effect.</summary>
    public TimeProvider TimeProvider => _engine.Time;

    /// <summary>Gets the block size in bytes.</summary>
    public int BlockSize => _engine.BlockSize;

    /// <summary>Gets the quiesce hooks that CreateImage, CreateSnapshots and CreateSnapshot run around their captures (in memory only, never stored).</summary>
    public QuiesceHooks QuiesceHooks => _engine.QuiesceHooks;

    /// <summary>Gets the chunk store holding every block's bytes.</summary>
    public IChunkStore ChunkStore => _engine.Chunks;

    /// <summary>Gets the configured Regions and their Availability Zones.</summary>
    public IReadOnlyDictionary<string, IReadOnlyList<string>> Regions => _engine.Regions;

    /// <summary>Creates a cloud on the in-memory chunk store.</summary>
    /// <param name="configure">Edits the default options, or <see langword="null"/>.</param>
    /// <param name="timeProvider">The clock; <see cref="TimeProvider.System"/> when <see langword="null"/>.</param>
    /// <returns>The new cloud.</returns>
    /// <exception cref="OptionsValidationException">The options are not valid.</exception>
    public static EbsCloud CreateInMemory(Action<EbsOptions>? configure = null, TimeProvider? timeProvider = null)
    {
        var options = new EbsOptions();
        configure?.Invoke(options);
        return new EbsCloud(options, timeProvider);
    }

    /// <summary>
    /// Opens a cloud over durable stores, restoring everything they hold: volumes, snapshots,
    /// block maps and reference counts. Only the state's documents are read here: a block-map
    /// node is read from the state store when a call first needs it, and reference counts are
    /// recounted by the first call that needs them, so opening costs nothing per node and a
    /// node that cannot be decoded fails the call that reads it (<c>InternalError</c> naming it),
    /// not the open. Pending time-driven work continues from the clock. A
    /// volume whose import never completed (its process died) is removed, with its blocks.
    /// The cloud disposes the state store with itself; the chunk store stays the caller's.
    /// </summary>
    /// <param name="options">The settings; validated here.</param>
    /// <param name="chunkStore">The chunk store.</param>
    /// <param name="stateStore">The state store.</param>
    /// <param name="timeProvider">The clock; <see cref="TimeProvider.System"/> when <see langword="null"/>.</param>
    /// <param name="cancellationToken">A token to cancel the load.</param>
    /// <returns>The opened cloud.</returns>
    /// <exception cref="ArgumentNullException">An argument is <see langword="null"/>.</exception>
    /// <exception cref="OptionsValidationException">The options are not valid.</exception>
    /// <exception cref="EbsException"><c>InternalError</c> naming the first stored record that cannot be decoded, or a node that due work needs (see <see cref="StoredStateCheck"/>).</exception>
    public static async ValueTask<EbsCloud> OpenAsync(
        EbsOptions options,
        IChunkStore chunkStore,
        IStateStore stateStore,
        TimeProvider? timeProvider = null,
        CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(chunkStore);
        ArgumentNullException.ThrowIfNull(stateStore);
        var cloud = new EbsCloud(Validated(options), timeProvider, chunkStore, ownsChunks: false, stateStore);
        try
        {
            await cloud._engine.LoadAsync(cancellationToken).ConfigureAwait(false);
            return cloud;
        }
        catch
        {
            await cloud.DisposeAsync().ConfigureAwait(false);
            throw;
        }
    }

    /// <summary>Gets the services as seen by one caller account.</summary>
    /// <param name="accountId">The 12-digit account id.</param>
    /// <returns>The account's entry point.</returns>
    /// <exception cref="ArgumentNullException"><paramref name="accountId"/> is <see langword="null"/>.</exception>
    /// <exception cref="EbsException"><c>InvalidParameterValue</c> when the id is not 12 digits.</exception>
    public EbsAccount Account(string accountId)
    {
        ArgumentNullException.ThrowIfNull(accountId);
        if (!Domain.AccountIdFormat.IsValid(accountId))
        {
            throw new EbsException(EbsErrorCodes.InvalidParameterValue, $"Account id '{accountId}' is not 12 digits.", accountId);
        }

        return new EbsAccount(_engine, accountId);
    }

    /// <summary>
    /// Recomputes every reference count by mark-and-sweep from the live roots (volumes,
    /// snapshots) and compares with the stored counts, nodes and chunks. Every stored block-map
    /// node is read and decoded, reachable or not (<see cref="ScrubReport.CorruptNodes"/>).
    /// </summary>
    /// <param name="repair">
    /// When <see langword="true"/>, deletes leaked chunks and nodes and corrects wrong counts,
    /// unless a referenced node is missing or corrupt, or that would reclaim more than
    /// <see cref="ScrubReport.RepairLimit"/> of the stored chunks or nodes, and
    /// <paramref name="force"/> is not set: then nothing is deleted and
    /// <see cref="ScrubReport.RepairRefusal"/> says why.
    /// </param>
    /// <param name="verifyContents">When <see langword="true"/>, reads every stored chunk, so the store checks its bytes, and hashes it against its id; reports corrupt ones.</param>
    /// <param name="force">When <see langword="true"/>, repairs whatever looks leaked; for a state known to be complete.</param>
    /// <param name="cancellationToken">A token to cancel the scrub.</param>
    /// <returns>What was found (and repaired).</returns>
    /// <exception cref="ObjectDisposedException">The cloud has been disposed.</exception>
    public ValueTask<ScrubReport> ScrubAsync(bool repair = false, bool verifyContents = false, bool force = false, CancellationToken cancellationToken = default)
        => _engine.ExclusiveAsync(() => Scrubber.RunAsync(_engine, repair, verifyContents, force, cancellationToken), cancellationToken);

    /// <summary>
    /// Applies every time-driven effect due by the clock's now, in due order, each at its own
    /// instant. Every call of every facade does this first, so this is needed only to bring the
    /// state up to date without making a call (say, after advancing a fake clock, before a scrub
    /// or a backup of the store).
    /// </summary>
    /// <param name="cancellationToken">A token to cancel the wait for the writer lock.</param>
    /// <returns>A task that completes once the due effects are applied.</returns>
    /// <exception cref="ObjectDisposedException">The cloud has been disposed.</exception>
    public ValueTask ApplyDueWorkAsync(CancellationToken cancellationToken = default) => _engine.ApplyDueWorkAsync(cancellationToken);

    /// <inheritdoc />
    public void Dispose() => DisposeAsync().AsTask().GetAwaiter().GetResult();

    /// <inheritdoc />
    public ValueTask DisposeAsync() => _engine.DisposeAsync();

    private static EbsOptions Validated(EbsOptions options)
    {
        ArgumentNullException.ThrowIfNull(options);
        var validation = new EbsOptionsValidator().Validate(Microsoft.Extensions.Options.Options.DefaultName, options);
        return validation.Failed
            ? throw new OptionsValidationException(Microsoft.Extensions.Options.Options.DefaultName, typeof(EbsOptions), validation.Failures)
            : options;
    }
}
