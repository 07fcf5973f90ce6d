using Ebs.Core.Chunks;

namespace Ebs.Storage.Sqlite.Tests.Faults;

/// <summary>A chunk store whose puts and deletes fail when the plan says so; it never disposes the inner store.</summary>
public sealed class FaultyChunkStore(IChunkStore inner, FaultPlan plan) : IChunkStore
{
    public ValueTask PutAsync(ChunkId id, ReadOnlyMemory<byte> data, CancellationToken cancellationToken = default)
        => new(plan.WriteAsync(async () =>
        {
            await inner.PutAsync(id, data, cancellationToken);
            return true;
        }).AsTask());

    public ValueTask<bool> TryReadAsync(ChunkId id, Memory<byte> destination, CancellationToken cancellationToken = default)
        => inner.TryReadAsync(id, destination, cancellationToken);

    public ValueTask<bool> ContainsAsync(ChunkId id, CancellationToken cancellationToken = default) => inner.ContainsAsync(id, cancellationToken);

    public ValueTask<bool> DeleteAsync(ChunkId id, CancellationToken cancellationToken = default)
        => plan.WriteAsync(() => inner.DeleteAsync(id, cancellationToken));

    public IAsyncEnumerable<ChunkId> EnumerateAsync(CancellationToken cancellationToken = default) => inner.EnumerateAsync(cancellationToken);
}
