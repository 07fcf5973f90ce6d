using System.Diagnostics.CodeAnalysis;
using System.Globalization;

namespace Ebs.Core.Chunks;

/// <summary>
/// The identity of a stored chunk: a 128-bit XxHash128 of the block's bytes, seeded per
/// (account, Region) so that identical bytes of two tenants never share a chunk.
/// </summary>
/// <remarks>
/// XxHash128 is fast but not collision-resistant against an attacker. Dedup is therefore
/// scoped per tenant through the seed, and a dedup hit is compared byte for byte unless
/// <see cref="EbsOptions.VerifyDedupHits"/> is off; a true collision is resolved by probing
/// the next seed, so two different blocks never share an identity.
/// The <c>default</c> value is the all-zero id, which no stored chunk is expected to have.
/// </remarks>
public readonly record struct ChunkId : IComparable<ChunkId>, ISpanFormattable
{
    /// <summary>Creates a chunk id from its 128-bit value.</summary>
    /// <param name="value">The hash value.</param>
    public ChunkId(UInt128 value) => Value = value;

    /// <summary>Gets the 128-bit hash value.</summary>
    public UInt128 Value { get; }

    /// <summary>Parses 32 hexadecimal digits.</summary>
    /// <param name="text">The text to parse.</param>
    /// <returns>The parsed id.</returns>
    /// <exception cref="FormatException"><paramref name="text"/> is not 32 hexadecimal digits.</exception>
    public static ChunkId Parse(string text)
    {
        ArgumentNullException.ThrowIfNull(text);
        return TryParse(text, out var id) ? id : throw new FormatException($"'{text}' is not a chunk id (32 hexadecimal digits).");
    }

    /// <summary>Tries to parse 32 hexadecimal digits.</summary>
    /// <param name="text">The text to parse.</param>
    /// <param name="id">The parsed id, or <c>default</c>.</param>
    /// <returns><see langword="true"/> when <paramref name="text"/> was a chunk id.</returns>
    public static bool TryParse([NotNullWhen(true)] string? text, out ChunkId id)
    {
        id = default;
        if (text is null || text.Length != 32 || !UInt128.TryParse(text, NumberStyles.AllowHexSpecifier, CultureInfo.InvariantCulture, out var value))
        {
            return false;
        }

        id = new ChunkId(value);
        return true;
    }

    /// <inheritdoc />
    public int CompareTo(ChunkId other) => Value.CompareTo(other.Value);

    /// <summary>Formats the id as 32 lowercase hexadecimal digits.</summary>
    /// <returns>The hexadecimal text.</returns>
    public override string ToString() => Value.ToString("x32", CultureInfo.InvariantCulture);

    /// <inheritdoc />
    public string ToString(string? format, IFormatProvider? formatProvider) => ToString();

    /// <inheritdoc />
    public bool TryFormat(Span<char> destination, out int charsWritten, ReadOnlySpan<char> format, IFormatProvider? provider)
        => Value.TryFormat(destination, out charsWritten, "x32", CultureInfo.InvariantCulture);
}
