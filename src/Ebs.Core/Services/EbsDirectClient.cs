using System.Globalization;
using System.Runtime.CompilerServices;
using System.Text;
using Ebs.Core.Domain;

namespace Ebs.Core.Services;

/// <summary>
/// The EBS direct APIs of one caller account in one Region, over the same chunk store as EC2
/// snapshots. Errors use the EBS service's codes (<c>ResourceNotFoundException</c>,
/// <c>ValidationException</c>, <c>InternalServerException</c>), not EC2's.
/// </summary>
public sealed class EbsDirectClient
{
    /// <summary>The most results ListChangedBlocks returns per page.</summary>
    public const int MaxResultsLimit = 10000;

    /// <summary>The smallest page size ListChangedBlocks accepts.</summary>
    public const int MinResultsLimit = 100;

    private readonly CloudEngine _engine;

    internal EbsDirectClient(CloudEngine engine, string accountId, string region)
    {
        _engine = engine;
        AccountId = accountId;
        Region = region;
    }

    /// <summary>Gets the caller account id.</summary>
    public string AccountId { get; }

    /// <summary>Gets the Region.</summary>
    public string Region { get; }

    /// <summary>
    /// Lists the blocks whose content differs between two snapshots (or every written block of
    /// <paramref name="secondSnapshotId"/> when <paramref name="firstSnapshotId"/> is
    /// <see langword="null"/>), ascending by index. Equal subtrees of the two block maps are
    /// skipped, so the cost follows the number of changes, not the volume size.
    /// </summary>
    /// <param name="firstSnapshotId">The older snapshot, or <see langword="null"/>.</param>
    /// <param name="secondSnapshotId">The newer snapshot.</param>
    /// <param name="nextToken">The token from the previous page, or <see langword="null"/>.</param>
    /// <param name="maxResults">The page size, 100 to 10,000.</param>
    /// <param name="startingBlockIndex">The first block index to consider.</param>
    /// <param name="cancellationToken">A token to cancel the call.</param>
    /// <returns>One page.</returns>
    /// <exception cref="EbsException">
    /// <c>ResourceNotFoundException</c> for an unknown snapshot; <c>ValidationException</c> for a snapshot id without
    /// text, or a bad token, page size or index; <c>InternalServerException</c> when a block map is not stored.
    /// </exception>
    public ValueTask<ChangedBlocksPage> ListChangedBlocksAsync(
        SnapshotId? firstSnapshotId,
        SnapshotId secondSnapshotId,
        string? nextToken = null,
        int maxResults = MaxResultsLimit,
        long startingBlockIndex = 0,
        CancellationToken cancellationToken = default)
    {
        if (maxResults is < MinResultsLimit or > MaxResultsLimit)
        {
            throw new EbsException(EbsErrorCodes.ValidationException, $"MaxResults must be {MinResultsLimit} to {MaxResultsLimit}.");
        }

        CheckWellFormed(firstSnapshotId);
        CheckWellFormed(secondSnapshotId);

        if (startingBlockIndex < 0)
        {
            throw new EbsException(EbsErrorCodes.ValidationException, "StartingBlockIndex must not be negative.");
        }

        var from = nextToken is null ? startingBlockIndex : ParseToken(nextToken);
        return ListChangedBlocksCoreAsync(firstSnapshotId, secondSnapshotId, maxResults, from, cancellationToken);
    }

    /// <summary>Lists every changed block between two snapshots, page by page.</summary>
    /// <param name="firstSnapshotId">The older snapshot, or <see langword="null"/>.</param>
    /// <param name="secondSnapshotId">The newer snapshot.</param>
    /// <param name="cancellationToken">A token to cancel the enumeration.</param>
    /// <returns>The changed block indexes, ascending.</returns>
    /// <exception cref="EbsException">
    /// <c>ResourceNotFoundException</c> for an unknown snapshot; <c>ValidationException</c> for a snapshot id without
    /// text; <c>InternalServerException</c> when a block map is not stored.
    /// </exception>
    public async IAsyncEnumerable<long> ListAllChangedBlocksAsync(SnapshotId? firstSnapshotId, SnapshotId secondSnapshotId, [EnumeratorCancellation] CancellationToken cancellationToken = default)
    {
        string? token = null;
        do
        {
            var page = await ListChangedBlocksAsync(firstSnapshotId, secondSnapshotId, token, cancellationToken: cancellationToken).ConfigureAwait(false);
            foreach (var index in page.BlockIndexes)
            {
                yield return index;
            }

            token = page.NextToken;
        }
        while (token is not null);
    }

    private async ValueTask<ChangedBlocksPage> ListChangedBlocksCoreAsync(SnapshotId? firstSnapshotId, SnapshotId secondSnapshotId, int maxResults, long from, CancellationToken cancellationToken)
    {
        try
        {
            return await _engine.ReadAsync(world =>
            {
                cancellationToken.ThrowIfCancellationRequested();
                var first = firstSnapshotId is { } f ? Find(world, f) : null;
                var second = Find(world, secondSnapshotId);
                var indexes = new List<long>(Math.Min(maxResults, 1024));
                string? token = null;
                _engine.Map.Diff(_engine.Graph, first?.Root, second.Root, from, (index, _, _) =>
                {
                    if (indexes.Count == maxResults)
                    {
                        token = MakeToken(index);
                        return false;
                    }

                    indexes.Add(index);
                    return true;
                });

                return ValueTask.FromResult(new ChangedBlocksPage(indexes, token, _engine.BlockSize, second.VolumeSizeGiB));
            }).ConfigureAwait(false);
        }
        catch (EbsException e) when (e.ErrorCode == EbsErrorCodes.InternalError)
        {
            // The engine speaks EC2; the EBS direct APIs name the same server fault differently.
            throw new EbsException(EbsErrorCodes.InternalServerException, e.Message, e.ResourceId);
        }
    }

    private static void CheckWellFormed(SnapshotId? id)
    {
        if (id is { Value: null })
        {
            throw new EbsException(EbsErrorCodes.ValidationException, "The snapshot id is not valid (expecting \"snap-...\").");
        }
    }

    private static string MakeToken(long index) => Convert.ToBase64String(Encoding.ASCII.GetBytes(index.ToString(CultureInfo.InvariantCulture)));

    private static long ParseToken(string token)
    {
        try
        {
            if (long.TryParse(Encoding.ASCII.GetString(Convert.FromBase64String(token)), NumberStyles.None, CultureInfo.InvariantCulture, out var index))
            {
                return index;
            }
        }
        catch (FormatException)
        {
        }

        throw new EbsException(EbsErrorCodes.ValidationException, "The pagination token is not valid.");
    }

    private SnapshotRecord Find(World world, SnapshotId id)
        => world.Snapshots.TryGetValue(id, out var snapshot) && snapshot.OwnerId == AccountId && snapshot.Region == Region
            ? snapshot
            : throw new EbsException(EbsErrorCodes.ResourceNotFoundException, $"The snapshot '{id}' does not exist.", id.Value);
}
