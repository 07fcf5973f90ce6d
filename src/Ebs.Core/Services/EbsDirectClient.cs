using System.Globalization;
using System.Text;
using Ebs.Core.Chunks;
using Ebs.Core.Domain;

namespace Ebs.Core.Services;

/// <summary>
/// The EBS direct APIs of one caller account in one Region, over the same chunk store as EC2
/// snapshots: a snapshot made either way is readable and usable both ways. Errors use the EBS
/// service's codes (<c>ValidationException</c>, <c>ResourceNotFoundException</c>,
/// <c>AccessDeniedException</c>, <c>ConflictException</c>, <c>ConcurrentLimitExceededException</c>,
/// <c>InternalServerException</c>), not EC2's, with the <see cref="EbsException.Reason"/> AWS gives.
/// Blocks are the cloud's <see cref="EbsOptions.BlockSize"/> (AWS's are always 524,288 bytes, this
/// library's default): block indexes, <c>DataLength</c> and <c>BlockSize</c> all follow it.
/// </summary>
public sealed partial class EbsDirectClient
{
    /// <summary>The most results a list operation returns per page (AWS's limit).</summary>
    public const int MaxResultsLimit = 10000;

    /// <summary>The smallest page size a list operation accepts (AWS's limit).</summary>
    public const int MinResultsLimit = 100;

    /// <summary>The longest page token AWS accepts.</summary>
    private const int MaxTokenLength = 256;

    private readonly CloudEngine _engine;
    private readonly ChunkScope _scope;

    internal EbsDirectClient(CloudEngine engine, string accountId, string region)
    {
        _engine = engine;
        AccountId = accountId;
        Region = region;
        _scope = new ChunkScope(accountId, region);
        Paginators = new EbsDirectPaginatorFactory(this);
    }

    /// <summary>
    /// Gets how long a block token stays valid after the list call that issued it: seven days.
    /// AWS documents that tokens expire (<c>ExpiryTime</c>) but not after how long; the lifetime
    /// here is the library's choice (UNCONFIRMED).
    /// </summary>
    public static TimeSpan BlockTokenLifetime { get; } = TimeSpan.FromDays(7);

    /// <summary>Gets the caller account id.</summary>
    public string AccountId { get; }

    /// <summary>Gets the Region.</summary>
    public string Region { get; }

    /// <summary>Gets the paginators of the list operations.</summary>
    public EbsDirectPaginatorFactory Paginators { get; }

    private static void CheckWellFormed(SnapshotId? id)
    {
        if (id is { Value: null })
        {
            throw Invalid(EbsErrorReasons.InvalidSnapshotId, "The snapshot id is not valid (expecting \"snap-...\").");
        }
    }

    private static EbsException Invalid(string reason, string message, string? resourceId = null)
        => new(EbsErrorCodes.ValidationException, message, resourceId) { Reason = reason };

    private static void CheckMaxResults(int maxResults)
    {
        if (maxResults is < MinResultsLimit or > MaxResultsLimit)
        {
            throw Invalid(EbsErrorReasons.InvalidParameterValue, $"MaxResults must be {MinResultsLimit} to {MaxResultsLimit}; got {maxResults}.");
        }
    }

    /// <summary>Gets the block index a page starts at: the <paramref name="nextToken"/>'s when given (as AWS, it overrides <paramref name="startingBlockIndex"/>).</summary>
    private static long StartOf(string? nextToken, long? startingBlockIndex)
    {
        if (startingBlockIndex < 0)
        {
            throw Invalid(EbsErrorReasons.InvalidParameterValue, "StartingBlockIndex must not be negative.");
        }

        return nextToken is { } token ? ParseToken(token) : startingBlockIndex ?? 0;
    }

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

    /// <summary>The number of blocks of a volume of <paramref name="sizeGiB"/> GiB.</summary>
    private long BlocksOf(long sizeGiB) => sizeGiB * ((1L << 30) / _engine.BlockSize);

    /// <summary>Runs an EBS direct API read, naming a server fault as the EBS service does.</summary>
    private async ValueTask<T> ReadAsync<T>(Func<World, ValueTask<T>> read)
    {
        try
        {
            return await _engine.ReadAsync(read).ConfigureAwait(false);
        }
        catch (EbsException e) when (e.ErrorCode == EbsErrorCodes.InternalError)
        {
            // The engine speaks EC2; the EBS direct APIs name the same server fault differently.
            throw new EbsException(EbsErrorCodes.InternalServerException, e.Message, e.ResourceId);
        }
    }

    /// <summary>
    /// Finds a snapshot whose blocks can be read: found by <see cref="Find"/>, completed by the
    /// EBS direct APIs when it was started by them, and not archived ("You can't use EBS direct
    /// APIs with archived snapshots"; AWS names no code, the reason is the library's choice).
    /// </summary>
    private SnapshotRecord FindReadable(World world, SnapshotId id, DateTimeOffset now)
    {
        var snapshot = Find(world, id, write: false);
        if (snapshot.IsUnfinishedDirectWrite)
        {
            throw Invalid(EbsErrorReasons.InvalidSnapshotId, $"The snapshot '{id}' was not completed: its blocks cannot be read.", id.Value);
        }

        return snapshot.IsReadableAt(now)
            ? snapshot
            : throw Invalid(EbsErrorReasons.InvalidSnapshotId, $"The snapshot '{id}' is archived: restore it before using the EBS direct APIs.", id.Value);
    }

    /// <summary>
    /// The one authorization lookup of the EBS direct APIs: a snapshot the caller may see in the
    /// Region (its own, one shared with it or a public one, as EC2 decides, whose key it may use; outside the Recycle Bin),
    /// else <c>ResourceNotFoundException</c>;
    /// to write, the caller must also own it, else <c>AccessDeniedException</c>.
    /// </summary>
    private SnapshotRecord Find(World world, SnapshotId id, bool write)
    {
        if (!world.Snapshots.TryGetValue(id, out var snapshot) || snapshot.Region != Region || snapshot.RecycleBin is not null || !CanRead(world, snapshot))
        {
            throw new EbsException(EbsErrorCodes.ResourceNotFoundException, $"The snapshot '{id}' does not exist.", id.Value) { Reason = EbsErrorReasons.SnapshotNotFound };
        }

        return !write || snapshot.OwnerId == AccountId
            ? snapshot
            : throw new EbsException(EbsErrorCodes.AccessDeniedException, $"The account {AccountId} may not write to snapshot '{id}'.", id.Value) { Reason = EbsErrorReasons.UnauthorizedAccount };
    }

    /// <summary>Whether the caller may read the snapshot's blocks: its owner may.</summary>
    private bool CanRead(World world, SnapshotRecord snapshot)
        => Sharing.Of(world, snapshot, AccountId) != Access.None && EncryptionRules.MayUse(world, snapshot.KmsKeyId, AccountId);
}
