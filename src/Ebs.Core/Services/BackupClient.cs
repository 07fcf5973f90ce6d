using Ebs.Core.Domain;
using Ebs.Core.Storage;

namespace Ebs.Core.Services;

/// <summary>
/// AWS Backup (service <c>backup</c>) for EBS volumes, for one caller account in one Region:
/// vaults (with an access policy and Vault Lock), backup plans whose rules run on their cron
/// schedules, selections of volumes, on-demand backup jobs, recovery points with lifecycles,
/// and restore jobs. A recovery point is an ordinary EBS snapshot of the account's, made through
/// the snapshot path (incremental, holding real blocks, billed as snapshot storage, listed by
/// DescribeSnapshots), whose ARN is the EC2 snapshot ARN and which EC2 refuses to delete.
/// Errors are AWS Backup's (<c>InvalidParameterValueException</c>, <c>ResourceNotFoundException</c>,
/// <c>AlreadyExistsException</c>, <c>InvalidRequestException</c>, ...); see docs/backup.md.
/// Cheap to create and safe to share between threads. A call that throws <see cref="EbsException"/> changed nothing.
/// </summary>
public sealed partial class BackupClient
{
    /// <summary>The most vaults of an account in a Region (AWS's quota).</summary>
    public const int MaxVaultsPerRegion = 300;

    /// <summary>The shortest ChangeableForDays of a Vault Lock: AWS's 72-hour cooling-off period.</summary>
    public const int MinChangeableForDays = 3;

    private readonly CloudEngine _engine;

    internal BackupClient(CloudEngine engine, string accountId, string region)
    {
        _engine = engine;
        AccountId = accountId;
        Region = region;
    }

    /// <summary>Gets the caller account id.</summary>
    public string AccountId { get; }

    /// <summary>Gets the Region.</summary>
    public string Region { get; }

    /// <summary>Creates a backup vault. A repeated call with the same CreatorRequestId returns the vault it created.</summary>
    /// <param name="request">The vault's name, tags, key and idempotency token.</param>
    /// <param name="cancellationToken">A token to cancel the call.</param>
    /// <returns>The new vault.</returns>
    /// <exception cref="ArgumentNullException"><paramref name="request"/> is <see langword="null"/>.</exception>
    /// <exception cref="EbsException">
    /// <c>InvalidParameterValueException</c> for a name outside <c>^[a-zA-Z0-9\-\_]{2,50}$</c>; <c>AlreadyExistsException</c>
    /// for a name taken; <c>LimitExceededException</c> past <see cref="MaxVaultsPerRegion"/> vaults.
    /// </exception>
    public async ValueTask<CreateBackupVaultResponse> CreateBackupVaultAsync(CreateBackupVaultRequest request, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(request);
        CheckVaultName(request.BackupVaultName);
        var tags = TagsOf(request.BackupVaultTags);
        var vault = await _engine.CommitAsync(nameof(CreateBackupVaultAsync), m =>
        {
            var vaults = m.World.Table(RecordKinds.BackupVault);
            if (vaults.GetValueOrDefault(BackupVaultRecord.KeyOf(AccountId, Region, request.BackupVaultName)) is { } existing)
            {
                return existing.CreatorRequestId is not null && existing.CreatorRequestId == request.CreatorRequestId
                    ? existing
                    : throw BackupErrors.Of(EbsErrorCodes.AlreadyExistsException, "Backup vault with the same name already exists", existing.Arn);
            }

            if (vaults.Values.Count(v => v.AccountId == AccountId && v.Region == Region) >= MaxVaultsPerRegion)
            {
                throw BackupErrors.Of(EbsErrorCodes.LimitExceededException, $"An account may have at most {MaxVaultsPerRegion} backup vaults in a Region.");
            }

            var created = new BackupVaultRecord
            {
                AccountId = AccountId,
                Region = Region,
                Name = request.BackupVaultName,
                CreationDate = m.Now,
                CreatorRequestId = request.CreatorRequestId,
                EncryptionKeyArn = request.EncryptionKeyArn ?? $"arn:aws:kms:{Region}:{AccountId}:alias/aws/backup",
                Tags = tags,
            };
            m.Set(RecordKinds.BackupVault, created);
            return created;
        }, null, cancellationToken).ConfigureAwait(false);
        return new CreateBackupVaultResponse { BackupVaultName = vault.Name, BackupVaultArn = vault.Arn, CreationDate = vault.CreationDate };
    }

    /// <summary>Describes a backup vault: its key, its number of recovery points and its Vault Lock.</summary>
    /// <param name="request">The vault's name.</param>
    /// <param name="cancellationToken">A token to cancel the call.</param>
    /// <returns>The vault.</returns>
    /// <exception cref="ArgumentNullException"><paramref name="request"/> is <see langword="null"/>.</exception>
    /// <exception cref="EbsException"><c>ResourceNotFoundException</c> (where real AWS answers <c>AccessDeniedException</c>, docs/backup.md).</exception>
    public async ValueTask<DescribeBackupVaultResponse> DescribeBackupVaultAsync(DescribeBackupVaultRequest request, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(request);
        var world = await _engine.CurrentAsync(cancellationToken).ConfigureAwait(false);
        var vault = FindVault(world, request.BackupVaultName);
        var member = ListMemberOf(world, vault);
        return new DescribeBackupVaultResponse
        {
            BackupVaultName = member.BackupVaultName,
            BackupVaultArn = member.BackupVaultArn,
            EncryptionKeyArn = member.EncryptionKeyArn,
            CreationDate = member.CreationDate,
            CreatorRequestId = member.CreatorRequestId,
            NumberOfRecoveryPoints = member.NumberOfRecoveryPoints,
            Locked = member.Locked,
            MinRetentionDays = member.MinRetentionDays,
            MaxRetentionDays = member.MaxRetentionDays,
            LockDate = member.LockDate,
        };
    }

    /// <summary>Lists the caller's backup vaults in this Region, one page at a time, by name.</summary>
    /// <param name="request">The paging.</param>
    /// <param name="cancellationToken">A token to cancel the call.</param>
    /// <returns>The vaults.</returns>
    /// <exception cref="ArgumentNullException"><paramref name="request"/> is <see langword="null"/>.</exception>
    /// <exception cref="EbsException"><c>InvalidParameterValueException</c> for MaxResults outside 1 to 1000 or a token this operation did not give.</exception>
    public async ValueTask<ListBackupVaultsResponse> ListBackupVaultsAsync(ListBackupVaultsRequest request, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(request);
        CheckPaging(nameof(ListBackupVaultsAsync), request.MaxResults, request.NextToken);
        var world = await _engine.CurrentAsync(cancellationToken).ConfigureAwait(false);
        var vaults = OwnVaults(world).OrderBy(v => v.Name, StringComparer.Ordinal);
        var (page, next) = Pagination.Page(nameof(ListBackupVaultsAsync), vaults, v => v.Name, request.MaxResults, request.NextToken);
        return new ListBackupVaultsResponse { BackupVaultList = ValueList<BackupVaultListMember>.From(page.Select(v => ListMemberOf(world, v))), NextToken = next };
    }

    /// <summary>Deletes an empty backup vault.</summary>
    /// <param name="request">The vault's name.</param>
    /// <param name="cancellationToken">A token to cancel the call.</param>
    /// <returns>AWS's empty response.</returns>
    /// <exception cref="ArgumentNullException"><paramref name="request"/> is <see langword="null"/>.</exception>
    /// <exception cref="EbsException"><c>ResourceNotFoundException</c>; <c>InvalidRequestException</c> while it holds recovery points.</exception>
    public async ValueTask<DeleteBackupVaultResponse> DeleteBackupVaultAsync(DeleteBackupVaultRequest request, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(request);
        await _engine.CommitAsync(nameof(DeleteBackupVaultAsync), m =>
        {
            var vault = FindVault(m.World, request.BackupVaultName);
            if (PointsOf(m.World, vault).Any())
            {
                throw BackupErrors.Of(EbsErrorCodes.InvalidRequestException, "Backup vault cannot be deleted because it contains recovery points.", vault.Arn);
            }

            m.Remove(RecordKinds.BackupVault, vault.Key);
            return true;
        }, null, cancellationToken).ConfigureAwait(false);
        return new DeleteBackupVaultResponse();
    }

    /// <summary>
    /// Sets a backup vault's access policy. The policy is stored as given; of its statements this
    /// library enforces one kind: an explicit <c>Deny</c> of <c>backup:DeleteRecoveryPoint</c>
    /// (or <c>backup:*</c>, or <c>*</c>), which makes DeleteRecoveryPoint on the vault fail for the caller.
    /// </summary>
    /// <param name="request">The vault's name and the policy.</param>
    /// <param name="cancellationToken">A token to cancel the call.</param>
    /// <returns>AWS's empty response.</returns>
    /// <exception cref="ArgumentNullException"><paramref name="request"/> is <see langword="null"/>.</exception>
    /// <exception cref="EbsException"><c>InvalidParameterValueException</c> for a policy that is not a JSON object; <c>ResourceNotFoundException</c>.</exception>
    public async ValueTask<PutBackupVaultAccessPolicyResponse> PutBackupVaultAccessPolicyAsync(PutBackupVaultAccessPolicyRequest request, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(request);
        BackupPolicies.Check(request.Policy);
        await _engine.CommitAsync(nameof(PutBackupVaultAccessPolicyAsync), m =>
        {
            var vault = FindVault(m.World, request.BackupVaultName);
            m.Set(RecordKinds.BackupVault, vault with { Policy = request.Policy });
            return true;
        }, null, cancellationToken).ConfigureAwait(false);
        return new PutBackupVaultAccessPolicyResponse();
    }

    /// <summary>Gets a backup vault's access policy.</summary>
    /// <param name="request">The vault's name.</param>
    /// <param name="cancellationToken">A token to cancel the call.</param>
    /// <returns>The policy.</returns>
    /// <exception cref="ArgumentNullException"><paramref name="request"/> is <see langword="null"/>.</exception>
    /// <exception cref="EbsException"><c>ResourceNotFoundException</c> for a missing vault or a vault without a policy.</exception>
    public async ValueTask<GetBackupVaultAccessPolicyResponse> GetBackupVaultAccessPolicyAsync(GetBackupVaultAccessPolicyRequest request, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(request);
        var vault = FindVault(await _engine.CurrentAsync(cancellationToken).ConfigureAwait(false), request.BackupVaultName);
        return vault.Policy is { } policy
            ? new GetBackupVaultAccessPolicyResponse { BackupVaultName = vault.Name, BackupVaultArn = vault.Arn, Policy = policy }
            : throw BackupErrors.Of(EbsErrorCodes.ResourceNotFoundException, $"Backup vault {vault.Name} has no access policy.", vault.Arn);
    }

    /// <summary>Removes a backup vault's access policy; nothing when it has none.</summary>
    /// <param name="request">The vault's name.</param>
    /// <param name="cancellationToken">A token to cancel the call.</param>
    /// <returns>AWS's empty response.</returns>
    /// <exception cref="ArgumentNullException"><paramref name="request"/> is <see langword="null"/>.</exception>
    /// <exception cref="EbsException"><c>ResourceNotFoundException</c>.</exception>
    public async ValueTask<DeleteBackupVaultAccessPolicyResponse> DeleteBackupVaultAccessPolicyAsync(DeleteBackupVaultAccessPolicyRequest request, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(request);
        await _engine.CommitAsync(nameof(DeleteBackupVaultAccessPolicyAsync), m =>
        {
            var vault = FindVault(m.World, request.BackupVaultName);
            if (vault.Policy is not null)
            {
                m.Set(RecordKinds.BackupVault, vault with { Policy = null });
            }

            return true;
        }, null, cancellationToken).ConfigureAwait(false);
        return new DeleteBackupVaultAccessPolicyResponse();
    }

    /// <summary>
    /// Locks a backup vault, or changes its lock. Its new backup and copy jobs must give their
    /// recovery points a retention from MinRetentionDays to MaxRetentionDays (a job outside fails),
    /// and its recovery points cannot be deleted, nor their lifecycle changed, before MinRetentionDays.
    /// With ChangeableForDays the lock becomes immutable at its lock date (now plus those days:
    /// compliance mode); before it, or without it (governance mode), it can be changed or removed.
    /// </summary>
    /// <param name="request">The vault's name and the lock.</param>
    /// <param name="cancellationToken">A token to cancel the call.</param>
    /// <returns>AWS's empty response.</returns>
    /// <exception cref="ArgumentNullException"><paramref name="request"/> is <see langword="null"/>.</exception>
    /// <exception cref="EbsException">
    /// <c>InvalidParameterValueException</c> for a retention outside 1 to 36,500 days, a minimum above the maximum, or
    /// ChangeableForDays below 3 or above 36,500; <c>ResourceNotFoundException</c>; <c>InvalidRequestException</c> once the lock is immutable.
    /// </exception>
    public async ValueTask<PutBackupVaultLockConfigurationResponse> PutBackupVaultLockConfigurationAsync(PutBackupVaultLockConfigurationRequest request, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(request);
        CheckDays(request.MinRetentionDays, 1, nameof(request.MinRetentionDays));
        CheckDays(request.MaxRetentionDays, 1, nameof(request.MaxRetentionDays));
        CheckDays(request.ChangeableForDays, MinChangeableForDays, nameof(request.ChangeableForDays));
        if (request.MinRetentionDays > request.MaxRetentionDays)
        {
            throw Invalid("MinRetentionDays cannot be greater than MaxRetentionDays.");
        }

        await _engine.CommitAsync(nameof(PutBackupVaultLockConfigurationAsync), m =>
        {
            var vault = FindVault(m.World, request.BackupVaultName);
            CheckLockChangeable(vault, m.Now);
            m.Set(RecordKinds.BackupVault, vault with
            {
                Lock = new BackupVaultLock
                {
                    MinRetentionDays = request.MinRetentionDays,
                    MaxRetentionDays = request.MaxRetentionDays,
                    LockDate = request.ChangeableForDays is { } days ? m.Now.AddDays(days) : null,
                },
            });
            return true;
        }, null, cancellationToken).ConfigureAwait(false);
        return new PutBackupVaultLockConfigurationResponse();
    }

    /// <summary>Removes a backup vault's Vault Lock: only before its lock date (or in governance mode); nothing when it has none.</summary>
    /// <param name="request">The vault's name.</param>
    /// <param name="cancellationToken">A token to cancel the call.</param>
    /// <returns>AWS's empty response.</returns>
    /// <exception cref="ArgumentNullException"><paramref name="request"/> is <see langword="null"/>.</exception>
    /// <exception cref="EbsException"><c>ResourceNotFoundException</c>; <c>InvalidRequestException</c> once the lock is immutable.</exception>
    public async ValueTask<DeleteBackupVaultLockConfigurationResponse> DeleteBackupVaultLockConfigurationAsync(DeleteBackupVaultLockConfigurationRequest request, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(request);
        await _engine.CommitAsync(nameof(DeleteBackupVaultLockConfigurationAsync), m =>
        {
            var vault = FindVault(m.World, request.BackupVaultName);
            CheckLockChangeable(vault, m.Now);
            if (vault.Lock is not null)
            {
                m.Set(RecordKinds.BackupVault, vault with { Lock = null });
            }

            return true;
        }, null, cancellationToken).ConfigureAwait(false);
        return new DeleteBackupVaultLockConfigurationResponse();
    }

    private static void CheckLockChangeable(BackupVaultRecord vault, DateTimeOffset now)
    {
        if (vault.Lock is { } vaultLock && vaultLock.IsImmutableAt(now))
        {
            throw BackupErrors.Of(EbsErrorCodes.InvalidRequestException, $"The Vault Lock of backup vault {vault.Name} is immutable since {vaultLock.LockDate:O}; it cannot be changed or deleted.", vault.Arn);
        }
    }

    private BackupVaultListMember ListMemberOf(World world, BackupVaultRecord vault) => new()
    {
        BackupVaultName = vault.Name,
        BackupVaultArn = vault.Arn,
        EncryptionKeyArn = vault.EncryptionKeyArn,
        CreationDate = vault.CreationDate,
        CreatorRequestId = vault.CreatorRequestId,
        NumberOfRecoveryPoints = PointsOf(world, vault).LongCount(),
        Locked = vault.Lock is not null,
        MinRetentionDays = vault.Lock?.MinRetentionDays,
        MaxRetentionDays = vault.Lock?.MaxRetentionDays,
        LockDate = vault.Lock?.LockDate,
    };

    private IEnumerable<BackupVaultRecord> OwnVaults(World world)
        => world.Table(RecordKinds.BackupVault).Values.Where(v => v.AccountId == AccountId && v.Region == Region);

    private static IEnumerable<RecoveryPointRecord> PointsOf(World world, BackupVaultRecord vault)
        => world.Table(RecordKinds.RecoveryPoint).Values.Where(p => p.VaultKey == vault.Key);

    private BackupVaultRecord FindVault(World world, string name)
    {
        ArgumentNullException.ThrowIfNull(name);
        return world.Table(RecordKinds.BackupVault).GetValueOrDefault(BackupVaultRecord.KeyOf(AccountId, Region, name))
            ?? throw BackupErrors.Of(EbsErrorCodes.ResourceNotFoundException, $"Backup vault {name} does not exist.", BackupVaultRecord.ArnOf(AccountId, Region, name));
    }
}
