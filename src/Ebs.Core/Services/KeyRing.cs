using System.Collections.Concurrent;
using System.Security.Cryptography;
using System.Text;
using Ebs.Core.Chunks;
using Ebs.Core.Domain;
using Ebs.Core.Storage;

namespace Ebs.Core.Services;

/// <summary>
/// The KMS keys as EBS uses them: finding a key by any of its names, making keys (the AWS managed
/// <c>alias/aws/ebs</c> key on first use), checking a key may protect or open data, and the data
/// keys that seal chunks. A data key is 32 random bytes made with its KMS key and stored wrapped
/// (AES-GCM) by the cloud's master secret, which lives with the rest of the state; opened data keys
/// are cached in memory only.
/// </summary>
internal sealed class KeyRing
{
    private const string IdAlphabet = "0123456789abcdef";
    private readonly ConcurrentDictionary<string, ChunkKey> _open = new(StringComparer.Ordinal);
    private readonly ResourceIdGenerator _ids;

    public KeyRing(ResourceIdGenerator ids) => _ids = ids;

    /// <summary>Makes a key of <paramref name="accountId"/> in <paramref name="region"/>, with its data key, and the master secret if there is none yet.</summary>
    public KmsKeyRecord Create(Mutation m, string accountId, string region, string description, KeyManagerType manager, string? alias)
    {
        var master = m.World.Table(RecordKinds.KmsMaster).GetValueOrDefault(KmsMasterSecret.TheKey);
        if (master is null)
        {
            master = new KmsMasterSecret { Secret = Convert.ToBase64String(RandomNumberGenerator.GetBytes(ChunkKey.Length)) };
            m.Set(RecordKinds.KmsMaster, master);
        }

        var hex = _ids.Next(IdAlphabet, 32, id => m.World.Table(RecordKinds.KmsKey).ContainsKey(KmsKeyRecord.ArnOf(region, accountId, Format(id))));
        var keyId = Format(hex);
        var arn = KmsKeyRecord.ArnOf(region, accountId, keyId);
        var key = new KmsKeyRecord
        {
            KeyId = keyId,
            AccountId = accountId,
            Region = region,
            Description = description,
            KeyManager = manager,
            CreationDate = m.Now,
            Enabled = true,
            Alias = alias,
            WrappedDataKey = Wrap(master, arn, RandomNumberGenerator.GetBytes(ChunkKey.Length)),
        };
        m.Set(RecordKinds.KmsKey, key);
        return key;
    }

    /// <summary>Gets the AWS managed EBS key (<c>alias/aws/ebs</c>) of an account in a Region, making it on first use as AWS does.</summary>
    public KmsKeyRecord EbsManagedKey(Mutation m, string accountId, string region)
        => FindOwn(m.World, accountId, region, KmsKeyRecord.EbsAlias)
            ?? Create(m, accountId, region, "Default key that protects my EBS volumes when no other key is defined", KeyManagerType.Aws, KmsKeyRecord.EbsAlias);

    /// <summary>
    /// Finds a key by key id, key ARN, alias name or alias ARN, as KMS accepts them. Ids and alias
    /// names are the caller's own in <paramref name="region"/>; another account's key only by its ARN.
    /// </summary>
    public static KmsKeyRecord? Find(World world, string accountId, string region, string name)
        => name.StartsWith("arn:", StringComparison.Ordinal)
            ? world.Table(RecordKinds.KmsKey).GetValueOrDefault(name)
                ?? world.Table(RecordKinds.KmsKey).Values.FirstOrDefault(k => k.AliasArn == name)
            : FindOwn(world, accountId, region, name);

    private static KmsKeyRecord? FindOwn(World world, string accountId, string region, string name)
        => name.StartsWith("alias/", StringComparison.Ordinal)
            ? world.Table(RecordKinds.KmsKey).Values.FirstOrDefault(k => k.AccountId == accountId && k.Region == region && k.Alias == name)
            : world.Table(RecordKinds.KmsKey).GetValueOrDefault(KmsKeyRecord.ArnOf(region, accountId, name));

    /// <summary>
    /// Resolves the key an EC2 call names to protect or open data for <paramref name="accountId"/>:
    /// it must exist in the Region, be the caller's or granted to it, and be enabled.
    /// </summary>
    /// <exception cref="EbsException">
    /// <c>InvalidParameterValue</c> for a key that does not exist or is another account's without a grant;
    /// <c>InvalidKMSKey.InvalidState</c> for a disabled key or one pending deletion.
    /// </exception>
    public static KmsKeyRecord Usable(World world, string accountId, string region, string name)
    {
        var key = Find(world, accountId, region, name);
        if (key is null || key.Region != region || !key.IsUsableBy(accountId))
        {
            throw new EbsException(EbsErrorCodes.InvalidParameterValue, $"The KMS key '{name}' does not exist or is not accessible.", name);
        }

        return CheckEnabled(key);
    }

    /// <summary>Checks that the key of a volume or snapshot (by ARN) still exists and is enabled, so its data key can be opened.</summary>
    /// <exception cref="EbsException"><c>InvalidKMSKey.InvalidState</c> when it is disabled, pending deletion or deleted.</exception>
    public static KmsKeyRecord UsableByArn(World world, string keyArn)
        => world.Table(RecordKinds.KmsKey).GetValueOrDefault(keyArn) is { } key
            ? CheckEnabled(key)
            : throw new EbsException(EbsErrorCodes.InvalidKmsKeyInvalidState, $"The KMS key '{keyArn}' has been deleted.", keyArn);

    private static KmsKeyRecord CheckEnabled(KmsKeyRecord key) => key.State == KeyState.Enabled
        ? key
        : throw new EbsException(EbsErrorCodes.InvalidKmsKeyInvalidState, $"The KMS key '{key.Arn}' is {key.State.ToAwsString()}.", key.Arn);

    /// <summary>The chunk scope of data of <paramref name="accountId"/> in <paramref name="region"/> under the key <paramref name="keyArn"/> (none: unencrypted), which must be usable.</summary>
    /// <exception cref="EbsException"><c>InvalidKMSKey.InvalidState</c> when the key is disabled, pending deletion or deleted.</exception>
    public ChunkScope ScopeOf(World world, string accountId, string region, string? keyArn)
        => keyArn is null ? new ChunkScope(accountId, region) : new ChunkScope(accountId, region, DataKey(world, UsableByArn(world, keyArn)));

    /// <summary>The chunk scope a snapshot's blocks are stored in: its owner's in its Region, opened with its key's data key when it is encrypted.</summary>
    /// <exception cref="EbsException"><c>InvalidKMSKey.InvalidState</c> when the key is disabled, pending deletion or deleted.</exception>
    public ChunkScope ScopeOf(World world, SnapshotRecord snapshot) => ScopeOf(world, snapshot.OwnerId, snapshot.Region, snapshot.KmsKeyId);

    /// <summary>The chunk scope as <see cref="ScopeOf(World, string, string, string?)"/>, whatever the key's state; <see langword="null"/> when the key is deleted (nothing can open its data any more).</summary>
    public ChunkScope? TryScopeOf(World world, string accountId, string region, string? keyArn)
        => keyArn is null ? new ChunkScope(accountId, region)
            : world.Table(RecordKinds.KmsKey).GetValueOrDefault(keyArn) is { } key ? new ChunkScope(accountId, region, DataKey(world, key))
            : null;

    /// <summary>Drops a deleted key's opened data key from memory.</summary>
    public void Forget(string keyArn) => _open.TryRemove(keyArn, out _);

    /// <summary>Opens a key's data key (cached after the first time).</summary>
    private ChunkKey DataKey(World world, KmsKeyRecord key) => _open.GetOrAdd(key.Arn, arn =>
    {
        var master = world.Table(RecordKinds.KmsMaster).GetValueOrDefault(KmsMasterSecret.TheKey)
            ?? throw new EbsException(EbsErrorCodes.InternalError, "The master secret that wraps the KMS data keys is missing from the state.");
        return new ChunkKey(arn, Unwrap(master, arn, key.WrappedDataKey));
    });

    private static string Format(string hex) => $"{hex[..8]}-{hex[8..12]}-{hex[12..16]}-{hex[16..20]}-{hex[20..]}";

    private static string Wrap(KmsMasterSecret master, string arn, byte[] dataKey)
    {
        var wrapped = new byte[SealedChunk.NonceLength + dataKey.Length + SealedChunk.TagLength];
        var nonce = wrapped.AsSpan(0, SealedChunk.NonceLength);
        RandomNumberGenerator.Fill(nonce);
        using var aes = new AesGcm(Convert.FromBase64String(master.Secret), SealedChunk.TagLength);
        aes.Encrypt(nonce, dataKey, wrapped.AsSpan(SealedChunk.NonceLength, dataKey.Length), wrapped.AsSpan(SealedChunk.NonceLength + dataKey.Length), Encoding.UTF8.GetBytes(arn));
        return Convert.ToBase64String(wrapped);
    }

    private static byte[] Unwrap(KmsMasterSecret master, string arn, string wrappedDataKey)
    {
        var wrapped = Convert.FromBase64String(wrappedDataKey);
        var dataKey = new byte[wrapped.Length - SealedChunk.NonceLength - SealedChunk.TagLength];
        using var aes = new AesGcm(Convert.FromBase64String(master.Secret), SealedChunk.TagLength);
        try
        {
            aes.Decrypt(wrapped.AsSpan(0, SealedChunk.NonceLength), wrapped.AsSpan(SealedChunk.NonceLength, dataKey.Length), wrapped.AsSpan(SealedChunk.NonceLength + dataKey.Length), dataKey, Encoding.UTF8.GetBytes(arn));
        }
        catch (AuthenticationTagMismatchException)
        {
            throw new EbsException(EbsErrorCodes.InternalError, $"The data key of KMS key '{arn}' does not open with the master secret: the state is damaged.", arn);
        }

        return dataKey;
    }
}
