namespace Ebs.Core.Tests;

/// <summary>
/// A read-only view of a byte array that runs <c>interrupt</c> once, when a read first reaches
/// <c>at</c>: to fail or cancel an import midway, or to look at the cloud while one runs.
/// It can hide that it could seek, as a pipe would.
/// </summary>
public sealed class InterruptedStream(byte[] bytes, long at, Action interrupt, bool seekable = true) : Stream
{
    private readonly MemoryStream _inner = new(bytes, writable: false);
    private bool _interrupted;

    public override bool CanRead => true;

    public override bool CanSeek => seekable;

    public override bool CanWrite => false;

    public override long Length => seekable ? _inner.Length : throw new NotSupportedException();

    public override long Position
    {
        get => seekable ? _inner.Position : throw new NotSupportedException();
        set => throw new NotSupportedException();
    }

    public override int Read(byte[] buffer, int offset, int count) => Read(buffer.AsSpan(offset, count));

    public override int Read(Span<byte> buffer)
    {
        if (!_interrupted && _inner.Position + buffer.Length > at)
        {
            _interrupted = true;
            interrupt();
        }

        return _inner.Read(buffer);
    }

    public override ValueTask<int> ReadAsync(Memory<byte> buffer, CancellationToken cancellationToken = default)
    {
        var read = Read(buffer.Span);
        cancellationToken.ThrowIfCancellationRequested();
        return ValueTask.FromResult(read);
    }

    public override void Flush()
    {
    }

    public override long Seek(long offset, SeekOrigin origin) => throw new NotSupportedException();

    public override void SetLength(long value) => throw new NotSupportedException();

    public override void Write(byte[] buffer, int offset, int count) => throw new NotSupportedException();

    protected override void Dispose(bool disposing)
    {
        _inner.Dispose();
        base.Dispose(disposing);
    }
}
