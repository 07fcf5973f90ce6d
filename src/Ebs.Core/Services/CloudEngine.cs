using System.Collections.Immutable;
using System.Diagnostics.CodeAnalysis;
using Ebs.Core.BlockMaps;
using Ebs.Core.Chunks;
using Ebs.Core.Domain;
using Ebs.Core.Storage;

namespace Ebs.Core.Services;

/// <summary>
/// The shared core behind every facade: state, reference graph, chunk store and clock, and
/// the commit protocol. Writers are serialized; readers use the published <see cref="World"/>
/// without locking and retry when a concurrent commit released what they were reading.
/// Once disposed, every way in (<see cref="World"/>, commits, reads, exclusive work, Region
/// checks) throws <see cref="ObjectDisposedException"/>, so facades need no check of their own.
/// </summary>
internal sealed class CloudEngine : IAsyncDisposable
{
    /// <summary>The largest EBS volume, 64 TiB.</summary>
    public const long MaxVolumeBytes = 65536L << 30;

    private readonly SemaphoreSlim _writer = new(1, 1);
    private World _world = World.Empty;

    private readonly IStateStore? _state;
    private Exception? _stateFailure;

    // Commits that began to land (their store transaction, then their graph changes and world)
    // and commits that finished: while the two differ, a node a commit deletes may be gone
    // from the store and the graph before its world is published, so a reader that misses it
    // waits for the newer world instead of taking the node for lost. Written by the writer only.
    private long _landing;
    private long _landed;

    private readonly bool _ownsChunks;

    private bool _disposed;

    public CloudEngine(EbsOptions options, TimeProvider time, IChunkStore chunks, bool ownsChunks, IStateStore? state)
    {
        Options = options;
        Time = time;
        Chunks = chunks;
        _ownsChunks = ownsChunks;
        _state = state;
        Map = new BlockMap(MaxVolumeBytes / options.BlockSize);
        Ids = new ResourceIdGenerator(options.IdSeed);
        Keys = new KeyRing(Ids);
        Regions = options.Regions.ToDictionary(r => r.Key, r => (IReadOnlyList<string>)[.. r.Value], StringComparer.Ordinal);
        ProviderImages = new ProviderImages(options.ProviderImages, Regions.Keys, options.BlockSize);
    }

    public EbsOptions Options { get; }

    public int BlockSize => Options.BlockSize;

    public TimeProvider Time { get; }

    public IChunkStore Chunks { get; }

    public ReferenceGraph Graph { get; } = new();

    /// <summary>Gets the callers' quiesce hooks, in memory only.</summary>
    public QuiesceHooks QuiesceHooks { get; } = new();

    public BlockMap Map { get; }

    public ResourceIdGenerator Ids { get; }

    /// <summary>Gets the KMS keys' data keys, opened and cached as chunks need them.</summary>
    public KeyRing Keys { get; }

    public IReadOnlyDictionary<string, IReadOnlyList<string>> Regions { get; }

    /// <summary>Gets the built-in provider catalogue's images.</summary>
    public ProviderImages ProviderImages { get; }

    public World World
    {
        get
        {
            ThrowIfDisposed();
            return Volatile.Read(ref _world);
        }
    }

    /// <summary>Returns <paramref name="region"/> when it is configured.</summary>
    /// <exception cref="EbsException"><c>InvalidRegion</c> for an unknown Region.</exception>
    public string CheckRegion(string region)
    {
        ArgumentNullException.ThrowIfNull(region);
        ThrowIfDisposed();
        return Regions.ContainsKey(region)
            ? region
            : throw new EbsException(EbsErrorCodes.InvalidRegion, $"Region '{region}' is not configured.", region);
    }

    /// <summary>
    /// Runs one state change under the writer lock: <paramref name="apply"/> edits a copy of the
    /// world and the reference counts (and throws to refuse, changing nothing); then the
    /// chunks it newly references are checked present and flushed, counts and world are committed, and
    /// chunks that nothing references any more, including unused <paramref name="staged"/>
    /// ones, are deleted.
    /// </summary>
    public ValueTask<T> CommitAsync<T>(
        string operation,
        Func<Mutation, T> apply,
        IReadOnlyDictionary<ChunkId, ReadOnlyMemory<byte>>? staged,
        CancellationToken cancellationToken)
        => CommitAsync(operation, m => ValueTask.FromResult(apply(m)), staged, cancellationToken);

    /// <summary>
    /// As <see cref="CommitAsync{T}(string, Func{Mutation, T}, IReadOnlyDictionary{ChunkId, ReadOnlyMemory{byte}}?, CancellationToken)"/>,
    /// for changes that store chunks while holding the writer lock, so no concurrent commit can free them first.
    /// </summary>
    public async ValueTask<T> CommitAsync<T>(
        string operation,
        Func<Mutation, ValueTask<T>> apply,
        IReadOnlyDictionary<ChunkId, ReadOnlyMemory<byte>>? staged,
        CancellationToken cancellationToken)
    {
        ThrowIfDisposed();
        using var activity = EbsTelemetry.ActivitySource.StartActivity(operation);
        await _writer.WaitAsync(cancellationToken).ConfigureAwait(false);
        try
        {
            ThrowIfDisposed();
            await ApplyDueWorkUnderLockAsync().ConfigureAwait(false);
            return await CommitUnderLockAsync(apply, staged, Time.GetUtcNow()).ConfigureAwait(false);
        }
        finally
        {
            _writer.Release();
        }
    }

    /// <summary>
    /// Applies every scheduled event due by now, in due order, each at its own instant (see
    /// <see cref="DueEffects"/>), so that what any call then sees includes them. Costs one
    /// comparison when nothing is due.
    /// </summary>
    public async ValueTask ApplyDueWorkAsync(CancellationToken cancellationToken)
    {
        if (NextDue(World) is not { } due || due > Time.GetUtcNow())
        {
            return;
        }

        await _writer.WaitAsync(cancellationToken).ConfigureAwait(false);
        try
        {
            ThrowIfDisposed();
            await ApplyDueWorkUnderLockAsync().ConfigureAwait(false);
        }
        finally
        {
            _writer.Release();
        }
    }

    /// <summary>Gets the world once every event due by now is applied.</summary>
    public async ValueTask<World> CurrentAsync(CancellationToken cancellationToken)
    {
        await ApplyDueWorkAsync(cancellationToken).ConfigureAwait(false);
        return World;
    }

    /// <summary>Gets the instant of the earliest scheduled event, if any.</summary>
    public static DateTimeOffset? NextDue(World world)
        => world.Table(RecordKinds.Due) is { Count: > 0 } due ? due.First().Value.Due : null;

    private async ValueTask ApplyDueWorkUnderLockAsync()
    {
        var now = Time.GetUtcNow();
        if (NextDue(_world) is not { } first || first > now)
        {
            return;
        }

        using var activity = EbsTelemetry.ActivitySource.StartActivity("ApplyDueWork");
        await CommitUnderLockAsync(async m =>
        {
            var applied = 0;
            while (m.World.Table(RecordKinds.Due) is { Count: > 0 } pending && pending.First().Value is { } next && next.Due <= now)
            {
                m.AdvanceTo(next.Due);
                m.Remove(RecordKinds.Due, next.Key);
                var before = m.World;
                await DueEffects.ApplyAsync(this, m, next).ConfigureAwait(false);

                // Each event's standard-storage change is billed at the event's own instant.
                StandardStorageLedger.Record(Map, BlockSize, before, m);
                m.ForgetTouchedSnapshots();
                applied++;
            }

            EbsTelemetry.DueEventsApplied.Add(applied);
            return applied;
        }, null, first).ConfigureAwait(false);
    }

    /// <summary>The commit protocol; the caller holds the writer lock.</summary>
    private async ValueTask<T> CommitUnderLockAsync<T>(
        Func<Mutation, ValueTask<T>> apply,
        IReadOnlyDictionary<ChunkId, ReadOnlyMemory<byte>>? staged,
        DateTimeOffset now)
    {
        if (_stateFailure is not null)
        {
            throw new EbsException(EbsErrorCodes.InternalError, $"The state store failed ({_stateFailure.Message}); reopen the cloud to continue.");
        }

        await EnsureCountedAsync().ConfigureAwait(false);
        var before = _world;
        var mutation = new Mutation(before, Graph.Begin(), now, journal: _state is not null) { Staged = staged };
        T result;
        try
        {
            var drawn = Ids.Drawn;
            result = await UnderWriterLockAsync(() => apply(mutation)).ConfigureAwait(false);
            StandardStorageLedger.Record(Map, BlockSize, before, mutation);
            if (Ids.IsSeeded && Ids.Drawn != drawn)
            {
                mutation.Set(RecordKinds.IdSequence, new IdSequence(Ids.Drawn));
            }
            foreach (var id in mutation.Refs.NewlyReferencedChunks.ToList())
            {
                if (!await Chunks.ContainsAsync(id, CancellationToken.None).ConfigureAwait(false))
                {
                    await Chunks.PutAsync(id, staged?.GetValueOrDefault(id) is { Length: > 0 } bytes
                        ? bytes
                        : throw new EbsException(EbsErrorCodes.InternalError, $"Chunk {id} is referenced but not stored."), CancellationToken.None).ConfigureAwait(false);
                }
            }

            if (_state is not null)
            {
                // Chunks first: state may only reference chunks that survive a crash.
                await Chunks.FlushAsync(CancellationToken.None).ConfigureAwait(false);
            }
        }
        catch
        {
            await DeleteUnreferencedAsync((staged?.Keys ?? []).Concat(mutation.StoredChunks)).ConfigureAwait(false);
            throw;
        }

        List<ChunkId> freed;
        Volatile.Write(ref _landing, _landing + 1);
        try
        {
            try
            {
                if (_state is not null && mutation.ToStateChanges() is { IsEmpty: false } changes)
                {
                    await _state.CommitAsync(changes, CancellationToken.None).ConfigureAwait(false);
                }
            }
            catch (Exception e)
            {
                // The commit may or may not have landed, so no chunk may be deleted and memory
                // can no longer be trusted to match the store: refuse further changes until reopened.
                _stateFailure = e;
                throw;
            }

            freed = mutation.Refs.Commit();
            Volatile.Write(ref _world, mutation.World);
        }
        finally
        {
            Volatile.Write(ref _landed, _landing);
        }

        await DeleteUnreferencedAsync(freed.Concat(staged?.Keys ?? []).Concat(mutation.StoredChunks)).ConfigureAwait(false);
        return result;
    }

    /// <summary>
    /// Deletes chunks a call stored before failing (or being cancelled) ahead of its commit,
    /// unless something references them by now.
    /// </summary>
    public async ValueTask DiscardAsync(IEnumerable<ChunkId> stored)
    {
        await _writer.WaitAsync().ConfigureAwait(false);
        try
        {
            // Once disposed, the chunk store may be gone and the call's own error must surface:
            // what it stored stays as a leak for a scrub to reclaim.
            if (!_disposed)
            {
                await EnsureCountedAsync().ConfigureAwait(false);
                await DeleteUnreferencedAsync(stored).ConfigureAwait(false);
            }
        }
        finally
        {
            _writer.Release();
        }
    }

    /// <summary>Runs <paramref name="action"/> while no writer can commit.</summary>
    public async ValueTask<T> ExclusiveAsync<T>(Func<ValueTask<T>> action, CancellationToken cancellationToken)
    {
        ThrowIfDisposed();
        await _writer.WaitAsync(cancellationToken).ConfigureAwait(false);
        try
        {
            ThrowIfDisposed();
            await ApplyDueWorkUnderLockAsync().ConfigureAwait(false);
            await EnsureCountedAsync().ConfigureAwait(false);
            return await UnderWriterLockAsync(action).ConfigureAwait(false);
        }
        finally
        {
            _writer.Release();
        }
    }

    /// <summary>
    /// Runs work that holds the writer lock, when nothing can be freed concurrently: a node it
    /// finds missing is not stale but lost from the store, which callers learn as <c>InternalError</c>.
    /// </summary>
    private static async ValueTask<T> UnderWriterLockAsync<T>(Func<ValueTask<T>> work)
    {
        try
        {
            return await work().ConfigureAwait(false);
        }
        catch (StaleReadException e)
        {
            throw new EbsException(EbsErrorCodes.InternalError, e.Message);
        }
    }

    /// <summary>
    /// Reads against the current world, retrying when a concurrent commit freed what was being
    /// read. A block-map node the read needs is read from the state store the first time; one
    /// that cannot be decoded fails the read with <c>InternalError</c> naming it.
    /// </summary>
    public async ValueTask<T> ReadAsync<T>(Func<World, ValueTask<T>> read)
    {
        await ApplyDueWorkAsync(CancellationToken.None).ConfigureAwait(false);
        while (true)
        {
            var world = World;
            try
            {
                return await read(world).ConfigureAwait(false);
            }
            catch (StaleReadException e)
            {
                if (!await MovedOnAsync(world).ConfigureAwait(false))
                {
                    throw new EbsException(EbsErrorCodes.InternalError, e.Message);
                }

                // A writer committed meanwhile; read again from the newer world.
            }
        }
    }

    /// <summary>
    /// Tells whether a newer world than <paramref name="world"/> is published, once any commit
    /// that is landing has finished: what it deleted may be gone before its world is out.
    /// A reader under the writer lock finds no commit landing and does not wait.
    /// </summary>
    private async ValueTask<bool> MovedOnAsync(World world)
    {
        while (Volatile.Read(ref _landed) != Volatile.Read(ref _landing))
        {
            await Task.Delay(1).ConfigureAwait(false);
        }

        return !ReferenceEquals(world, Volatile.Read(ref _world));
    }

    /// <summary>
    /// Reads every stored block-map node and decodes it, for a scrub; the caller holds the
    /// writer lock. Without a state store every node is in memory.
    /// </summary>
    /// <returns>The ids of the stored nodes, and those among them that cannot be decoded.</returns>
    public async ValueTask<(List<NodeId> Stored, List<NodeId> Corrupt)> CheckStoredNodesAsync(CancellationToken cancellationToken)
    {
        if (_state is null)
        {
            return ([.. Graph.KeptNodeIds], []);
        }

        var stored = await _state.LoadNodesAsync(cancellationToken).ConfigureAwait(false);
        var corrupt = new List<NodeId>();
        foreach (var node in stored)
        {
            try
            {
                StateCodec.DecodeNode(node.Id, node.Body);
            }
            catch (EbsException)
            {
                corrupt.Add(node.Id);
            }
        }

        return ([.. stored.Select(n => n.Id)], corrupt);
    }

    /// <summary>Commits count corrections found by a scrub; the caller holds the writer lock.</summary>
    public ValueTask CommitRepairAsync(StateChanges changes)
        => _state is null || changes.IsEmpty ? ValueTask.CompletedTask : _state.CommitAsync(changes, CancellationToken.None);

    /// <summary>
    /// Rebuilds the world from the state store's documents and opens the reference graph on its
    /// nodes, none of which is read here: each is read when a call first needs it, so opening
    /// costs the documents only, however large the maps. Counts are not stored, so that a commit
    /// writes only what its call changed, nor counted here: they are recounted from the live
    /// roots once, by the first call that needs them (<see cref="EnsureCountedAsync"/>), so a cloud
    /// opened only to read never walks every map.
    /// </summary>
    public async ValueTask LoadAsync(CancellationToken cancellationToken)
    {
        if (_state is null)
        {
            return;
        }

        var stored = await _state.LoadAsync(cancellationToken).ConfigureAwait(false);
        foreach (var document in stored.Documents)
        {
            StateCodec.CheckKind(document);
        }

        Graph.Open(_state.ReadNode);
        var byKind = stored.Documents.ToLookup(d => d.Kind, StringComparer.Ordinal);
        var world = RecordKinds.All.Aggregate(World.Empty, (w, kind) => kind.Load(w, byKind[kind.Name]));
        var volumes = world.Volumes;
        foreach (var blocks in byKind[StateCodec.BlockKind].Select(StateCodec.DecodeBlock).GroupBy(b => b.Volume))
        {
            if (volumes.TryGetValue(blocks.Key, out var volume))
            {
                volumes = volumes.SetItem(blocks.Key, volume with { Dirty = blocks.ToImmutableSortedDictionary(b => b.Block, b => b.Chunk) });
            }
        }

        _world = world.With(RecordKinds.Volume, volumes);
        if (_world.Table(RecordKinds.IdSequence).GetValueOrDefault(IdSequence.TheKey) is { } sequence)
        {
            Ids.SkipTo(sequence.Drawn);
        }
        if (_world.Table(RecordKinds.Due).Values.FirstOrDefault(e => !DueEffects.IsKnown(e.Effect)) is { } unknown)
        {
            throw new EbsException(EbsErrorCodes.InternalError, $"The stored due '{unknown.Key}' cannot be decoded: its effect '{unknown.Effect}' is not one this library applies.", unknown.Key);
        }

        // Catch up on what fell due while the store was closed, in order.
        await ApplyDueWorkAsync(cancellationToken).ConfigureAwait(false);

        // An import still marked unfinished belonged to a process that died: remove it, as the
        // import itself would have on failure, so it never becomes visible half done.
        var unfinished = _world.Volumes.Values.Where(v => v.Importing).ToList();
        if (unfinished.Count > 0)
        {
            await CommitAsync("RemoveUnfinishedImports", m =>
            {
                foreach (var volume in unfinished)
                {
                    m.DiscardVolume(volume);
                }

                return true;
            }, null, cancellationToken).ConfigureAwait(false);
        }
    }

    /// <summary>
    /// Saves lazy-load progress, then refuses every later call; idempotent. The writer lock is
    /// not disposed: calls queued on it must still wake, to find the cloud disposed and throw.
    /// </summary>
    public async ValueTask DisposeAsync()
    {
        await _writer.WaitAsync().ConfigureAwait(false);
        try
        {
            if (_disposed)
            {
                return;
            }

            await SaveLazyLoadProgressAsync().ConfigureAwait(false);
            Volatile.Write(ref _disposed, true);
        }
        finally
        {
            _writer.Release();
        }

        if (_state is not null)
        {
            await _state.DisposeAsync().ConfigureAwait(false);
        }

        if (_ownsChunks && Chunks is IDisposable disposable)
        {
            disposable.Dispose();
        }
    }

    /// <summary>
    /// Stores how far lazily loaded volumes have been read, which reads alone never commit.
    /// Best effort: progress since the last save is lost only in a crash. The caller holds the writer lock.
    /// </summary>
    private async ValueTask SaveLazyLoadProgressAsync()
    {
        if (_state is null || _stateFailure is not null)
        {
            return;
        }

        try
        {
            var unsaved = _world.Volumes.Values.Where(v => v.LazyLoad is { HasUnsavedProgress: true }).Select(RecordKinds.Volume.Encode).ToList();
            if (unsaved.Count > 0)
            {
                await _state.CommitAsync(new StateChanges { Upserts = unsaved }).ConfigureAwait(false);
            }
        }
        catch (Exception e) when (e is not OutOfMemoryException)
        {
            // Disposal must not fail over advisory progress; the volumes keep what was saved last.
            EbsTelemetry.ProgressSaveFailures.Add(1);
        }
    }

    /// <summary>Throws <see cref="ObjectDisposedException"/> once the cloud is disposed.</summary>
    public void ThrowIfDisposed()
    {
        if (Volatile.Read(ref _disposed))
        {
            ThrowDisposed();
        }
    }

    // Kept apart so the checks on every call stay small enough to inline.
    [DoesNotReturn]
    private static void ThrowDisposed() => throw new ObjectDisposedException(nameof(EbsCloud));

    /// <summary>
    /// Recounts the references from the live roots of the committed world, unless the graph
    /// has its counts already; the caller holds the writer lock, so world and graph agree. The
    /// walk needs every live node, so they are read first in one scan of the state store, which
    /// costs about half as much per node as a point query each (see benchmarks/README.md section 8).
    /// </summary>
    private async ValueTask EnsureCountedAsync()
    {
        if (!Graph.IsCounted)
        {
            if (_state is not null)
            {
                Graph.Keep(await _state.LoadNodesAsync(CancellationToken.None).ConfigureAwait(false));
            }

            var counted = ReferenceCount.Of(_world, Graph);
            Graph.ResetCounts(counted.NodeCounts, counted.ChunkCounts);
        }
    }

    /// <summary>Deletes chunks nothing references. Best effort: one that cannot be deleted is a leak, which scrub reclaims.</summary>
    private async ValueTask DeleteUnreferencedAsync(IEnumerable<ChunkId> candidates)
    {
        foreach (var id in candidates)
        {
            try
            {
                if (Graph.CountOf(id) == 0 && await Chunks.DeleteAsync(id, CancellationToken.None).ConfigureAwait(false))
                {
                    EbsTelemetry.ChunksFreed.Add(1);
                }
            }
            catch (Exception e) when (e is IOException or UnauthorizedAccessException)
            {
                // The call has landed; the chunk is a leak for a scrub to reclaim.
                EbsTelemetry.ChunkDeleteFailures.Add(1);
            }
        }
    }
}
