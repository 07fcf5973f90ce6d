namespace Ebs.Core.Storage;

/// <summary>A run of bytes of a volume or snapshot, such as the part a damaged chunk held.</summary>
/// <param name="Offset">The first byte's offset.</param>
/// <param name="Length">The number of bytes.</param>
public readonly record struct ByteRange(long Offset, long Length)
{
    /// <summary>Gets the offset just past the last byte.</summary>
    public long End => Offset + Length;

    /// <inheritdoc />
    public override string ToString() => $"[{Offset}, {End})";
}
