using System.Buffers;

namespace Ebs.Core.Services;

/// <summary>
/// GetSnapshotBlock's read-only stream over one block held in a buffer rented from
/// <see cref="ArrayPool{T}.Shared"/>, given back when the stream is disposed. A block is half a
/// megabyte: allocated afresh for every call it lands on the large-object heap, whose fresh
/// pages and full collections cost several times the read itself. A stream never disposed
/// simply leaves its buffer to the garbage collector.
/// </summary>
internal sealed class PooledBlockStream : Stream
{
    private readonly int _length;
    private byte[]? _buffer;
    private int _position;

    /// <summary>Takes ownership of <paramref name="buffer"/>, whose first <paramref name="length"/> bytes are the block.</summary>
    public PooledBlockStream(byte[] buffer, int length)
    {
        _buffer = buffer;
        _length = length;
    }

    public override bool CanRead => _buffer is not null;

    public override bool CanSeek => _buffer is not null;

    public override bool CanWrite => false;

    public override long Length => Open().Length;

    public override long Position
    {
        get => Open().Position;
        set => Seek(value, SeekOrigin.Begin);
    }

    public override int Read(byte[] buffer, int offset, int count) => Read(buffer.AsSpan(offset, count));

    public override int Read(Span<byte> buffer)
    {
        var available = Remaining(buffer.Length);
        available.CopyTo(buffer);
        _position += available.Length;
        return available.Length;
    }

    public override int ReadByte() => Remaining(1) is [var b] ? Advance(b) : -1;

    public override ValueTask<int> ReadAsync(Memory<byte> buffer, CancellationToken cancellationToken = default)
        => cancellationToken.IsCancellationRequested ? ValueTask.FromCanceled<int>(cancellationToken) : ValueTask.FromResult(Read(buffer.Span));

    public override Task<int> ReadAsync(byte[] buffer, int offset, int count, CancellationToken cancellationToken)
        => ReadAsync(buffer.AsMemory(offset, count), cancellationToken).AsTask();

    public override void CopyTo(Stream destination, int bufferSize)
    {
        var rest = Remaining(int.MaxValue);
        _position = _length;
        destination.Write(rest);
    }

    public override async Task CopyToAsync(Stream destination, int bufferSize, CancellationToken cancellationToken)
    {
        var (buffer, length, start) = Open();
        _position = length;
        await destination.WriteAsync(buffer.AsMemory(start, length - start), cancellationToken).ConfigureAwait(false);
    }

    public override long Seek(long offset, SeekOrigin origin)
    {
        Open();
        var target = origin switch
        {
            SeekOrigin.Begin => offset,
            SeekOrigin.Current => _position + offset,
            SeekOrigin.End => _length + offset,
            _ => throw new ArgumentOutOfRangeException(nameof(origin)),
        };
        ArgumentOutOfRangeException.ThrowIfNegative(target, nameof(offset));
        _position = (int)Math.Min(target, _length);
        return _position;
    }

    public override void Flush()
    {
    }

    public override void SetLength(long value) => throw new NotSupportedException("The block stream is read-only.");

    public override void Write(byte[] buffer, int offset, int count) => throw new NotSupportedException("The block stream is read-only.");

    protected override void Dispose(bool disposing)
    {
        if (Interlocked.Exchange(ref _buffer, null) is { } buffer)
        {
            ArrayPool<byte>.Shared.Return(buffer);
        }

        base.Dispose(disposing);
    }

    /// <summary>The unread bytes, at most <paramref name="count"/>; throws once disposed.</summary>
    private ReadOnlySpan<byte> Remaining(int count) => Open().Buffer.AsSpan(_position, Math.Min(count, _length - _position));

    private (byte[] Buffer, int Length, int Position) Open()
    {
        ObjectDisposedException.ThrowIf(_buffer is null, this);
        return (_buffer, _length, _position);
    }

    private int Advance(byte value)
    {
        _position++;
        return value;
    }
}
