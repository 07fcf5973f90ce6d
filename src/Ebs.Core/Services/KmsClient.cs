using System.Globalization;
using System.Security.Cryptography;
using Ebs.Core.Domain;
using Ebs.Core.Storage;

namespace Ebs.Core.Services;

/// <summary>
/// The AWS Key Management Service (KMS) of one caller account in one Region, as far as EBS
/// encryption needs it: symmetric encryption keys, their states and deletion, the AWS managed
/// <c>alias/aws/ebs</c> key (made on its first use by EC2, as AWS does), and grants that let other
/// accounts use a key. Errors are KMS's: <c>NotFoundException</c>, <c>DisabledException</c>,
/// <c>KMSInvalidStateException</c>, <c>ValidationException</c>, <c>InvalidMarkerException</c>,
/// <c>InvalidGrantIdException</c>, <c>UnsupportedOperationException</c>.
/// Cheap to create and safe to share between threads. A call that throws <see cref="EbsException"/> changed nothing.
/// </summary>
public sealed class KmsClient
{
    /// <summary>The shortest waiting period of ScheduleKeyDeletion, in days.</summary>
    public const int MinPendingWindowInDays = 7;

    /// <summary>The longest (and default) waiting period of ScheduleKeyDeletion, in days.</summary>
    public const int MaxPendingWindowInDays = 30;

    /// <summary>The effect that deletes a key at the end of its waiting period.</summary>
    internal const string DeletionEffect = "kms-key-deletion";

    private const int MaxDescriptionLength = 8192;
    private const int MaxLimit = 1000;
    private const string GrantIdAlphabet = "0123456789abcdef";

    private readonly CloudEngine _engine;

    internal KmsClient(CloudEngine engine, string accountId, string region)
    {
        _engine = engine;
        AccountId = accountId;
        Region = region;
    }

    /// <summary>Gets the caller account id.</summary>
    public string AccountId { get; }

    /// <summary>Gets the Region.</summary>
    public string Region { get; }

    /// <summary>Creates a customer managed symmetric encryption key, enabled.</summary>
    /// <param name="request">The description.</param>
    /// <param name="cancellationToken">A token to cancel the call.</param>
    /// <returns>The new key.</returns>
    /// <exception cref="ArgumentNullException"><paramref name="request"/> or its description is <see langword="null"/>.</exception>
    /// <exception cref="EbsException"><c>ValidationException</c> for a description over 8,192 characters.</exception>
    public async ValueTask<CreateKeyResponse> CreateKeyAsync(CreateKeyRequest request, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(request);
        ArgumentNullException.ThrowIfNull(request.Description);
        if (request.Description.Length > MaxDescriptionLength)
        {
            throw Validation($"The description must be at most {MaxDescriptionLength} characters.");
        }

        var key = await _engine.CommitAsync(nameof(CreateKeyAsync), m => _engine.Keys.Create(m, AccountId, Region, request.Description, KeyManagerType.Customer, alias: null), null, cancellationToken).ConfigureAwait(false);
        return new CreateKeyResponse { KeyMetadata = key.View };
    }

    /// <summary>Describes a key of the caller's, or another account's by its ARN when one of its grants names the caller.</summary>
    /// <param name="request">The key.</param>
    /// <param name="cancellationToken">A token to cancel the call.</param>
    /// <returns>The key's metadata.</returns>
    /// <exception cref="ArgumentNullException"><paramref name="request"/> or its key id is <see langword="null"/>.</exception>
    /// <exception cref="EbsException"><c>NotFoundException</c> for a key that does not exist (or was deleted) in the Region, or another account's not granted to the caller.</exception>
    public async ValueTask<DescribeKeyResponse> DescribeKeyAsync(DescribeKeyRequest request, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(request);
        var world = await _engine.CurrentAsync(cancellationToken).ConfigureAwait(false);
        return new DescribeKeyResponse { KeyMetadata = FindKey(world, request.KeyId).View };
    }

    /// <summary>Lists the caller's keys in the Region, AWS managed ones included, by key id.</summary>
    /// <param name="request">Paging.</param>
    /// <param name="cancellationToken">A token to cancel the call.</param>
    /// <returns>A page of keys.</returns>
    /// <exception cref="ArgumentNullException"><paramref name="request"/> is <see langword="null"/>.</exception>
    /// <exception cref="EbsException"><c>ValidationException</c> for a limit outside 1–1,000; <c>InvalidMarkerException</c>.</exception>
    public async ValueTask<ListKeysResponse> ListKeysAsync(ListKeysRequest request, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(request);
        CheckPaging(nameof(ListKeysAsync), request.Limit, request.Marker);
        var world = await _engine.CurrentAsync(cancellationToken).ConfigureAwait(false);
        var (page, next) = Pagination.Page(nameof(ListKeysAsync), OwnKeys(world).OrderBy(k => k.KeyId, StringComparer.Ordinal), k => k.KeyId, request.Limit ?? 100, request.Marker);
        return new ListKeysResponse { Keys = [.. page.Select(k => new KeyListEntry { KeyId = k.KeyId, KeyArn = k.Arn })], NextMarker = next, Truncated = next is not null };
    }

    /// <summary>Lists the caller's aliases in the Region, by name: the AWS managed <c>alias/aws/ebs</c> once its key exists.</summary>
    /// <param name="request">A key to list the aliases of, and paging.</param>
    /// <param name="cancellationToken">A token to cancel the call.</param>
    /// <returns>A page of aliases.</returns>
    /// <exception cref="ArgumentNullException"><paramref name="request"/> is <see langword="null"/>.</exception>
    /// <exception cref="EbsException"><c>NotFoundException</c> for a key that does not exist; <c>ValidationException</c> for a limit outside 1–1,000; <c>InvalidMarkerException</c>.</exception>
    public async ValueTask<ListAliasesResponse> ListAliasesAsync(ListAliasesRequest request, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(request);
        CheckPaging(nameof(ListAliasesAsync), request.Limit, request.Marker);
        var world = await _engine.CurrentAsync(cancellationToken).ConfigureAwait(false);
        var only = request.KeyId is { } keyId ? FindKey(world, keyId) : null;
        var aliased = OwnKeys(world).Where(k => k.Alias is not null && (only is null || k.Arn == only.Arn)).OrderBy(k => k.Alias, StringComparer.Ordinal);
        var (page, next) = Pagination.Page(nameof(ListAliasesAsync), aliased, k => k.Alias!, request.Limit ?? 50, request.Marker);
        return new ListAliasesResponse
        {
            Aliases = [.. page.Select(k => new AliasListEntry { AliasName = k.Alias!, AliasArn = k.AliasArn!, TargetKeyId = k.KeyId, CreationDate = k.CreationDate, LastUpdatedDate = k.CreationDate })],
            NextMarker = next,
            Truncated = next is not null,
        };
    }

    /// <summary>Enables a key; enabling an enabled key changes nothing. The volumes and snapshots it protects become usable again.</summary>
    /// <param name="request">The key.</param>
    /// <param name="cancellationToken">A token to cancel the call.</param>
    /// <returns>An empty response.</returns>
    /// <exception cref="ArgumentNullException"><paramref name="request"/> or its key id is <see langword="null"/>.</exception>
    /// <exception cref="EbsException">
    /// <c>NotFoundException</c>; <c>KMSInvalidStateException</c> for a key pending deletion;
    /// <c>UnsupportedOperationException</c> for an AWS managed key or another account's.
    /// </exception>
    public async ValueTask<EnableKeyResponse> EnableKeyAsync(EnableKeyRequest request, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(request);
        await ChangeAsync(nameof(EnableKeyAsync), request.KeyId, key => CheckNotPendingDeletion(key) with { Enabled = true }, cancellationToken).ConfigureAwait(false);
        return new EnableKeyResponse();
    }

    /// <summary>
    /// Disables a key; disabling a disabled key changes nothing. Until it is enabled again, the
    /// volumes and snapshots it protects cannot be read, written, copied or restored
    /// (<c>InvalidKMSKey.InvalidState</c> from EC2).
    /// </summary>
    /// <param name="request">The key.</param>
    /// <param name="cancellationToken">A token to cancel the call.</param>
    /// <returns>An empty response.</returns>
    /// <exception cref="ArgumentNullException"><paramref name="request"/> or its key id is <see langword="null"/>.</exception>
    /// <exception cref="EbsException">
    /// <c>NotFoundException</c>; <c>KMSInvalidStateException</c> for a key pending deletion;
    /// <c>UnsupportedOperationException</c> for an AWS managed key or another account's.
    /// </exception>
    public async ValueTask<DisableKeyResponse> DisableKeyAsync(DisableKeyRequest request, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(request);
        await ChangeAsync(nameof(DisableKeyAsync), request.KeyId, key => CheckNotPendingDeletion(key) with { Enabled = false }, cancellationToken).ConfigureAwait(false);
        return new DisableKeyResponse();
    }

    /// <summary>
    /// Schedules a key's deletion after a waiting period: the key is <see cref="KeyState.PendingDeletion"/>
    /// (unusable) until then, and deleted at that instant, after which nothing can open the data it protected.
    /// </summary>
    /// <param name="request">The key and the waiting period.</param>
    /// <param name="cancellationToken">A token to cancel the call.</param>
    /// <returns>The key's ARN, state and deletion date.</returns>
    /// <exception cref="ArgumentNullException"><paramref name="request"/> or its key id is <see langword="null"/>.</exception>
    /// <exception cref="EbsException">
    /// <c>ValidationException</c> for a waiting period outside 7–30 days; <c>NotFoundException</c>;
    /// <c>KMSInvalidStateException</c> for a key already pending deletion; <c>UnsupportedOperationException</c> for an AWS managed key or another account's.
    /// </exception>
    public async ValueTask<ScheduleKeyDeletionResponse> ScheduleKeyDeletionAsync(ScheduleKeyDeletionRequest request, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(request);
        var days = request.PendingWindowInDays ?? MaxPendingWindowInDays;
        if (days is < MinPendingWindowInDays or > MaxPendingWindowInDays)
        {
            throw Validation($"PendingWindowInDays must be between {MinPendingWindowInDays} and {MaxPendingWindowInDays}; got {days}.");
        }

        var key = await _engine.CommitAsync(nameof(ScheduleKeyDeletionAsync), m =>
        {
            var key = CheckNotPendingDeletion(FindOwnCustomerKey(m.World, request.KeyId));
            var scheduled = key with { DeletionDate = m.Now.AddDays(days), PendingWindowInDays = days };
            m.Set(RecordKinds.KmsKey, scheduled);
            m.Schedule(scheduled.DeletionDate.Value, DeletionEffect, scheduled.Arn);
            return scheduled;
        }, null, cancellationToken).ConfigureAwait(false);
        return new ScheduleKeyDeletionResponse { KeyId = key.Arn, DeletionDate = key.DeletionDate!.Value, KeyState = key.State, PendingWindowInDays = days };
    }

    /// <summary>Cancels a key's scheduled deletion; the key is then <see cref="KeyState.Disabled"/>, as in AWS.</summary>
    /// <param name="request">The key.</param>
    /// <param name="cancellationToken">A token to cancel the call.</param>
    /// <returns>The key's ARN.</returns>
    /// <exception cref="ArgumentNullException"><paramref name="request"/> or its key id is <see langword="null"/>.</exception>
    /// <exception cref="EbsException">
    /// <c>NotFoundException</c>; <c>KMSInvalidStateException</c> for a key not pending deletion;
    /// <c>UnsupportedOperationException</c> for an AWS managed key or another account's.
    /// </exception>
    public async ValueTask<CancelKeyDeletionResponse> CancelKeyDeletionAsync(CancelKeyDeletionRequest request, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(request);
        var key = await _engine.CommitAsync(nameof(CancelKeyDeletionAsync), m =>
        {
            var key = FindOwnCustomerKey(m.World, request.KeyId);
            if (key.State != KeyState.PendingDeletion)
            {
                throw new EbsException(EbsErrorCodes.KmsInvalidStateException, $"{key.Arn} is not pending deletion.", key.Arn);
            }

            m.Unschedule(m.World.Table(RecordKinds.Due).Values.Single(e => e.Effect == DeletionEffect && e.Target == key.Arn));
            var cancelled = key with { DeletionDate = null, PendingWindowInDays = null, Enabled = false };
            m.Set(RecordKinds.KmsKey, cancelled);
            return cancelled;
        }, null, cancellationToken).ConfigureAwait(false);
        return new CancelKeyDeletionResponse { KeyId = key.Arn };
    }

    /// <summary>
    /// Creates a grant that lets a principal (another account) use a customer managed key of the
    /// caller's, so it can create volumes from, and copy, the snapshots the key protects.
    /// </summary>
    /// <param name="request">The key, grantee and operations.</param>
    /// <param name="cancellationToken">A token to cancel the call.</param>
    /// <returns>The grant's id and token.</returns>
    /// <exception cref="ArgumentNullException"><paramref name="request"/> or one of its values is <see langword="null"/>.</exception>
    /// <exception cref="EbsException">
    /// <c>ValidationException</c> for no operations or a grantee that names no account; <c>NotFoundException</c>;
    /// <c>DisabledException</c> for a disabled key; <c>KMSInvalidStateException</c> for a key pending deletion;
    /// <c>UnsupportedOperationException</c> for an AWS managed key (it cannot be shared) or another account's.
    /// </exception>
    public async ValueTask<CreateGrantResponse> CreateGrantAsync(CreateGrantRequest request, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(request);
        ArgumentNullException.ThrowIfNull(request.GranteePrincipal);
        ArgumentNullException.ThrowIfNull(request.Operations);
        if (request.Operations.Count == 0)
        {
            throw Validation("Operations must name at least one operation.");
        }

        if (KmsKeyRecord.GranteeAccount(request.GranteePrincipal) is null)
        {
            throw Validation($"GranteePrincipal '{request.GranteePrincipal}' names no account.");
        }

        var grant = await _engine.CommitAsync(nameof(CreateGrantAsync), m =>
        {
            var key = CheckNotPendingDeletion(FindOwnCustomerKey(m.World, request.KeyId));
            if (key.State == KeyState.Disabled)
            {
                throw new EbsException(EbsErrorCodes.DisabledException, $"{key.Arn} is disabled.", key.Arn);
            }

            var grant = new GrantListEntry
            {
                KeyId = key.Arn,
                GrantId = _engine.Ids.Next(GrantIdAlphabet, 64, id => m.World.Table(RecordKinds.KmsKey).Values.Any(k => k.Grants.Any(g => g.GrantId == id))),
                Name = request.Name,
                CreationDate = m.Now,
                GranteePrincipal = request.GranteePrincipal,
                RetiringPrincipal = request.RetiringPrincipal,
                IssuingAccount = string.Create(CultureInfo.InvariantCulture, $"arn:aws:iam::{AccountId}:root"),
                Operations = ValueList<GrantOperation>.From(request.Operations.Distinct()),
            };
            m.Set(RecordKinds.KmsKey, key with { Grants = ValueList<GrantListEntry>.From([.. key.Grants, grant]) });
            return grant;
        }, null, cancellationToken).ConfigureAwait(false);
        return new CreateGrantResponse { GrantId = grant.GrantId, GrantToken = Convert.ToHexStringLower(SHA256.HashData(System.Text.Encoding.UTF8.GetBytes(grant.GrantId))) };
    }

    /// <summary>Lists the grants of a key of the caller's, oldest first.</summary>
    /// <param name="request">The key, filters and paging.</param>
    /// <param name="cancellationToken">A token to cancel the call.</param>
    /// <returns>A page of grants.</returns>
    /// <exception cref="ArgumentNullException"><paramref name="request"/> or its key id is <see langword="null"/>.</exception>
    /// <exception cref="EbsException"><c>NotFoundException</c>; <c>ValidationException</c> for a limit outside 1–1,000; <c>InvalidMarkerException</c>.</exception>
    public async ValueTask<ListGrantsResponse> ListGrantsAsync(ListGrantsRequest request, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(request);
        CheckPaging(nameof(ListGrantsAsync), request.Limit, request.Marker);
        var world = await _engine.CurrentAsync(cancellationToken).ConfigureAwait(false);
        var key = FindOwnKey(world, request.KeyId);
        var grants = key.Grants
            .Where(g => (request.GrantId is null || g.GrantId == request.GrantId) && (request.GranteePrincipal is null || g.GranteePrincipal == request.GranteePrincipal))
            .Select(g => (Grant: g, Order: string.Create(CultureInfo.InvariantCulture, $"{g.CreationDate.UtcTicks:D20}/{g.GrantId}")));
        var (page, next) = Pagination.Page(nameof(ListGrantsAsync), grants.OrderBy(g => g.Order, StringComparer.Ordinal), g => g.Order, request.Limit ?? 50, request.Marker);
        return new ListGrantsResponse { Grants = [.. page.Select(g => g.Grant)], NextMarker = next, Truncated = next is not null };
    }

    /// <summary>Revokes a grant: its grantee can no longer use the key for new volumes or copies.</summary>
    /// <param name="request">The key and the grant.</param>
    /// <param name="cancellationToken">A token to cancel the call.</param>
    /// <returns>An empty response.</returns>
    /// <exception cref="ArgumentNullException"><paramref name="request"/> or one of its values is <see langword="null"/>.</exception>
    /// <exception cref="EbsException"><c>NotFoundException</c> for an unknown key; <c>InvalidGrantIdException</c> for a grant the key does not have.</exception>
    public async ValueTask<RevokeGrantResponse> RevokeGrantAsync(RevokeGrantRequest request, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(request);
        ArgumentNullException.ThrowIfNull(request.GrantId);
        await _engine.CommitAsync(nameof(RevokeGrantAsync), m =>
        {
            var key = FindOwnKey(m.World, request.KeyId);
            if (!key.Grants.Any(g => g.GrantId == request.GrantId))
            {
                throw new EbsException(EbsErrorCodes.InvalidGrantIdException, $"Grant '{request.GrantId}' is not a grant of {key.Arn}.", request.GrantId);
            }

            m.Set(RecordKinds.KmsKey, key with { Grants = ValueList<GrantListEntry>.From(key.Grants.Where(g => g.GrantId != request.GrantId)) });
            return true;
        }, null, cancellationToken).ConfigureAwait(false);
        return new RevokeGrantResponse();
    }

    /// <summary>Deletes a key whose waiting period ended: the due effect of <see cref="ScheduleKeyDeletionAsync"/>.</summary>
    internal static void Delete(CloudEngine engine, Mutation m, DueEvent due)
    {
        if (m.World.Table(RecordKinds.KmsKey).GetValueOrDefault(due.Target) is { State: KeyState.PendingDeletion } key)
        {
            m.Remove(RecordKinds.KmsKey, key.Arn);
            engine.Keys.Forget(key.Arn);
        }
    }

    private async ValueTask ChangeAsync(string operation, string keyId, Func<KmsKeyRecord, KmsKeyRecord> change, CancellationToken cancellationToken)
        => await _engine.CommitAsync(operation, m =>
        {
            var key = FindOwnCustomerKey(m.World, keyId);
            var changed = change(key);
            if (changed != key)
            {
                m.Set(RecordKinds.KmsKey, changed);
            }

            return true;
        }, null, cancellationToken).ConfigureAwait(false);

    private IEnumerable<KmsKeyRecord> OwnKeys(World world)
        => world.Table(RecordKinds.KmsKey).Values.Where(k => k.AccountId == AccountId && k.Region == Region);

    /// <summary>Finds a key the caller may describe: its own, or another account's by ARN when a grant names the caller, in this Region.</summary>
    private KmsKeyRecord FindKey(World world, string keyId)
    {
        ArgumentNullException.ThrowIfNull(keyId);
        return KeyRing.Find(world, AccountId, Region, keyId) is { } key && key.Region == Region && key.IsUsableBy(AccountId)
            ? key
            : throw new EbsException(EbsErrorCodes.NotFoundException, $"Key '{keyId}' does not exist.", keyId);
    }

    private KmsKeyRecord FindOwnKey(World world, string keyId)
    {
        var key = FindKey(world, keyId);
        return key.AccountId == AccountId
            ? key
            : throw new EbsException(EbsErrorCodes.UnsupportedOperationException, $"{key.Arn} belongs to another account; only its owner can manage it.", key.Arn);
    }

    /// <summary>Finds a key of the caller's that it manages: AWS managed keys cannot be disabled, deleted or shared.</summary>
    private KmsKeyRecord FindOwnCustomerKey(World world, string keyId)
    {
        var key = FindOwnKey(world, keyId);
        return key.KeyManager == KeyManagerType.Customer
            ? key
            : throw new EbsException(EbsErrorCodes.UnsupportedOperationException, $"{key.Arn} is an AWS managed key; it cannot be changed.", key.Arn);
    }

    private static KmsKeyRecord CheckNotPendingDeletion(KmsKeyRecord key) => key.State == KeyState.PendingDeletion
        ? throw new EbsException(EbsErrorCodes.KmsInvalidStateException, $"{key.Arn} is pending deletion.", key.Arn)
        : key;

    private static void CheckPaging(string operation, int? limit, string? marker)
    {
        if (limit is < 1 or > MaxLimit)
        {
            throw Validation($"Limit must be between 1 and {MaxLimit}; got {limit}.");
        }

        if (marker is not null && !Pagination.IsToken(operation, marker))
        {
            throw new EbsException(EbsErrorCodes.InvalidMarkerException, $"Marker '{marker}' is not one this call gave.");
        }
    }

    private static EbsException Validation(string message) => new(EbsErrorCodes.ValidationException, message);
}
