using Ebs.Core.Domain;

namespace Ebs.Core.Services;

/// <summary>
/// A seekable stream over a volume. Sequential writes are gathered into runs of whole blocks
/// so that copying a disk image stores each block once, without read-modify-write, and
/// commits once per run rather than once per block.
/// </summary>
internal sealed class VolumeStream : Stream
{
    /// <summary>Sequential writes are stored 16 MiB at a time: one commit each, not one per block.</summary>
    private const int GatherBytes = 16 << 20;

    private readonly Ec2Client _client;
    private readonly VolumeId _volumeId;
    private readonly int _blockSize;
    private readonly int _capacity;
    private byte[]? _pending; // allocated by the first write
    private long _pendingOffset = -1;
    private int _pendingLength;
    private int _pendingLimit;
    private bool _disposed;
    private long _position;

    public VolumeStream(Ec2Client client, VolumeId volumeId, long length, int blockSize)
    {
        _client = client;
        _volumeId = volumeId;
        Length = length;
        _blockSize = blockSize;
        _capacity = Math.Max(1, GatherBytes / blockSize) * blockSize;
    }

    public override bool CanRead => true;

    public override bool CanSeek => true;

    public override bool CanWrite => true;

    public override long Length { get; }

    public override long Position
    {
        get => _position;
        set => _position = value >= 0 ? value : throw new ArgumentOutOfRangeException(nameof(value));
    }

    public override int Read(byte[] buffer, int offset, int count) => ReadAsync(buffer.AsMemory(offset, count)).AsTask().GetAwaiter().GetResult();

    public override async ValueTask<int> ReadAsync(Memory<byte> buffer, CancellationToken cancellationToken = default)
    {
        ObjectDisposedException.ThrowIf(_disposed, this);
        await FlushAsync(cancellationToken).ConfigureAwait(false);
        var count = (int)Math.Clamp(Length - _position, 0, buffer.Length);
        if (count > 0)
        {
            await _client.ReadVolumeAsync(new ReadVolumeRequest { VolumeId = _volumeId, Offset = _position, Destination = buffer[..count] }, cancellationToken).ConfigureAwait(false);
            _position += count;
        }

        return count;
    }

    public override Task<int> ReadAsync(byte[] buffer, int offset, int count, CancellationToken cancellationToken)
        => ReadAsync(buffer.AsMemory(offset, count), cancellationToken).AsTask();

    public override void Write(byte[] buffer, int offset, int count) => WriteAsync(buffer.AsMemory(offset, count)).AsTask().GetAwaiter().GetResult();

    public override async ValueTask WriteAsync(ReadOnlyMemory<byte> buffer, CancellationToken cancellationToken = default)
    {
        ObjectDisposedException.ThrowIf(_disposed, this);
        if (buffer.IsEmpty)
        {
            return;
        }

        if (_position + buffer.Length > Length)
        {
            throw new EbsException(EbsErrorCodes.InvalidParameterValue, $"Writing {buffer.Length} bytes at {_position} would pass the end of volume {_volumeId}.", _volumeId.Value);
        }

        _pending ??= new byte[_capacity];
        while (!buffer.IsEmpty)
        {
            if (_pendingOffset >= 0 && _position != _pendingOffset + _pendingLength)
            {
                await FlushAsync(cancellationToken).ConfigureAwait(false);
            }

            if (_pendingOffset < 0)
            {
                // A run ends on a block boundary; one that starts inside a block leaves that
                // block's other bytes to the write, which merges them under the writer lock.
                _pendingOffset = _position;
                _pendingLimit = _capacity - (int)(_position % _blockSize);
            }

            var take = Math.Min(_pendingLimit - _pendingLength, buffer.Length);
            buffer.Span[..take].CopyTo(_pending.AsSpan(_pendingLength));
            _pendingLength += take;
            _position += take;
            buffer = buffer[take..];
            if (_pendingLength == _pendingLimit)
            {
                await FlushAsync(cancellationToken).ConfigureAwait(false);
            }
        }
    }

    public override Task WriteAsync(byte[] buffer, int offset, int count, CancellationToken cancellationToken)
        => WriteAsync(buffer.AsMemory(offset, count), cancellationToken).AsTask();

    public override void Flush() => FlushAsync(CancellationToken.None).GetAwaiter().GetResult();

    public override async Task FlushAsync(CancellationToken cancellationToken)
    {
        if (_pendingOffset < 0)
        {
            return;
        }

        // The run is dropped only once stored: a failed flush can be retried.
        await _client.WriteVolumeAsync(new WriteVolumeRequest { VolumeId = _volumeId, Writes = [new VolumeWrite(_pendingOffset, _pending!.AsMemory(0, _pendingLength))] }, cancellationToken).ConfigureAwait(false);
        _pendingOffset = -1;
        _pendingLength = 0;
    }

    public override long Seek(long offset, SeekOrigin origin) => Position = origin switch
    {
        SeekOrigin.Begin => offset,
        SeekOrigin.Current => _position + offset,
        SeekOrigin.End => Length + offset,
        _ => throw new ArgumentOutOfRangeException(nameof(origin)),
    };

    public override void SetLength(long value) => throw new NotSupportedException("A volume's size changes only through ModifyVolume.");

    protected override void Dispose(bool disposing)
    {
        if (disposing && !_disposed)
        {
            Flush();
            _disposed = true;
        }

        base.Dispose(disposing);
    }

    public override async ValueTask DisposeAsync()
    {
        if (!_disposed)
        {
            await FlushAsync(CancellationToken.None).ConfigureAwait(false);
        }

        await base.DisposeAsync().ConfigureAwait(false);
    }
}
