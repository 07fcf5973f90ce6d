namespace Ebs.Core.Domain;

/// <summary>What the encryption of a snapshot or image allows when it is shared (see <see cref="EncryptionRules"/>).</summary>
internal enum SharingVerdict
{
    /// <summary>Shareable, and the recipient can use it: unencrypted (shared with an account), or its key is granted to the recipient.</summary>
    Allowed,

    /// <summary>Shareable, but the recipient can use it only once the key's owner grants it the key (CreateGrant).</summary>
    AllowedOnceKeyGranted,

    /// <summary>Refused: encrypted data cannot be made public.</summary>
    EncryptedCannotBePublic,

    /// <summary>Refused: data encrypted with the AWS managed key (<c>alias/aws/ebs</c>) cannot be shared with other accounts.</summary>
    ManagedKeyCannotBeShared,
}
