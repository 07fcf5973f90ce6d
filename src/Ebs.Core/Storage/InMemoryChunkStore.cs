using System.Collections.Concurrent;
using System.Runtime.CompilerServices;
using Ebs.Core.Chunks;

namespace Ebs.Core.Storage;

/// <summary>
/// The default <see cref="IChunkStore"/>: chunks kept in large slabs, so storing a block costs
/// one copy and no large-object-heap allocation of its own. A chunk is one block, or one block
/// sealed under an encrypted volume's key (a few bytes more); every slot has room for either.
/// </summary>
/// <remarks>
/// Freed slots are reused. A read that races with the deletion of the same chunk reports the
/// chunk as missing rather than returning bytes of whatever reuses the slot. Disposing the
/// store drops its chunks and keeps its slabs for the next store in the process.
/// </remarks>
public sealed class InMemoryChunkStore : IChunkStore, IDisposable
{
    private const int MaxSlabBytes = 32 << 20;
    private const int FirstSlabSlots = 16;

    private readonly ConcurrentDictionary<ChunkId, Slot> _index = new();
    private readonly Lock _gate = new();
    private Slab[] _slabs = [];
    private readonly Stack<(int Slab, int Offset)> _free = new();
    private readonly int _maxSlotsPerSlab;
    private readonly int _slotSize;

    /// <summary>Creates an empty store for chunks of <paramref name="chunkSize"/> bytes.</summary>
    /// <param name="chunkSize">The size of every chunk (the block size).</param>
    /// <exception cref="ArgumentOutOfRangeException"><paramref name="chunkSize"/> is not positive.</exception>
    public InMemoryChunkStore(int chunkSize)
    {
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(chunkSize);
        ChunkSize = chunkSize;
        _slotSize = chunkSize + SealedChunk.Overhead;
        _maxSlotsPerSlab = Math.Max(1, MaxSlabBytes / _slotSize);
    }

    /// <summary>Gets the size of a block's chunk, in bytes; a sealed one is a few bytes longer.</summary>
    public int ChunkSize { get; }

    /// <summary>Gets the number of chunks stored.</summary>
    public int Count => _index.Count;

    /// <inheritdoc />
    /// <exception cref="ArgumentException"><paramref name="data"/> is neither one block nor one sealed block long.</exception>
    public ValueTask PutAsync(ChunkId id, ReadOnlyMemory<byte> data, CancellationToken cancellationToken = default)
    {
        if (data.Length != ChunkSize && data.Length != _slotSize)
        {
            throw new ArgumentException($"A chunk is {ChunkSize} bytes, or {_slotSize} sealed; got {data.Length}.", nameof(data));
        }

        cancellationToken.ThrowIfCancellationRequested();
        if (!_index.ContainsKey(id))
        {
            var slot = Rent(data.Length);
            data.Span.CopyTo(SlotSpan(slot));
            if (!_index.TryAdd(id, slot))
            {
                Return(slot);
            }
        }

        return ValueTask.CompletedTask;
    }

    /// <inheritdoc />
    /// <remarks>Memory holds nothing across a crash, so there is nothing to flush.</remarks>
    public ValueTask FlushAsync(CancellationToken cancellationToken = default) => ValueTask.CompletedTask;

    /// <inheritdoc />
    /// <remarks>Chunks in memory are never damaged: this stores the chunk if it is missing.</remarks>
    public ValueTask RepairAsync(ChunkId id, ReadOnlyMemory<byte> data, CancellationToken cancellationToken = default)
        => PutAsync(id, data, cancellationToken);

    /// <inheritdoc />
    public ValueTask<bool> TryReadAsync(ChunkId id, Memory<byte> destination, CancellationToken cancellationToken = default)
    {
        cancellationToken.ThrowIfCancellationRequested();
        if (!_index.TryGetValue(id, out var slot))
        {
            return ValueTask.FromResult(false);
        }

        if (destination.Length < slot.Length)
        {
            // A sealed chunk read as a plain block: its bytes are not the block's.
            throw new EbsException(EbsErrorCodes.InternalError, $"Chunk {id} is corrupt: it holds {slot.Length} bytes, expected {destination.Length}.", id.ToString());
        }

        SlotSpan(slot).CopyTo(destination.Span);

        // The slot's version changes before a freed slot can be reused; an unchanged version
        // after the copy proves the bytes were this chunk's.
        return ValueTask.FromResult(Volatile.Read(ref Volatile.Read(ref _slabs)[slot.Slab].Versions[slot.Offset]) == slot.Version);
    }

    /// <inheritdoc />
    public ValueTask<bool> ContainsAsync(ChunkId id, CancellationToken cancellationToken = default)
    {
        cancellationToken.ThrowIfCancellationRequested();
        return ValueTask.FromResult(_index.ContainsKey(id));
    }

    /// <inheritdoc />
    public ValueTask<bool> DeleteAsync(ChunkId id, CancellationToken cancellationToken = default)
    {
        cancellationToken.ThrowIfCancellationRequested();
        if (!_index.TryRemove(id, out var slot))
        {
            return ValueTask.FromResult(false);
        }

        Interlocked.Increment(ref Volatile.Read(ref _slabs)[slot.Slab].Versions[slot.Offset]);
        Return(slot);
        return ValueTask.FromResult(true);
    }

    /// <inheritdoc />
    public async IAsyncEnumerable<ChunkId> EnumerateAsync([EnumeratorCancellation] CancellationToken cancellationToken = default)
    {
        foreach (var id in _index.Keys)
        {
            cancellationToken.ThrowIfCancellationRequested();
            yield return id;
        }

        await Task.CompletedTask.ConfigureAwait(false);
    }

    /// <summary>Drops every chunk and gives the memory back for reuse by later stores.</summary>
    public void Dispose()
    {
        lock (_gate)
        {
            _index.Clear();
            _free.Clear();
            foreach (var slab in Interlocked.Exchange(ref _slabs, []))
            {
                SlabPool.Return(slab.Bytes);
            }
        }
    }

    private Span<byte> SlotSpan(Slot slot) => Volatile.Read(ref _slabs)[slot.Slab].Bytes.AsSpan(slot.Offset * _slotSize, slot.Length);

    private Slot Rent(int length)
    {
        lock (_gate)
        {
            if (!_free.TryPop(out var free))
            {
                var slots = (int)Math.Min(_maxSlotsPerSlab, (long)FirstSlabSlots << Math.Min(_slabs.Length, 20));
                var slab = _slabs.Length;

                // Readers index the array without the lock, so it is replaced, never resized in place.
                Volatile.Write(ref _slabs, [.. _slabs, new Slab(SlabPool.Rent((long)slots * _slotSize), new int[slots])]);
                for (var offset = slots - 1; offset > 0; offset--)
                {
                    _free.Push((slab, offset));
                }

                free = (slab, 0);
            }

            return new Slot(free.Slab, free.Offset, Volatile.Read(ref _slabs[free.Slab].Versions[free.Offset]), length);
        }
    }

    private void Return(Slot slot)
    {
        lock (_gate)
        {
            _free.Push((slot.Slab, slot.Offset));
        }
    }

    private readonly record struct Slot(int Slab, int Offset, int Version, int Length);

    private sealed record Slab(byte[] Bytes, int[] Versions);
}
