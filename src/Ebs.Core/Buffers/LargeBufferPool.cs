using System.Numerics;

namespace Ebs.Core.Buffers;

/// <summary>
/// Keeps <see cref="LargeBuffer"/>s for reuse: the buffers of batches (up to 16 MiB of blocks
/// read or confirmed at once, a batch's pack spans), rented on one thread and often returned on
/// another. Memory already touched is many times cheaper to fill than fresh memory, so a buffer
/// goes back to the pool instead of being freed. Sizes are powers of two from 2 MiB to 64 MiB; at
/// most four of each size are kept, for the life of the process; a larger buffer is freed on return.
/// </summary>
internal sealed class LargeBufferPool
{
    private const int SmallestShift = 21;
    private const int LargestShift = 26;
    private const int KeptPerSize = 4;

    private readonly Stack<LargeBuffer>[] _kept = [.. Enumerable.Range(0, LargestShift - SmallestShift + 1).Select(_ => new Stack<LargeBuffer>(KeptPerSize))];

    /// <summary>Gets the pool every batch shares.</summary>
    public static LargeBufferPool Shared { get; } = new();

    /// <summary>Rents a buffer of at least <paramref name="minimumLength"/> bytes; its bytes are undefined.</summary>
    /// <exception cref="ArgumentOutOfRangeException"><paramref name="minimumLength"/> is not positive.</exception>
    public LargeBuffer Rent(int minimumLength)
    {
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(minimumLength);
        var shift = Math.Max(SmallestShift, 32 - BitOperations.LeadingZeroCount((uint)minimumLength - 1));
        if (shift > LargestShift)
        {
            return LargeBuffer.Allocate(minimumLength);
        }

        var kept = _kept[shift - SmallestShift];
        lock (kept)
        {
            if (kept.TryPop(out var buffer))
            {
                return buffer;
            }
        }

        return LargeBuffer.Allocate(1 << shift);
    }

    /// <summary>Returns buffers rented from this pool; the caller must not use them afterwards.</summary>
    public void Return(params ReadOnlySpan<LargeBuffer> buffers)
    {
        foreach (var buffer in buffers)
        {
            if (!TryKeep(buffer))
            {
                ((IDisposable)buffer).Dispose();
            }
        }
    }

    /// <summary>Keeps a buffer for the next <see cref="Rent"/> of its size, unless four of that size are kept already.</summary>
    private bool TryKeep(LargeBuffer buffer)
    {
        var shift = BitOperations.Log2((uint)buffer.Length);
        if (!BitOperations.IsPow2(buffer.Length) || shift is < SmallestShift or > LargestShift)
        {
            return false;
        }

        var kept = _kept[shift - SmallestShift];
        lock (kept)
        {
            if (kept.Count == KeptPerSize)
            {
                return false;
            }

            kept.Push(buffer);
            return true;
        }
    }
}
