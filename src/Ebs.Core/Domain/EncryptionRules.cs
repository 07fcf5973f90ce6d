using Ebs.Core.Storage;

namespace Ebs.Core.Domain;

/// <summary>
/// The one place that answers what encryption allows when a snapshot or an image is shared
/// (ModifySnapshotAttribute, ModifyImageAttribute) and when another account uses it. AWS's rules
/// (API_ModifySnapshotAttribute; "Share an Amazon EBS snapshot"): encrypted snapshots cannot be made
/// public; snapshots encrypted with the AWS managed key cannot be shared with other accounts; one
/// encrypted with a customer managed key can be shared, and the recipient can use it once the key's
/// owner grants it the key. An image is judged by the worst of its snapshots.
/// </summary>
internal static class EncryptionRules
{
    /// <summary>Judges sharing data protected by <paramref name="keyArns"/> (<see langword="null"/> items: unencrypted) with <paramref name="recipientAccountId"/>, or with everyone when it is <see langword="null"/>.</summary>
    public static SharingVerdict MayShare(World world, IEnumerable<string?> keyArns, string? recipientAccountId)
        => keyArns.Select(arn => MayShare(world, arn, recipientAccountId)).DefaultIfEmpty(SharingVerdict.Allowed).Max();

    /// <summary>Judges sharing data protected by <paramref name="keyArn"/> (<see langword="null"/>: unencrypted) with <paramref name="recipientAccountId"/>, or with everyone when it is <see langword="null"/>.</summary>
    public static SharingVerdict MayShare(World world, string? keyArn, string? recipientAccountId)
    {
        if (keyArn is null)
        {
            return SharingVerdict.Allowed;
        }

        if (recipientAccountId is null)
        {
            return SharingVerdict.EncryptedCannotBePublic;
        }

        var key = world.Table(RecordKinds.KmsKey).GetValueOrDefault(keyArn);
        if (key is { KeyManager: KeyManagerType.Aws } && key.AccountId != recipientAccountId)
        {
            return SharingVerdict.ManagedKeyCannotBeShared;
        }

        return MayUse(world, keyArn, recipientAccountId) ? SharingVerdict.Allowed : SharingVerdict.AllowedOnceKeyGranted;
    }

    /// <summary>
    /// Whether <paramref name="accountId"/> may use data protected by <paramref name="keyArn"/> (create volumes from it, copy it, launch
    /// from it): unencrypted, or the key is its own or granted to it. EC2 asks in <c>Ec2Client.TargetKey</c>, which every use of a
    /// snapshot's data passes; the EBS direct APIs ask before reading.
    /// </summary>
    public static bool MayUse(World world, string? keyArn, string accountId)
        => keyArn is null || world.Table(RecordKinds.KmsKey).GetValueOrDefault(keyArn) is { } key && key.IsUsableBy(accountId);

    /// <summary>Throws AWS's refusal for a verdict that refuses sharing <paramref name="resourceId"/>.</summary>
    /// <exception cref="EbsException"><c>OperationNotPermitted</c> for <see cref="SharingVerdict.EncryptedCannotBePublic"/> and <see cref="SharingVerdict.ManagedKeyCannotBeShared"/>.</exception>
    public static void ThrowIfRefused(SharingVerdict verdict, string resourceId)
    {
        switch (verdict)
        {
            case SharingVerdict.EncryptedCannotBePublic:
                throw new EbsException(EbsErrorCodes.OperationNotPermitted, $"'{resourceId}' is encrypted: encrypted snapshots cannot be made public.", resourceId);
            case SharingVerdict.ManagedKeyCannotBeShared:
                throw new EbsException(EbsErrorCodes.OperationNotPermitted, $"'{resourceId}' is encrypted with the AWS managed key: snapshots encrypted with your default KMS key cannot be shared with other accounts.", resourceId);
        }
    }
}
