using System.Collections.Immutable;
using Ebs.Core.Storage;

namespace Ebs.Core.Domain;

/// <summary>
/// The one rule of who may see and use a snapshot or an image, and of what may be shared. A
/// resource exists only in its Region; there, its owner may do everything, an account it is
/// shared with (createVolumePermission, launchPermission) and, while it is public (the group
/// <c>all</c>), every account may use it. Block public access in <c>block-all-sharing</c> mode
/// in the owner's account and Region treats a public snapshot as private without removing the
/// permission. Every lookup of <see cref="Services.Ec2Client"/> asks here.
/// </summary>
internal static class Sharing
{
    /// <summary>The group name that makes a resource public, as stored among the permissions.</summary>
    public const string AllGroup = "all";

    /// <summary>The access <paramref name="caller"/> has to a snapshot (in its Region).</summary>
    public static Access Of(World world, SnapshotRecord snapshot, string caller)
        => Of(snapshot.OwnerId, snapshot.CreateVolumePermissions, caller, publicHidden: BlockPublicAccess(world, snapshot.OwnerId, snapshot.Region).Snapshots == SnapshotBlockPublicAccessState.BlockAllSharing);

    /// <summary>The access <paramref name="caller"/> has to an image (in its Region); image block public access never hides a public image.</summary>
    public static Access Of(World world, ImageRecord image, string caller)
        => Of(image.View.OwnerId, image.LaunchPermissions, caller, publicHidden: false);

    /// <summary>Whether a snapshot is effectively public: permitted to <c>all</c> and not hidden by block-all-sharing.</summary>
    public static bool IsPublic(World world, SnapshotRecord snapshot) => Of(world, snapshot, caller: string.Empty) == Access.Public;

    /// <summary>Gets block public access of an account in a Region.</summary>
    public static BlockPublicAccessRecord BlockPublicAccess(World world, string accountId, string region)
        => world.Table(RecordKinds.BlockPublicAccess).GetValueOrDefault(BlockPublicAccessRecord.KeyOf(accountId, region))
            ?? new BlockPublicAccessRecord { AccountId = accountId, Region = region };

    /// <summary>
    /// Refuses adding <paramref name="grants"/> to a snapshot's createVolumePermission: the one
    /// place where what may be shared is decided: block public access, then encryption (<see cref="EncryptionRules"/>).
    /// </summary>
    /// <exception cref="EbsException"><c>OperationNotPermitted</c> for making it public while block public access for snapshots is enabled, making an encrypted snapshot public, or sharing one under the AWS managed key.</exception>
    public static void CheckShare(World world, SnapshotRecord snapshot, IEnumerable<string> grants)
    {
        if (grants.Contains(AllGroup) && BlockPublicAccess(world, snapshot.OwnerId, snapshot.Region).Snapshots != SnapshotBlockPublicAccessState.Unblocked)
        {
            throw new EbsException(EbsErrorCodes.OperationNotPermitted, $"Block public access for snapshots is enabled in {snapshot.Region}: snapshot {snapshot.Id} cannot be made public.", snapshot.Id.Value);
        }

        foreach (var grant in grants)
        {
            EncryptionRules.ThrowIfRefused(EncryptionRules.MayShare(world, snapshot.KmsKeyId, Recipient(grant)), snapshot.Id.Value);
        }
    }

    /// <summary>Refuses adding <paramref name="grants"/> to an image's launchPermission (as <see cref="CheckShare(World, SnapshotRecord, IEnumerable{string})"/>).</summary>
    /// <exception cref="EbsException"><c>OperationNotPermitted</c> for making it public while block public access for images is enabled.</exception>
    public static void CheckShare(World world, ImageRecord image, IEnumerable<string> grants)
    {
        if (grants.Contains(AllGroup) && BlockPublicAccess(world, image.View.OwnerId, image.View.Region).Images != ImageBlockPublicAccessState.Unblocked)
        {
            throw new EbsException(EbsErrorCodes.OperationNotPermitted, $"Block public access for AMIs is enabled in {image.View.Region}: image {image.Id} cannot be made public.", image.Id.Value);
        }

        var keys = image.View.BlockDeviceMappings
            .Select(mapping => mapping.Ebs?.SnapshotId is { } id ? world.Snapshots.GetValueOrDefault(id)?.KmsKeyId : null)
            .ToList();
        foreach (var grant in grants)
        {
            EncryptionRules.ThrowIfRefused(EncryptionRules.MayShare(world, keys, Recipient(grant)), image.Id.Value);
        }
    }

    /// <summary>The account a grant shares with, or <see langword="null"/> for the group <c>all</c> (everyone).</summary>
    private static string? Recipient(string grant) => grant == AllGroup ? null : grant;

    private static Access Of(string owner, ImmutableSortedSet<string> permissions, string caller, bool publicHidden)
        => owner == caller ? Access.Owner
            : permissions.Contains(caller) ? Access.Shared
            : !publicHidden && permissions.Contains(AllGroup) ? Access.Public
            : Access.None;
}
