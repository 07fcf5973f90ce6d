using System.Collections.Concurrent;

namespace Ebs.Core.Chunks;

/// <summary>
/// Slabs given back by disposed in-memory chunk stores, kept for the next store of the same
/// slab size. Memory already touched is several times cheaper to fill than fresh memory the
/// operating system must fault in and zero, which is what a test suite creating a cloud per
/// test, or a benchmark, would otherwise pay for every store.
/// </summary>
internal static class SlabPool
{
    /// <summary>The most bytes kept idle; slabs past it are left to the garbage collector.</summary>
    public const long MaxIdleBytes = 512L << 20;

    private static readonly ConcurrentDictionary<long, ConcurrentBag<byte[]>> Idle = new();
    private static long _idleBytes;

    public static byte[] Rent(long bytes)
    {
        if (Idle.TryGetValue(bytes, out var bag) && bag.TryTake(out var slab))
        {
            Interlocked.Add(ref _idleBytes, -bytes);
            return slab;
        }

        return GC.AllocateUninitializedArray<byte>(checked((int)bytes));
    }

    public static void Return(byte[] slab)
    {
        if (Interlocked.Add(ref _idleBytes, slab.Length) > MaxIdleBytes)
        {
            Interlocked.Add(ref _idleBytes, -slab.Length);
            return;
        }

        Idle.GetOrAdd(slab.Length, _ => []).Add(slab);
    }
}
