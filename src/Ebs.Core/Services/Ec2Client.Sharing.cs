using System.Collections.Immutable;
using Ebs.Core.Domain;
using Ebs.Core.Storage;

namespace Ebs.Core.Services;

public sealed partial class Ec2Client
{
    /// <summary>The reason AWS gives a recipient's Fast Snapshot Restore that ends because the snapshot was unshared.</summary>
    private const string AccessRevoked = "Client.InvalidSnapshot.InvalidState - The requested snapshot was deleted or access permissions were revoked";

    /// <summary>
    /// Shares or unshares one of the caller's snapshots (its createVolumePermission): with accounts, or with every
    /// account through the group <c>all</c> (public). An account it is shared with may create volumes from it and copy
    /// it; it may not modify, share, delete or archive it. Removing a grant that is not there changes nothing. An
    /// account that loses access loses its Fast Snapshot Restore of the snapshot.
    /// </summary>
    /// <param name="request">The snapshot and the grants to add and remove.</param>
    /// <param name="cancellationToken">A token to cancel the call.</param>
    /// <returns>AWS's empty response.</returns>
    /// <exception cref="ArgumentNullException"><paramref name="request"/> is <see langword="null"/>.</exception>
    /// <exception cref="EbsException">
    /// <c>InvalidSnapshot.NotFound</c>, <c>InvalidSnapshotID.Malformed</c>; <c>UnauthorizedOperation</c> for a snapshot the caller does not own;
    /// <c>InvalidParameterValue</c> for the productCodes attribute, a grant that is null or names neither or both of an account and a group, or no operation type;
    /// <c>MissingParameter</c> for no grant; <c>InvalidUserID.Malformed</c> for an account id that is not 12 digits;
    /// <c>IncorrectState</c> for an archived snapshot; <c>OperationNotPermitted</c> for making it public while block public access for snapshots is enabled.
    /// </exception>
    public async ValueTask<ModifySnapshotAttributeResponse> ModifySnapshotAttributeAsync(ModifySnapshotAttributeRequest request, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(request);
        if (request.Attribute is SnapshotAttributeName.ProductCodes)
        {
            throw new EbsException(EbsErrorCodes.InvalidParameterValue, "The productCodes attribute of a snapshot cannot be modified.");
        }

        var (add, remove) = PermissionChanges(
            request.CreateVolumePermission?.Add.Select(g => (g?.UserId, g?.Group)),
            request.CreateVolumePermission?.Remove.Select(g => (g?.UserId, g?.Group)),
            request.OperationType,
            request.UserIds,
            request.GroupNames);
        await _engine.CommitAsync(nameof(ModifySnapshotAttributeAsync), m =>
        {
            var snapshot = FindSnapshot(m.World, request.SnapshotId);
            if (add.Count > 0 && !snapshot.IsStandardTierOnly)
            {
                throw new EbsException(EbsErrorCodes.IncorrectState, $"Snapshot '{snapshot.Id}' is archived, or being archived or restored: it cannot be shared.", snapshot.Id.Value);
            }

            Sharing.CheckShare(m.World, snapshot, add);
            SetCreateVolumePermissions(m, snapshot, snapshot.CreateVolumePermissions.Union(add).Except(remove));
            return true;
        }, null, cancellationToken).ConfigureAwait(false);
        return new ModifySnapshotAttributeResponse();
    }

    /// <summary>Describes an attribute of one of the caller's snapshots: who it is shared with, or its (always empty) product codes.</summary>
    /// <param name="request">The snapshot and the attribute.</param>
    /// <param name="cancellationToken">A token to cancel the call.</param>
    /// <returns>The attribute.</returns>
    /// <exception cref="ArgumentNullException"><paramref name="request"/> is <see langword="null"/>.</exception>
    /// <exception cref="EbsException"><c>InvalidSnapshot.NotFound</c>, <c>InvalidSnapshotID.Malformed</c>; <c>UnauthorizedOperation</c> for a snapshot the caller does not own; <c>InvalidParameterValue</c> for an undefined attribute.</exception>
    public async ValueTask<DescribeSnapshotAttributeResponse> DescribeSnapshotAttributeAsync(DescribeSnapshotAttributeRequest request, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(request);
        CheckDefined(request.Attribute);
        var snapshot = FindSnapshot(await _engine.CurrentAsync(cancellationToken).ConfigureAwait(false), request.SnapshotId);
        return new DescribeSnapshotAttributeResponse
        {
            SnapshotId = snapshot.Id,
            CreateVolumePermissions = request.Attribute == SnapshotAttributeName.CreateVolumePermission
                ? ValueList<CreateVolumePermission>.From(snapshot.CreateVolumePermissions.Select(g => g == Sharing.AllGroup ? new CreateVolumePermission { Group = PermissionGroup.All } : new CreateVolumePermission { UserId = g }))
                : ValueList<CreateVolumePermission>.Empty,
        };
    }

    /// <summary>Resets the createVolumePermission of one of the caller's snapshots: it is shared with nobody.</summary>
    /// <param name="request">The snapshot and the attribute.</param>
    /// <param name="cancellationToken">A token to cancel the call.</param>
    /// <returns>AWS's empty response.</returns>
    /// <exception cref="ArgumentNullException"><paramref name="request"/> is <see langword="null"/>.</exception>
    /// <exception cref="EbsException"><c>InvalidSnapshot.NotFound</c>, <c>InvalidSnapshotID.Malformed</c>; <c>UnauthorizedOperation</c> for a snapshot the caller does not own; <c>InvalidParameterValue</c> for an attribute other than createVolumePermission.</exception>
    public async ValueTask<ResetSnapshotAttributeResponse> ResetSnapshotAttributeAsync(ResetSnapshotAttributeRequest request, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(request);
        if (request.Attribute != SnapshotAttributeName.CreateVolumePermission)
        {
            throw new EbsException(EbsErrorCodes.InvalidParameterValue, "Only the createVolumePermission attribute of a snapshot can be reset.");
        }

        await _engine.CommitAsync(nameof(ResetSnapshotAttributeAsync), m =>
        {
            var snapshot = FindSnapshot(m.World, request.SnapshotId);
            SetCreateVolumePermissions(m, snapshot, []);
            return true;
        }, null, cancellationToken).ConfigureAwait(false);
        return new ResetSnapshotAttributeResponse();
    }

    /// <summary>
    /// Modifies one attribute of one of the caller's images: its description, or who may launch it (its
    /// launchPermission: accounts, or every account through the group <c>all</c>, which makes it a public, community
    /// image). Sharing an image does not share its snapshots: a launch needs only the image's permission.
    /// </summary>
    /// <param name="request">The image and the change.</param>
    /// <param name="cancellationToken">A token to cancel the call.</param>
    /// <returns>AWS's empty response.</returns>
    /// <exception cref="ArgumentNullException"><paramref name="request"/> is <see langword="null"/>.</exception>
    /// <exception cref="EbsException">
    /// <c>InvalidAMIID.NotFound</c>, <c>InvalidAMIID.Malformed</c>; <c>AuthFailure</c> for an image of another account;
    /// <c>InvalidParameterValue</c> for an attribute that cannot be modified, a long description, a grant that is null or names neither or both of an account and a group,
    /// or no operation type; <c>MissingParameter</c> for no change; <c>InvalidUserID.Malformed</c> for an account id that is not 12 digits;
    /// <c>OperationNotPermitted</c> for making it public while block public access for images is enabled.
    /// </exception>
    public async ValueTask<ModifyImageAttributeResponse> ModifyImageAttributeAsync(ModifyImageAttributeRequest request, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(request);
        if (request.Attribute is ImageAttributeName.ProductCodes or ImageAttributeName.BlockDeviceMapping)
        {
            throw new EbsException(EbsErrorCodes.InvalidParameterValue, $"The {request.Attribute.Value.ToAwsString()} attribute of an image cannot be modified.");
        }

        var description = request.Description;
        if (description is not null || request.Attribute == ImageAttributeName.Description)
        {
            CheckDescription(description);
            await _engine.CommitAsync(nameof(ModifyImageAttributeAsync), m =>
            {
                var image = FindImage(m.World, request.ImageId);
                m.SetImage(image with { View = image.View with { Description = description ?? string.Empty } });
                return true;
            }, null, cancellationToken).ConfigureAwait(false);
            return new ModifyImageAttributeResponse();
        }

        var (add, remove) = PermissionChanges(
            request.LaunchPermission?.Add.Select(g => (g?.UserId, g?.Group)),
            request.LaunchPermission?.Remove.Select(g => (g?.UserId, g?.Group)),
            request.OperationType,
            request.UserIds,
            request.UserGroups);
        await _engine.CommitAsync(nameof(ModifyImageAttributeAsync), m =>
        {
            var image = FindImage(m.World, request.ImageId);
            Sharing.CheckShare(m.World, image, add);
            m.SetImage(image with { LaunchPermissions = image.LaunchPermissions.Union(add).Except(remove) });
            return true;
        }, null, cancellationToken).ConfigureAwait(false);
        return new ModifyImageAttributeResponse();
    }

    /// <summary>Describes one attribute of one of the caller's images: its description, launch permissions, (always empty) product codes, or block device mappings.</summary>
    /// <param name="request">The image and the attribute.</param>
    /// <param name="cancellationToken">A token to cancel the call.</param>
    /// <returns>The attribute.</returns>
    /// <exception cref="ArgumentNullException"><paramref name="request"/> is <see langword="null"/>.</exception>
    /// <exception cref="EbsException"><c>InvalidAMIID.NotFound</c>, <c>InvalidAMIID.Malformed</c>; <c>AuthFailure</c> for an image of another account, shared or public ones included; <c>InvalidParameterValue</c> for an undefined attribute.</exception>
    public async ValueTask<DescribeImageAttributeResponse> DescribeImageAttributeAsync(DescribeImageAttributeRequest request, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(request);
        CheckDefined(request.Attribute);
        var image = FindImage(await _engine.CurrentAsync(cancellationToken).ConfigureAwait(false), request.ImageId);
        return new DescribeImageAttributeResponse
        {
            ImageId = image.Id,
            Description = request.Attribute == ImageAttributeName.Description ? image.View.Description : null,
            LaunchPermissions = request.Attribute == ImageAttributeName.LaunchPermission
                ? ValueList<LaunchPermission>.From(image.LaunchPermissions.Select(g => g == Sharing.AllGroup ? new LaunchPermission { Group = PermissionGroup.All } : new LaunchPermission { UserId = g }))
                : ValueList<LaunchPermission>.Empty,
            BlockDeviceMappings = request.Attribute == ImageAttributeName.BlockDeviceMapping ? image.View.BlockDeviceMappings : ValueList<BlockDeviceMapping>.Empty,
        };
    }

    /// <summary>Resets the launchPermission of one of the caller's images: it is shared with nobody and not public.</summary>
    /// <param name="request">The image and the attribute.</param>
    /// <param name="cancellationToken">A token to cancel the call.</param>
    /// <returns>AWS's empty response.</returns>
    /// <exception cref="ArgumentNullException"><paramref name="request"/> is <see langword="null"/>.</exception>
    /// <exception cref="EbsException"><c>InvalidAMIID.NotFound</c>, <c>InvalidAMIID.Malformed</c>; <c>AuthFailure</c> for an image of another account; <c>InvalidParameterValue</c> for an attribute other than launchPermission.</exception>
    public async ValueTask<ResetImageAttributeResponse> ResetImageAttributeAsync(ResetImageAttributeRequest request, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(request);
        if (request.Attribute != ImageAttributeName.LaunchPermission)
        {
            throw new EbsException(EbsErrorCodes.InvalidParameterValue, "Only the launchPermission attribute of an image can be reset.");
        }

        await _engine.CommitAsync(nameof(ResetImageAttributeAsync), m =>
        {
            var image = FindImage(m.World, request.ImageId);
            m.SetImage(image with { LaunchPermissions = [] });
            return true;
        }, null, cancellationToken).ConfigureAwait(false);
        return new ResetImageAttributeResponse();
    }

    /// <summary>
    /// Reads the grants a Modify…Attribute call adds and removes, as stored: account ids and <see cref="Sharing.AllGroup"/>.
    /// Either the structured modifications or the operation type with user ids and groups.
    /// </summary>
    private static (ImmutableSortedSet<string> Add, ImmutableSortedSet<string> Remove) PermissionChanges(
        IEnumerable<(string? UserId, PermissionGroup? Group)>? added,
        IEnumerable<(string? UserId, PermissionGroup? Group)>? removed,
        OperationType? operation,
        IReadOnlyList<string>? userIds,
        IReadOnlyList<PermissionGroup>? groups)
    {
        var flat = (userIds ?? []).Select(u => ((string?)u, (PermissionGroup?)null)).Concat((groups ?? []).Select(g => ((string?)null, (PermissionGroup?)g))).ToList();
        if (flat.Count > 0)
        {
            if (operation is not { } op || !AwsEnum.IsDefined(op))
            {
                throw new EbsException(EbsErrorCodes.InvalidParameterValue, "The operation type (add or remove) must be given with user ids or groups.");
            }

            (added, removed) = op == OperationType.Add ? (added is null ? flat : added.Concat(flat), removed) : (added, removed is null ? flat : removed.Concat(flat));
        }

        var add = Grants(added ?? []);
        var remove = Grants(removed ?? []);
        return add.Count + remove.Count > 0
            ? (add, remove)
            : throw new EbsException(EbsErrorCodes.MissingParameter, "The request must add or remove at least one permission.");
    }

    private static ImmutableSortedSet<string> Grants(IEnumerable<(string? UserId, PermissionGroup? Group)> grants)
    {
        var result = ImmutableSortedSet.CreateBuilder<string>(StringComparer.Ordinal);
        foreach (var (userId, group) in grants)
        {
            if ((userId is null) == (group is null) || (group is { } g && !AwsEnum.IsDefined(g)))
            {
                throw new EbsException(EbsErrorCodes.InvalidParameterValue, "A permission names either an account (UserId) or the group all, not both or neither.");
            }

            if (userId is not null && !AccountIdFormat.IsValid(userId))
            {
                throw new EbsException(EbsErrorCodes.InvalidUserIdMalformed, $"Invalid user id: \"{userId}\"", userId);
            }

            result.Add(userId ?? Sharing.AllGroup);
        }

        return result.ToImmutable();
    }

    /// <summary>Sets a snapshot's createVolumePermission; the Fast Snapshot Restore of each account that can no longer use it is disabled, as AWS disables it.</summary>
    internal static void SetCreateVolumePermissions(Mutation m, SnapshotRecord snapshot, ImmutableSortedSet<string> permissions)
    {
        var updated = snapshot with { CreateVolumePermissions = permissions };
        m.SetSnapshot(updated);
        foreach (var record in m.World.Table(RecordKinds.FastSnapshotRestore).Values.Where(r => r.SnapshotId == snapshot.Id && r.IsActive && Sharing.Of(m.World, updated, r.OwnerId) == Access.None).ToList())
        {
            FastSnapshotRestores.Disable(m, record, AccessRevoked);
        }
    }
}
