using FsCheck;
using FsCheck.Fluent;

namespace Ebs.Core.Testing;

/// <summary>Shrinkers that make a failing sequence short: halves first, then one element fewer, then each element shrunk.</summary>
internal static class Shrinks
{
    public static Arbitrary<T> Shrinking<T>(this Gen<T> gen, Func<T, IEnumerable<T>> shrinker) => Arb.From(gen, shrinker);

    public static IEnumerable<T[]> Removals<T>(IReadOnlyList<T> items)
    {
        if (items.Count > 1)
        {
            yield return [.. items.Take(items.Count / 2)];
            yield return [.. items.Skip(items.Count / 2)];
        }

        for (var i = 0; i < items.Count; i++)
        {
            yield return [.. items.Take(i), .. items.Skip(i + 1)];
        }
    }

    public static IEnumerable<T[]> Shorter<T>(IReadOnlyList<T> items, Func<T, IEnumerable<T>> element)
    {
        foreach (var fewer in Removals(items))
        {
            yield return fewer;
        }

        for (var i = 0; i < items.Count; i++)
        {
            foreach (var smaller in element(items[i]))
            {
                var copy = items.ToArray();
                copy[i] = smaller;
                yield return copy;
            }
        }
    }

    /// <summary>Towards <paramref name="least"/>: it, then halfway, then one less.</summary>
    public static IEnumerable<int> Towards(int value, int least)
    {
        if (value > least)
        {
            yield return least;
            if (least + ((value - least) / 2) is var half && half != least && half != value)
            {
                yield return half;
            }

            if (value - 1 != least)
            {
                yield return value - 1;
            }
        }
    }
}
