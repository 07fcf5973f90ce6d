using System.Collections.Concurrent;
using Ebs.Core.Chunks;
using Ebs.Core.Storage;

namespace Ebs.Storage.Sqlite.Tests.Faults;

/// <summary>
/// A chunk store whose puts, flushes and deletes fail when the plan says so, and which can
/// lose what a power cut would: every chunk put since the last completed flush. It never
/// disposes the inner store.
/// </summary>
public sealed class FaultyChunkStore(IChunkStore inner, FaultPlan plan) : IChunkStore
{
    private readonly ConcurrentDictionary<ChunkId, byte> _unflushed = new();

    public ValueTask PutAsync(ChunkId id, ReadOnlyMemory<byte> data, CancellationToken cancellationToken = default)
        => new(plan.WriteAsync(async () =>
        {
            if (!await inner.ContainsAsync(id, cancellationToken))
            {
                await inner.PutAsync(id, data, cancellationToken);
                _unflushed.TryAdd(id, 0);
            }

            return true;
        }).AsTask());

    public ValueTask FlushAsync(CancellationToken cancellationToken = default)
        => new(plan.WriteAsync(async () =>
        {
            var flushing = _unflushed.Keys.ToList();
            await inner.FlushAsync(cancellationToken);
            foreach (var id in flushing)
            {
                _unflushed.TryRemove(id, out _);
            }

            return true;
        }).AsTask());

    public ValueTask RepairAsync(ChunkId id, ReadOnlyMemory<byte> data, CancellationToken cancellationToken = default)
        => new(plan.WriteAsync(async () =>
        {
            await inner.RepairAsync(id, data, cancellationToken);
            return true;
        }).AsTask());

    /// <summary>Deletes every chunk not flushed since it was put, as a power cut would.</summary>
    public async Task LoseUnflushedAsync()
    {
        foreach (var id in _unflushed.Keys)
        {
            await inner.DeleteAsync(id);
        }

        _unflushed.Clear();
    }

    public ValueTask<bool> TryReadAsync(ChunkId id, Memory<byte> destination, CancellationToken cancellationToken = default)
        => inner.TryReadAsync(id, destination, cancellationToken);

    public ValueTask<bool> ContainsAsync(ChunkId id, CancellationToken cancellationToken = default) => inner.ContainsAsync(id, cancellationToken);

    public ValueTask<bool> DeleteAsync(ChunkId id, CancellationToken cancellationToken = default)
        => plan.WriteAsync(() => inner.DeleteAsync(id, cancellationToken));

    public IAsyncEnumerable<ChunkId> EnumerateAsync(CancellationToken cancellationToken = default) => inner.EnumerateAsync(cancellationToken);
}
