using System.Collections.Immutable;
using System.Globalization;
using System.Text;
using Ebs.Core.Domain;

namespace Ebs.Core.Services;

/// <summary>
/// The EBS direct APIs of one caller account in one Region, over the same chunk store as EC2
/// snapshots. Errors use the EBS service's codes (<c>ResourceNotFoundException</c>,
/// <c>ValidationException</c>, <c>InternalServerException</c>), not EC2's, with the
/// <see cref="EbsException.Reason"/> AWS gives.
/// </summary>
public sealed class EbsDirectClient
{
    /// <summary>The most results ListChangedBlocks returns per page (AWS's limit).</summary>
    public const int MaxResultsLimit = 10000;

    /// <summary>The smallest page size ListChangedBlocks accepts (AWS's limit).</summary>
    public const int MinResultsLimit = 100;

    /// <summary>The longest page token AWS accepts.</summary>
    private const int MaxTokenLength = 256;

    private readonly CloudEngine _engine;

    internal EbsDirectClient(CloudEngine engine, string accountId, string region)
    {
        _engine = engine;
        AccountId = accountId;
        Region = region;
        Paginators = new EbsDirectPaginatorFactory(this);
    }

    /// <summary>Gets the caller account id.</summary>
    public string AccountId { get; }

    /// <summary>Gets the Region.</summary>
    public string Region { get; }

    /// <summary>Gets the paginators of the list operations.</summary>
    public EbsDirectPaginatorFactory Paginators { get; }

    /// <summary>
    /// Lists the blocks whose content differs between two snapshots (or every written block of
    /// the second when there is no first), ascending by index, one page per call. Equal
    /// subtrees of the two block maps are skipped, so the cost follows the number of changes,
    /// not the volume size.
    /// </summary>
    /// <param name="request">The snapshots and the page.</param>
    /// <param name="cancellationToken">A token to cancel the call.</param>
    /// <returns>One page; <see cref="ListChangedBlocksResponse.NextToken"/> is set while more follow.</returns>
    /// <exception cref="ArgumentNullException"><paramref name="request"/> is <see langword="null"/>.</exception>
    /// <exception cref="EbsException">
    /// <c>ValidationException</c> with <c>INVALID_SNAPSHOT_ID</c> for a snapshot id without text or an archived snapshot,
    /// <c>INVALID_PARAMETER_VALUE</c> for <c>MaxResults</c> outside 100–10,000 or a negative
    /// <c>StartingBlockIndex</c>, <c>INVALID_PAGE_TOKEN</c> for a <c>NextToken</c> not issued by this operation;
    /// <c>ResourceNotFoundException</c> with <c>SNAPSHOT_NOT_FOUND</c> for a snapshot the caller does not own in the Region;
    /// <c>InternalServerException</c> when a block map is not stored.
    /// </exception>
    /// <exception cref="ObjectDisposedException">The cloud has been disposed.</exception>
    public ValueTask<ListChangedBlocksResponse> ListChangedBlocksAsync(ListChangedBlocksRequest request, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(request);
        var maxResults = request.MaxResults ?? MaxResultsLimit;
        if (maxResults is < MinResultsLimit or > MaxResultsLimit)
        {
            throw Invalid(EbsErrorReasons.InvalidParameterValue, $"MaxResults must be {MinResultsLimit} to {MaxResultsLimit}; got {maxResults}.");
        }

        CheckWellFormed(request.FirstSnapshotId);
        CheckWellFormed(request.SecondSnapshotId);

        if (request.StartingBlockIndex < 0)
        {
            throw Invalid(EbsErrorReasons.InvalidParameterValue, "StartingBlockIndex must not be negative.");
        }

        // As AWS: a NextToken makes StartingBlockIndex irrelevant.
        var from = request.NextToken is { } token ? ParseToken(token) : request.StartingBlockIndex ?? 0;
        return ListChangedBlocksCoreAsync(request.FirstSnapshotId, request.SecondSnapshotId, maxResults, from, cancellationToken);
    }

    private async ValueTask<ListChangedBlocksResponse> ListChangedBlocksCoreAsync(SnapshotId? firstSnapshotId, SnapshotId secondSnapshotId, int maxResults, long from, CancellationToken cancellationToken)
    {
        try
        {
            return await _engine.ReadAsync(world =>
            {
                cancellationToken.ThrowIfCancellationRequested();
                var now = _engine.Time.GetUtcNow();
                var first = firstSnapshotId is { } f ? FindReadable(world, f, now) : null;
                var second = FindReadable(world, secondSnapshotId, now);
                var blocks = ImmutableArray.CreateBuilder<ChangedBlock>(Math.Min(maxResults, 1024));
                string? token = null;
                _engine.Map.Diff(_engine.Graph, first?.Root, second.Root, from, (index, _, _) =>
                {
                    if (blocks.Count == maxResults)
                    {
                        token = MakeToken(index);
                        return false;
                    }

                    blocks.Add(new ChangedBlock { BlockIndex = index });
                    return true;
                });

                return ValueTask.FromResult(new ListChangedBlocksResponse
                {
                    ChangedBlocks = blocks.DrainToImmutable(),
                    VolumeSize = second.VolumeSizeGiB,
                    BlockSize = _engine.BlockSize,
                    NextToken = token,
                });
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
            throw Invalid(EbsErrorReasons.InvalidSnapshotId, "The snapshot id is not valid (expecting \"snap-...\").");
        }
    }

    private static EbsException Invalid(string reason, string message)
        => new(EbsErrorCodes.ValidationException, message) { Reason = reason };

    private static string MakeToken(long index) => Convert.ToBase64String(Encoding.ASCII.GetBytes(index.ToString(CultureInfo.InvariantCulture)));

    private static long ParseToken(string token)
    {
        Span<byte> bytes = stackalloc byte[MaxTokenLength];
        if (token.Length <= MaxTokenLength
            && Convert.TryFromBase64String(token, bytes, out var written)
            && long.TryParse(bytes[..written], NumberStyles.None, CultureInfo.InvariantCulture, out var index))
        {
            return index;
        }

        throw Invalid(EbsErrorReasons.InvalidPageToken, "The pagination token is not valid.");
    }

    /// <summary>Finds a snapshot whose blocks can be read: "You can't use EBS direct APIs with archived snapshots" (AWS names no code; the reason is the library's choice).</summary>
    private SnapshotRecord FindReadable(World world, SnapshotId id, DateTimeOffset now)
        => Find(world, id) is var snapshot && snapshot.IsReadableAt(now)
            ? snapshot
            : throw Invalid(EbsErrorReasons.InvalidSnapshotId, $"The snapshot '{id}' is archived: restore it before using the EBS direct APIs.");

    private SnapshotRecord Find(World world, SnapshotId id)
        => world.Snapshots.TryGetValue(id, out var snapshot) && snapshot.OwnerId == AccountId && snapshot.Region == Region && snapshot.RecycleBin is null
            ? snapshot
            : throw new EbsException(EbsErrorCodes.ResourceNotFoundException, $"The snapshot '{id}' does not exist.", id.Value) { Reason = EbsErrorReasons.SnapshotNotFound };
}
