namespace Ebs.Core.Testing;

/// <summary>A generated write: <see cref="Length"/> bytes from a seed at <see cref="Offset"/>. Equal seeds and lengths give equal bytes, so that dedup is exercised.</summary>
/// <param name="Offset">The byte offset.</param>
/// <param name="Length">The length in bytes.</param>
/// <param name="Seed">The seed of the bytes.</param>
public sealed record GeneratedWrite(long Offset, int Length, int Seed)
{
    /// <summary>The bytes to write.</summary>
    /// <returns>The bytes: <see cref="Length"/> random bytes from <see cref="Seed"/>.</returns>
    public byte[] Bytes()
    {
        var bytes = new byte[Length];
#pragma warning disable CA5394 // test data, not security: the same seed must give the same bytes
        new Random(Seed).NextBytes(bytes);
#pragma warning restore CA5394
        return bytes;
    }

    /// <summary>The write as <c>write 4096+100 #3</c>.</summary>
    /// <returns>The text.</returns>
    public override string ToString() => EbsInvariants.Text($"write {Offset}+{Length} #{Seed}");
}
