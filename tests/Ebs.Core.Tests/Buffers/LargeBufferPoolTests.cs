using Ebs.Core.Buffers;

namespace Ebs.Core.Tests.Buffers;

public sealed class LargeBufferPoolTests
{
    [Theory]
    [InlineData(1, 2 << 20)]
    [InlineData(2 << 20, 2 << 20)]
    [InlineData((2 << 20) + 1, 4 << 20)]
    [InlineData(16 << 20, 16 << 20)]
    [InlineData((16 << 20) + 4096, 32 << 20)]
    public void Rent_RoundsUpToAPowerOfTwoOfAtLeastTwoMebibytes(int asked, int expected)
    {
        var pool = new LargeBufferPool();

        var buffer = pool.Rent(asked);

        Assert.Equal(expected, buffer.Length);
        Assert.Equal(expected, buffer.Memory.Length);
        pool.Return(buffer);
    }

    [Fact]
    public unsafe void Rent_StartsOnATwoMebibyteBoundaryAndHoldsWhatIsWritten()
    {
        var pool = new LargeBufferPool();
        var buffer = pool.Rent(3 << 20);

        using (var pin = buffer.Pin())
        {
            Assert.Equal(0u, (nuint)pin.Pointer % LargeBuffer.HugePage);
        }

        buffer.GetSpan().Fill(0x5A);
        Assert.False(buffer.GetSpan().ContainsAnyExcept((byte)0x5A));
        pool.Return(buffer);
    }

    [Fact]
    public void Return_KeepsFourOfASizeAndHandsThemOutAgain()
    {
        var pool = new LargeBufferPool();
        var rented = Enumerable.Range(0, 5).Select(_ => pool.Rent(2 << 20)).ToList();
        foreach (var buffer in rented)
        {
            pool.Return(buffer);
        }

        var again = Enumerable.Range(0, 5).Select(_ => pool.Rent(2 << 20)).ToList();

        Assert.Equal(4, again.Count(rented.Contains)); // the fifth was freed on return, so one is new
        Assert.Throws<ObjectDisposedException>(() => rented.Single(b => !again.Contains(b)).GetSpan());
        foreach (var buffer in again)
        {
            pool.Return(buffer);
        }
    }

    [Fact]
    public void Return_LargerThanThePoolKeeps_FreesIt()
    {
        var pool = new LargeBufferPool();
        var huge = pool.Rent((64 << 20) + 1);

        pool.Return(huge);

        Assert.Throws<ObjectDisposedException>(() => huge.GetSpan());
        using var next = pool.Rent((64 << 20) + 1);
        Assert.NotSame(huge, next);
    }

    [Fact]
    public void Rent_NotPositive_Refused()
    {
        Assert.Throws<ArgumentOutOfRangeException>(() => new LargeBufferPool().Rent(0));
        Assert.Throws<ArgumentOutOfRangeException>(() => LargeBuffer.Allocate(-1));
    }
}
