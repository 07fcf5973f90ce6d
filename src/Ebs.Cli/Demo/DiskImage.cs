using System.Buffers.Binary;
using System.Collections.Immutable;

namespace Ebs.Cli.Demo;

/// <summary>
/// The demo's own record of what a disk should hold: which write (generation) last filled
/// each block. Restored volumes are compared with it byte for byte, so a verdict never rests
/// on the library checking itself.
/// </summary>
internal sealed class DiskImage
{
    private readonly ImmutableSortedDictionary<long, int> _generations;

    private DiskImage(ImmutableSortedDictionary<long, int> generations) => _generations = generations;

    /// <summary>Gets the image of a disk that was never written: zeros everywhere.</summary>
    public static DiskImage Empty { get; } = new(ImmutableSortedDictionary<long, int>.Empty);

    /// <summary>Gets the indexes of the blocks written at least once, ascending.</summary>
    public IEnumerable<long> WrittenBlocks => _generations.Keys;

    /// <summary>Returns the image after a write of <paramref name="generation"/> to <paramref name="blocks"/>.</summary>
    /// <param name="blocks">The blocks written.</param>
    /// <param name="generation">The write's generation, which decides the bytes (see <see cref="Pattern"/>).</param>
    /// <returns>The new image; this one is unchanged.</returns>
    public DiskImage With(IEnumerable<long> blocks, int generation)
        => new(_generations.SetItems(blocks.Select(block => KeyValuePair.Create(block, generation))));

    /// <summary>Fills <paramref name="destination"/> with what a block should hold: its last write's bytes, or zeros.</summary>
    /// <param name="block">The block index.</param>
    /// <param name="destination">One block's worth of bytes.</param>
    public void Expected(long block, Span<byte> destination)
    {
        if (_generations.TryGetValue(block, out var generation))
        {
            Pattern(block, generation, destination);
        }
        else
        {
            destination.Clear();
        }
    }

    /// <summary>Fills <paramref name="destination"/> with the bytes a write of <paramref name="generation"/> puts in <paramref name="block"/>.</summary>
    /// <param name="block">The block index.</param>
    /// <param name="generation">The write's generation.</param>
    /// <param name="destination">One block's worth of bytes.</param>
    public static void Pattern(long block, int generation, Span<byte> destination)
    {
        // The stamp makes every (block, generation) unique, so no two writes deduplicate; the
        // rest is seeded noise, the same on every run, so the blocks look like data, not zeros.
        BinaryPrimitives.WriteInt64LittleEndian(destination, block);
        BinaryPrimitives.WriteInt32LittleEndian(destination[sizeof(long)..], generation);
        new Random(unchecked(((int)block * 397) ^ generation)).NextBytes(destination[(sizeof(long) + sizeof(int))..]);
    }
}
