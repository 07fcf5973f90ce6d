using System.Buffers.Binary;
using System.Diagnostics;

namespace Ebs.Core.Benchmarks;

/// <summary>Deterministic inputs shared by the suites, so every run measures the same work.</summary>
internal static class BenchData
{
    /// <summary>The instant every fake clock starts at.</summary>
    public static readonly DateTimeOffset Epoch = new(2026, 1, 1, 0, 0, 0, TimeSpan.Zero);

    /// <summary>Returns <paramref name="count"/> distinct indexes in [0, <paramref name="range"/>), ascending.</summary>
    public static long[] DistinctSorted(int count, long range, int seed)
    {
        ArgumentOutOfRangeException.ThrowIfGreaterThan(count, range);
        var random = new Random(seed);
        var picked = new HashSet<long>(count);
        while (picked.Count < count)
        {
            picked.Add(random.NextInt64(range));
        }

        var result = picked.ToArray();
        Array.Sort(result);
        return result;
    }

    /// <summary>Returns <paramref name="count"/> indexes in [0, <paramref name="range"/>) as runs of consecutive blocks, ascending.</summary>
    public static long[] Runs(int count, int runLength, long range, int seed)
    {
        var starts = DistinctSorted((count + runLength - 1) / runLength, range / runLength, seed);
        return [.. starts.SelectMany(s => Enumerable.Range(0, runLength).Select(i => (s * runLength) + i)).Take(count)];
    }

    /// <summary>
    /// Fills one block with bytes unique to (<paramref name="round"/>, <paramref name="index"/>), so
    /// no write is ever a dedup hit unless the same pair is written twice.
    /// </summary>
    public static void Stamp(Span<byte> block, long round, long index)
    {
        block.Clear();
        BinaryPrimitives.WriteInt64LittleEndian(block, round);
        BinaryPrimitives.WriteInt64LittleEndian(block[8..], index);
    }

    /// <summary>
    /// Runs <paramref name="action"/> repeatedly for <paramref name="duration"/>. With one
    /// invocation per iteration, BenchmarkDotNet's warmup iterations last too little wall time
    /// for tiered JIT (and dynamic PGO) to reach tier-1 code; this gets there before measuring.
    /// </summary>
    public static void WarmUp(Action action, TimeSpan duration)
    {
        var clock = Stopwatch.StartNew();
        do
        {
            action();
        }
        while (clock.Elapsed < duration);
    }
}
