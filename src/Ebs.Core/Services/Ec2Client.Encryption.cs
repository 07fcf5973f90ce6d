using Ebs.Core.BlockMaps;
using Ebs.Core.Chunks;
using Ebs.Core.Domain;
using Ebs.Core.Storage;

namespace Ebs.Core.Services;

public sealed partial class Ec2Client
{
    /// <summary>
    /// Turns on EBS encryption by default for the caller in this Region: from now on, new volumes and
    /// snapshot copies are encrypted with the default KMS key (<see cref="GetEbsDefaultKmsKeyIdAsync"/>)
    /// unless the request names another. Existing volumes and snapshots do not change.
    /// </summary>
    /// <param name="request">No parameters.</param>
    /// <param name="cancellationToken">A token to cancel the call.</param>
    /// <returns>The setting, <see langword="true"/>.</returns>
    /// <exception cref="ArgumentNullException"><paramref name="request"/> is <see langword="null"/>.</exception>
    /// <exception cref="EbsException">Never for a valid request; listed for the facade convention.</exception>
    public async ValueTask<EnableEbsEncryptionByDefaultResponse> EnableEbsEncryptionByDefaultAsync(EnableEbsEncryptionByDefaultRequest request, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(request);
        await SetEncryptionDefaultsAsync(nameof(EnableEbsEncryptionByDefaultAsync), d => d with { EncryptionByDefault = true }, cancellationToken).ConfigureAwait(false);
        return new EnableEbsEncryptionByDefaultResponse { EbsEncryptionByDefault = true };
    }

    /// <summary>Turns off EBS encryption by default for the caller in this Region. Existing volumes and snapshots do not change.</summary>
    /// <param name="request">No parameters.</param>
    /// <param name="cancellationToken">A token to cancel the call.</param>
    /// <returns>The setting, <see langword="false"/>.</returns>
    /// <exception cref="ArgumentNullException"><paramref name="request"/> is <see langword="null"/>.</exception>
    /// <exception cref="EbsException">Never for a valid request; listed for the facade convention.</exception>
    public async ValueTask<DisableEbsEncryptionByDefaultResponse> DisableEbsEncryptionByDefaultAsync(DisableEbsEncryptionByDefaultRequest request, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(request);
        await SetEncryptionDefaultsAsync(nameof(DisableEbsEncryptionByDefaultAsync), d => d with { EncryptionByDefault = false }, cancellationToken).ConfigureAwait(false);
        return new DisableEbsEncryptionByDefaultResponse { EbsEncryptionByDefault = false };
    }

    /// <summary>Tells whether EBS encryption by default is on for the caller in this Region (off until enabled, as in AWS).</summary>
    /// <param name="request">No parameters.</param>
    /// <param name="cancellationToken">A token to cancel the call.</param>
    /// <returns>The setting.</returns>
    /// <exception cref="ArgumentNullException"><paramref name="request"/> is <see langword="null"/>.</exception>
    /// <exception cref="EbsException">Never for a valid request; listed for the facade convention.</exception>
    public async ValueTask<GetEbsEncryptionByDefaultResponse> GetEbsEncryptionByDefaultAsync(GetEbsEncryptionByDefaultRequest request, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(request);
        var world = await _engine.CurrentAsync(cancellationToken).ConfigureAwait(false);
        return new GetEbsEncryptionByDefaultResponse { EbsEncryptionByDefault = EncryptionDefaults(world).EncryptionByDefault };
    }

    /// <summary>
    /// Gets the default KMS key for EBS encryption: the key set by <see cref="ModifyEbsDefaultKmsKeyIdAsync"/>,
    /// or <c>alias/aws/ebs</c> for the AWS managed key (whose ARN DescribeKey gives once EC2 has made it).
    /// </summary>
    /// <param name="request">No parameters.</param>
    /// <param name="cancellationToken">A token to cancel the call.</param>
    /// <returns>The key's ARN, or <c>alias/aws/ebs</c>.</returns>
    /// <exception cref="ArgumentNullException"><paramref name="request"/> is <see langword="null"/>.</exception>
    /// <exception cref="EbsException">Never for a valid request; listed for the facade convention.</exception>
    public async ValueTask<GetEbsDefaultKmsKeyIdResponse> GetEbsDefaultKmsKeyIdAsync(GetEbsDefaultKmsKeyIdRequest request, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(request);
        var world = await _engine.CurrentAsync(cancellationToken).ConfigureAwait(false);
        return new GetEbsDefaultKmsKeyIdResponse { KmsKeyId = EncryptionDefaults(world).KmsKeyArn ?? KmsKeyRecord.EbsAlias };
    }

    /// <summary>
    /// Sets the default KMS key for EBS encryption in this Region: the key new encrypted volumes and
    /// snapshot copies use when the request names none.
    /// </summary>
    /// <param name="request">The key: id, ARN, alias name or alias ARN.</param>
    /// <param name="cancellationToken">A token to cancel the call.</param>
    /// <returns>The key's ARN.</returns>
    /// <exception cref="ArgumentNullException"><paramref name="request"/> or its key id is <see langword="null"/>.</exception>
    /// <exception cref="EbsException">
    /// <c>InvalidParameterValue</c> for a key that does not exist in the Region or that the caller may not use
    /// (AWS checks keys asynchronously and lets the call appear to succeed; this library refuses at once);
    /// <c>InvalidKMSKey.InvalidState</c> for a disabled key or one pending deletion.
    /// </exception>
    public async ValueTask<ModifyEbsDefaultKmsKeyIdResponse> ModifyEbsDefaultKmsKeyIdAsync(ModifyEbsDefaultKmsKeyIdRequest request, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(request);
        ArgumentNullException.ThrowIfNull(request.KmsKeyId);
        var arn = await _engine.CommitAsync(nameof(ModifyEbsDefaultKmsKeyIdAsync), m =>
        {
            var key = request.KmsKeyId == KmsKeyRecord.EbsAlias ? null : KeyRing.Usable(m.World, AccountId, Region, request.KmsKeyId);
            SetEncryptionDefaults(m, d => d with { KmsKeyArn = key?.Arn });
            return key?.Arn ?? _engine.Keys.EbsManagedKey(m, AccountId, Region).Arn;
        }, null, cancellationToken).ConfigureAwait(false);
        return new ModifyEbsDefaultKmsKeyIdResponse { KmsKeyId = arn };
    }

    /// <summary>Resets the default KMS key for EBS encryption in this Region to the AWS managed key.</summary>
    /// <param name="request">No parameters.</param>
    /// <param name="cancellationToken">A token to cancel the call.</param>
    /// <returns><c>alias/aws/ebs</c>.</returns>
    /// <exception cref="ArgumentNullException"><paramref name="request"/> is <see langword="null"/>.</exception>
    /// <exception cref="EbsException">Never for a valid request; listed for the facade convention.</exception>
    public async ValueTask<ResetEbsDefaultKmsKeyIdResponse> ResetEbsDefaultKmsKeyIdAsync(ResetEbsDefaultKmsKeyIdRequest request, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(request);
        await SetEncryptionDefaultsAsync(nameof(ResetEbsDefaultKmsKeyIdAsync), d => d with { KmsKeyArn = null }, cancellationToken).ConfigureAwait(false);
        return new ResetEbsDefaultKmsKeyIdResponse { KmsKeyId = KmsKeyRecord.EbsAlias };
    }

    private EbsEncryptionDefaults EncryptionDefaults(World world)
        => world.Table(RecordKinds.EncryptionDefaults).GetValueOrDefault(EbsEncryptionDefaults.KeyOf(AccountId, Region))
            ?? new EbsEncryptionDefaults { AccountId = AccountId, Region = Region };

    private ValueTask<bool> SetEncryptionDefaultsAsync(string operation, Func<EbsEncryptionDefaults, EbsEncryptionDefaults> change, CancellationToken cancellationToken)
        => _engine.CommitAsync(operation, m =>
        {
            SetEncryptionDefaults(m, change);
            return true;
        }, null, cancellationToken);

    private void SetEncryptionDefaults(Mutation m, Func<EbsEncryptionDefaults, EbsEncryptionDefaults> change)
    {
        var before = EncryptionDefaults(m.World);
        var after = change(before);
        if (after != before)
        {
            m.Set(RecordKinds.EncryptionDefaults, after);
        }
    }

    /// <summary>
    /// Checks an Encrypted / KmsKeyId pair before anything changes: a key needs <c>Encrypted</c>, as AWS requires.
    /// </summary>
    /// <exception cref="EbsException"><c>InvalidParameterDependency</c> for a key without <c>Encrypted</c> set to <see langword="true"/>.</exception>
    private static void CheckEncryptionParameters(bool? encrypted, string? kmsKeyId)
    {
        if (kmsKeyId is not null && encrypted != true)
        {
            throw new EbsException(EbsErrorCodes.InvalidParameterDependency, "The parameter KmsKeyId requires the parameter Encrypted to be set.");
        }
    }

    /// <summary>
    /// The key new data must be sealed with (its ARN), or <see langword="null"/> for unencrypted data, by AWS's
    /// rules: data from an encrypted <paramref name="source"/> stays encrypted, with the named key, else with the
    /// source's key when the caller owns the source in this Region, else with the caller's default key (a volume or
    /// launch from another account's snapshot, a copy into another account or Region); otherwise it is encrypted when
    /// asked or when encryption by default is on, with the named key or the default one. The key must be usable by the caller.
    /// Every use of a snapshot's data by EC2 (CreateVolume, RunInstances, CopySnapshot, CopyImage, DLM and Backup copies)
    /// chooses its key here, so this is also the one place that checks the caller may open the source's key
    /// (<see cref="EncryptionRules.MayUse"/>): a recipient of another account's snapshot or image encrypted with a
    /// customer managed key needs a grant of that key.
    /// </summary>
    /// <exception cref="EbsException">
    /// <c>InvalidKMSKey.InvalidState</c> when the source's key is disabled, pending deletion or deleted, or is another account's key
    /// not granted to the caller ("Given key ID is not accessible"), or when the chosen key is disabled or pending deletion;
    /// <c>InvalidParameterValue</c> for an unknown or inaccessible named key.
    /// </exception>
    private string? TargetKey(Mutation m, bool? encrypted, string? kmsKeyId, SnapshotRecord? source)
    {
        if (source?.KmsKeyId is { } sourceKeyArn)
        {
            KeyRing.UsableByArn(m.World, sourceKeyArn);
            if (!EncryptionRules.MayUse(m.World, sourceKeyArn, AccountId))
            {
                throw new EbsException(EbsErrorCodes.InvalidKmsKeyInvalidState, $"Given key ID is not accessible: snapshot '{source.Id}' is encrypted with KMS key '{sourceKeyArn}', which its owner has not granted to account {AccountId}.", source.Id.Value);
            }
        }

        if (kmsKeyId is not null)
        {
            return KeyRing.Usable(m.World, AccountId, Region, kmsKeyId).Arn;
        }

        if (source?.KmsKeyId is { } kept && source.OwnerId == AccountId && source.Region == Region)
        {
            return kept;
        }

        var defaults = EncryptionDefaults(m.World);
        if (source?.KmsKeyId is null && encrypted != true && !defaults.EncryptionByDefault)
        {
            return null;
        }

        return defaults.KmsKeyArn is { } arn
            ? KeyRing.UsableByArn(m.World, arn).Arn
            : _engine.Keys.EbsManagedKey(m, AccountId, Region).Arn;
    }

    /// <summary>
    /// The key and block map of a new volume of the caller's from <paramref name="snapshot"/> (CreateVolume, RunInstances): the key
    /// <see cref="TargetKey"/> chooses, and the snapshot's map, or its re-encryption under that key when the key differs.
    /// </summary>
    /// <exception cref="EbsException">What <see cref="TargetKey"/> throws.</exception>
    private async ValueTask<(string? KeyArn, NodeId? Root)> VolumeDataAsync(Mutation m, SnapshotRecord snapshot, bool? encrypted, string? kmsKeyId, CancellationToken cancellationToken)
    {
        var keyArn = TargetKey(m, encrypted, kmsKeyId, snapshot);
        if (keyArn == snapshot.KmsKeyId)
        {
            return (keyArn, snapshot.Root);
        }

        var (root, _) = await TransferAsync(m, snapshot, _engine.Keys.ScopeOf(m.World, AccountId, Region, keyArn), cancellationToken).ConfigureAwait(false);
        return (keyArn, root);
    }

    /// <summary>The chunk scope of a volume's data, whose key must be usable.</summary>
    /// <exception cref="EbsException"><c>InvalidKMSKey.InvalidState</c> when the volume's key is disabled, pending deletion or deleted.</exception>
    private ChunkScope ScopeOf(World world, VolumeRecord volume) => _engine.Keys.ScopeOf(world, AccountId, Region, volume.View.KmsKeyId);
}
