using System.Runtime.CompilerServices;
using Ebs.Core.Chunks;
using Ebs.Core.Storage;

namespace Ebs.Core.Benchmarks;

/// <summary>
/// A chunk store that holds no bytes and reports every chunk present. It lets a benchmark
/// commit block maps of synthetic chunk ids (a 1-TiB volume) through the engine's normal
/// commit protocol for operations that never read chunk bytes, such as ListChangedBlocks.
/// </summary>
internal sealed class PresentChunkStore : IChunkStore
{
    public ValueTask PutAsync(ChunkId id, ReadOnlyMemory<byte> data, CancellationToken cancellationToken = default) => ValueTask.CompletedTask;

    public ValueTask FlushAsync(CancellationToken cancellationToken = default) => ValueTask.CompletedTask;

    public ValueTask RepairAsync(ChunkId id, ReadOnlyMemory<byte> data, CancellationToken cancellationToken = default) => ValueTask.CompletedTask;

    public ValueTask<bool> TryReadAsync(ChunkId id, Memory<byte> destination, CancellationToken cancellationToken = default) => ValueTask.FromResult(false);

    public ValueTask<bool> ContainsAsync(ChunkId id, CancellationToken cancellationToken = default) => ValueTask.FromResult(true);

    public ValueTask<bool> DeleteAsync(ChunkId id, CancellationToken cancellationToken = default) => ValueTask.FromResult(false);

    public async IAsyncEnumerable<ChunkId> EnumerateAsync([EnumeratorCancellation] CancellationToken cancellationToken = default)
    {
        await Task.CompletedTask.ConfigureAwait(false);
        yield break;
    }
}
