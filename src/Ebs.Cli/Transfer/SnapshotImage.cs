using Ebs.Core.Domain;
using Ebs.Core.Services;

namespace Ebs.Cli.Transfer;

/// <summary>
/// Reads a completed snapshot's image as a restore agent does, without creating a volume: its
/// written blocks are listed once (ListSnapshotBlocks) and each is read by its token
/// (GetSnapshotBlock); a block never written reads as zeros and is never fetched.
/// </summary>
internal sealed class SnapshotImage
{
    private readonly EbsDirectClient _direct;
    private readonly SnapshotId _snapshot;
    private readonly int _blockSize;
    private readonly Block[] _blocks;

    private SnapshotImage(EbsDirectClient direct, SnapshotId snapshot, int blockSize, Block[] blocks)
        => (_direct, _snapshot, _blockSize, _blocks) = (direct, snapshot, blockSize, blocks);

    /// <summary>Lists the written blocks of <paramref name="snapshot"/>.</summary>
    public static async Task<SnapshotImage> OpenAsync(EbsDirectClient direct, SnapshotId snapshot, CancellationToken cancellationToken)
    {
        var blocks = new List<Block>();
        string? token = null;
        var blockSize = 0;
        do
        {
            var page = await direct.ListSnapshotBlocksAsync(new ListSnapshotBlocksRequest { SnapshotId = snapshot, NextToken = token, MaxResults = EbsDirectClient.MaxResultsLimit }, cancellationToken);
            blocks.AddRange(page.Blocks);
            blockSize = page.BlockSize;
            token = page.NextToken;
        }
        while (token is not null);

        return new SnapshotImage(direct, snapshot, blockSize, [.. blocks]);
    }

    /// <summary>
    /// Fills <paramref name="buffer"/> with the image's bytes at <paramref name="offset"/>, a multiple
    /// of the block size; the blocks are fetched on every core, as a restore agent fetches them in parallel.
    /// </summary>
    public async Task ReadAsync(long offset, Memory<byte> buffer, CancellationToken cancellationToken)
    {
        var first = BinarySearch(offset / _blockSize);
        var last = BinarySearch((offset + buffer.Length + _blockSize - 1) / _blockSize);
        ClearUnlisted(offset, buffer, first, last);
        await Parallel.ForAsync(first, last, new ParallelOptions { MaxDegreeOfParallelism = Environment.ProcessorCount, CancellationToken = cancellationToken }, async (at, ct) =>
        {
            var block = _blocks[at];
            var response = await _direct.GetSnapshotBlockAsync(new GetSnapshotBlockRequest { SnapshotId = _snapshot, BlockIndex = block.BlockIndex, BlockToken = block.BlockToken }, ct);
            var start = (int)((block.BlockIndex * _blockSize) - offset);
            var destination = buffer[start..Math.Min(buffer.Length, start + _blockSize)];
            await using var data = response.BlockData;
            await data.ReadExactlyAsync(destination, ct);
        });
    }

    /// <summary>Zeros the parts of <paramref name="buffer"/> that no listed block in [<paramref name="first"/>, <paramref name="last"/>) fills: only those, not the whole buffer first.</summary>
    private void ClearUnlisted(long offset, Memory<byte> buffer, int first, int last)
    {
        var cleared = 0;
        for (var at = first; at < last; at++)
        {
            var start = (int)((_blocks[at].BlockIndex * _blockSize) - offset);
            buffer.Span[cleared..start].Clear();
            cleared = Math.Min(buffer.Length, start + _blockSize);
        }

        buffer.Span[cleared..].Clear();
    }

    /// <summary>The position of the first listed block at or after <paramref name="index"/>.</summary>
    private int BinarySearch(long index)
    {
        int low = 0, high = _blocks.Length;
        while (low < high)
        {
            var middle = (low + high) >>> 1;
            if (_blocks[middle].BlockIndex < index)
            {
                low = middle + 1;
            }
            else
            {
                high = middle;
            }
        }

        return low;
    }
}
