using System.Globalization;
using Ebs.Core.Domain;

namespace Ebs.Core.Services;

public sealed partial class Ec2Client
{
    /// <summary>
    /// Registers an EBS-backed machine image from the caller's snapshots, or an instance-store-backed one from a manifest
    /// location (<see cref="RegisterImageRequest.ImageLocation"/>) with EBS volumes besides its root. It is
    /// <see cref="ImageState.Pending"/> until every snapshot it uses has completed, then
    /// <see cref="ImageState.Available"/>. While registered, its snapshots cannot be deleted.
    /// </summary>
    /// <param name="request">The parameters.</param>
    /// <param name="cancellationToken">A token to cancel the call.</param>
    /// <returns>The new image's id.</returns>
    /// <exception cref="ArgumentNullException"><paramref name="request"/> or a mapping is <see langword="null"/>.</exception>
    /// <exception cref="EbsException">
    /// <c>InvalidAMIName.Malformed</c>, <c>InvalidAMIName.Duplicate</c>; <c>InvalidParameterValue</c> for an undefined
    /// architecture, virtualization type or boot mode, or bad tags; <c>InvalidBlockDeviceMapping</c> for no or repeated devices, a root
    /// device not mapped (mapped, for an instance-store-backed image), a size below the snapshot's, or st1 or sc1 as the root device;
    /// <c>InvalidParameterValue</c>, <c>InvalidParameterCombination</c> or <c>MissingParameter</c> for a mapping's type, IOPS or
    /// throughput outside the type's limits (as CreateVolume); <c>InvalidSnapshot.NotFound</c>, <c>InvalidSnapshotID.Malformed</c>;
    /// <c>IncorrectState</c> for a snapshot archived, being archived or restored, or temporarily restored.
    /// </exception>
    public async ValueTask<RegisterImageResponse> RegisterImageAsync(RegisterImageRequest request, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(request);
        CheckImageName(request.Name);
        CheckDefined(request.Architecture);
        CheckDefined(request.VirtualizationType);
        if (request.BootMode is { } bootMode)
        {
            CheckDefined(bootMode);
        }

        CheckDescription(request.Description);

        var mappings = request.BlockDeviceMappings ?? [];
        foreach (var mapping in mappings)
        {
            ArgumentNullException.ThrowIfNull(mapping);
            ArgumentNullException.ThrowIfNull(mapping.Ebs, nameof(request));
        }

        var instanceStore = request.ImageLocation is not null;
        if ((mappings.Count == 0 && !instanceStore) || mappings.Select(m => m.DeviceName).Distinct(StringComparer.Ordinal).Count() != mappings.Count)
        {
            throw new EbsException(EbsErrorCodes.InvalidBlockDeviceMapping, "The block device mappings must name at least one device, each once.");
        }

        if (mappings.Any(m => m.DeviceName == request.RootDeviceName) == instanceStore)
        {
            throw new EbsException(EbsErrorCodes.InvalidBlockDeviceMapping, instanceStore
                ? $"The root device '{request.RootDeviceName}' of an instance-store-backed image cannot be an EBS volume."
                : $"The root device '{request.RootDeviceName}' is not in the block device mappings.");
        }

        var tags = TagList.Of(TagRules.FromSpecifications(request.TagSpecifications, ResourceType.Image));
        var imageId = await _engine.CommitAsync(nameof(RegisterImageAsync), m =>
        {
            CheckNameFree(m.World, request.Name);

            var availableAt = m.Now;
            var described = new List<BlockDeviceMapping>(mappings.Count);
            foreach (var mapping in mappings)
            {
                var snapshot = FindSnapshot(m.World, mapping.Ebs.SnapshotId);
                described.Add(mapping with { Ebs = mapping.Ebs with { Encrypted = snapshot.KmsKeyId is not null, KmsKeyId = snapshot.KmsKeyId } });

                // Stricter than readable: an image keeps its snapshots out of the archive tier,
                // as archiving refuses a snapshot an image uses.
                if (!snapshot.IsStandardTierOnly)
                {
                    throw Archived(snapshot.Id);
                }

                if (mapping.Ebs.VolumeSize is { } size && (size < snapshot.VolumeSizeGiB || size > MaxVolumeSizeGiB))
                {
                    throw new EbsException(EbsErrorCodes.InvalidBlockDeviceMapping, $"Volume of {size} GiB for {mapping.DeviceName} is outside {snapshot.VolumeSizeGiB} to {MaxVolumeSizeGiB} GiB.", snapshot.Id.Value);
                }

                var asked = new LaunchEbsBlockDevice { VolumeType = mapping.Ebs.VolumeType, Iops = mapping.Ebs.Iops, Throughput = mapping.Ebs.Throughput };
                MappedVolume.Settle(mapping.DeviceName, mapping.DeviceName == request.RootDeviceName, null, null, null, asked, mapping.Ebs.VolumeSize ?? snapshot.VolumeSizeGiB);
                availableAt = availableAt > snapshot.CompletesAt ? availableAt : snapshot.CompletesAt;
            }

            var image = new ImageRecord
            {
                View = new Image
                {
                    ImageId = _engine.Ids.Next<ImageId>(m.World.Images.ContainsKey),
                    OwnerId = AccountId,
                    Region = Region,
                    Name = request.Name,
                    Description = request.Description ?? string.Empty,
                    State = ImageState.Pending,
                    Architecture = request.Architecture,
                    VirtualizationType = request.VirtualizationType,
                    BootMode = request.BootMode,
                    RootDeviceName = request.RootDeviceName,
                    RootDeviceType = instanceStore ? DeviceType.InstanceStore : DeviceType.Ebs,
                    ImageLocation = request.ImageLocation,
                    BlockDeviceMappings = ValueList<BlockDeviceMapping>.From(described),
                    CreationDate = m.Now,
                    Tags = tags,
                },
                AvailableAt = availableAt,
            };
            m.SetImage(image);
            return image.Id;
        }, null, cancellationToken).ConfigureAwait(false);
        return new RegisterImageResponse { ImageId = imageId };
    }

    /// <summary>
    /// Describes the images the caller can launch in this Region, one page at a time: its own, those shared with it,
    /// public ones (other accounts' community images and the provider catalogue's); narrowed by
    /// <see cref="DescribeImagesRequest.Owners"/> and <see cref="DescribeImagesRequest.ExecutableUsers"/>.
    /// </summary>
    /// <param name="request">Ids, owners, executable users, filters and paging.</param>
    /// <param name="cancellationToken">A token to cancel the call.</param>
    /// <returns>The matching images, by id.</returns>
    /// <exception cref="ArgumentNullException"><paramref name="request"/> is <see langword="null"/>.</exception>
    /// <exception cref="EbsException">
    /// <c>InvalidAMIID.NotFound</c> for a listed id that does not exist or that the caller cannot see; <c>InvalidAMIID.Malformed</c>;
    /// <c>InvalidParameterValue</c> for an unknown filter or MaxResults below 5; <c>InvalidUserID.Malformed</c> for an
    /// owner that is neither an account id nor an owner alias, or an executable user that is neither an account id nor
    /// <c>self</c> or <c>all</c>; <c>InvalidPaginationToken</c>.
    /// </exception>
    public async ValueTask<DescribeImagesResponse> DescribeImagesAsync(DescribeImagesRequest request, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(request);
        var world = await _engine.CurrentAsync(cancellationToken).ConfigureAwait(false);
        var now = _engine.Time.GetUtcNow();
        Filter.Validate(request.Filters, name => ImageFilterValues(name, null));
        var owners = ResolveOwners(request.Owners, ImageOwnerAliases);
        var executableBy = ResolveOwners(request.ExecutableUsers, PermissionAliases);
        var ids = request.ImageIds ?? [];
        Pagination.Validate(nameof(DescribeImagesAsync), request.MaxResults, request.NextToken, ids.Count > 0, idsForbidPaging: false);
        var candidates = ids.Count > 0
            ? ids.Distinct().Select(id => FindUsableImage(world, id, launching: false))
            : VisibleImages(world);
        var matching = candidates
            .Where(i => owners.Count == 0 || owners.Contains(i.View.OwnerId))
            .Where(i => executableBy.Count == 0 || executableBy.Any(user => IsExecutableBy(world, i, user)))
            .Where(i => IsListed(i, now, request))
            .Select(i => i.ViewAt(now))
            .Where(i => Filter.MatchesAll(request.Filters, name => ImageFilterValues(name, i)))
            .OrderBy(i => i.ImageId.Value, StringComparer.Ordinal);
        var (page, next) = Pagination.Page(nameof(DescribeImagesAsync), matching, i => i.ImageId.Value, request.MaxResults, request.NextToken);
        return new DescribeImagesResponse { Images = ValueList<Image>.From(page), NextToken = next };
    }

    /// <summary>
    /// Whether an image the caller sees is executable by <paramref name="user"/> as AWS's ExecutableBy reads it:
    /// <c>all</c>, a public one; the caller (<c>self</c>), one it owns or that is shared with it explicitly; another
    /// account, one the caller owns that is shared with that account explicitly.
    /// </summary>
    private bool IsExecutableBy(World world, ImageRecord image, string user) => user == Sharing.AllGroup
        ? image.LaunchPermissions.Contains(Sharing.AllGroup)
        : user == AccountId
            ? Sharing.Of(world, image, AccountId) is Access.Owner or Access.Shared
            : image.View.OwnerId == AccountId && image.LaunchPermissions.Contains(user);

    /// <summary>
    /// Deregisters an image; when a Recycle Bin retention rule of the caller retains it, it moves to
    /// the bin instead of being deleted. Its snapshots stay unless <see cref="DeregisterImageRequest.DeleteAssociatedSnapshots"/>
    /// is given; then each is deleted as DeleteSnapshot deletes (into the bin when a rule retains it),
    /// except those another registered image still uses, which are skipped.
    /// </summary>
    /// <param name="request">The image and what to do with its snapshots.</param>
    /// <param name="cancellationToken">A token to cancel the call.</param>
    /// <returns>What happened to each snapshot (empty when they are kept).</returns>
    /// <exception cref="ArgumentNullException"><paramref name="request"/> is <see langword="null"/>.</exception>
    /// <exception cref="EbsException"><c>InvalidAMIID.NotFound</c>, <c>InvalidAMIID.Malformed</c>; <c>OperationNotPermitted</c> for an image under deregistration protection.</exception>
    public async ValueTask<DeregisterImageResponse> DeregisterImageAsync(DeregisterImageRequest request, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(request);
        var results = await _engine.CommitAsync(nameof(DeregisterImageAsync), m =>
        {
            var image = FindImage(m.World, request.ImageId);
            CheckNotProtected(image, m.Now);
            RecycleBin.Delete(m, image);
            var results = new List<DeleteSnapshotReturnCode>();
            foreach (var snapshotId in request.DeleteAssociatedSnapshots ? image.View.SnapshotIds : [])
            {
                if (ImagesUsing(m.World, snapshotId).Any() || m.World.Snapshots.GetValueOrDefault(snapshotId) is not { RecycleBin: null } snapshot)
                {
                    results.Add(new DeleteSnapshotReturnCode(snapshotId, SnapshotReturnCodes.Skipped));
                    continue;
                }

                if (Backups.IsRecoveryPoint(m.World, snapshotId))
                {
                    // AWS Backup's snapshot, which EC2 refuses to delete, as DeleteSnapshot does.
                    results.Add(new DeleteSnapshotReturnCode(snapshotId, SnapshotReturnCodes.ClientError));
                    continue;
                }

                try
                {
                    RecycleBin.Delete(_engine, m, snapshot);
                    results.Add(new DeleteSnapshotReturnCode(snapshotId, SnapshotReturnCodes.Success));
                }
                catch (EbsException e) when (e.ErrorCode == EbsErrorCodes.InvalidSnapshotInUse)
                {
                    // Refused before it changed anything: Fast Snapshot Restore is enabled for it.
                    results.Add(new DeleteSnapshotReturnCode(snapshotId, SnapshotReturnCodes.ClientError));
                }
            }

            return results;
        }, null, cancellationToken).ConfigureAwait(false);
        return new DeregisterImageResponse { DeleteSnapshotResults = ValueList<DeleteSnapshotReturnCode>.From(results) };
    }

    /// <summary>
    /// The registered images that use a snapshot. An image in the Recycle Bin is deregistered, so it
    /// does not keep its snapshots from being deleted: AWS notes that such an image can no longer
    /// be restored once its snapshots are deleted from the bin.
    /// </summary>
    internal static IEnumerable<ImageRecord> ImagesUsing(World world, SnapshotId snapshot)
        => world.Images.Values.Where(i => i.RecycleBin is null && i.View.BlockDeviceMappings.Any(m => m.Ebs.SnapshotId == snapshot));

    /// <summary>Finds a registered image the caller owns in this Region; one in the Recycle Bin is not found.</summary>
    private ImageRecord FindImage(World world, ImageId id) => FindImage(world, id, inRecycleBin: false);

    /// <summary>
    /// Finds an image the caller owns in this Region that is in the Recycle Bin (<paramref name="inRecycleBin"/>), not in it, or
    /// either (<see langword="null"/>): what only the owner may do (deregister, modify, share, tag, disable, deprecate).
    /// </summary>
    /// <exception cref="EbsException">
    /// <c>AuthFailure</c> for a registered image of another account in this Region, as AWS answers "Not authorized for image"
    /// (unless a binned image is asked for); <c>InvalidAMIID.NotFound</c> for none.
    /// </exception>
    private ImageRecord FindImage(World world, ImageId id, bool? inRecycleBin)
    {
        CheckWellFormed(id.Value, ImageId.Prefix, EbsErrorCodes.InvalidAmiIdMalformed);
        if (FindAnyImage(world, id) is not { } image || image.View.Region != Region)
        {
            throw ImageNotFound(id);
        }

        // The provider catalogue's images are not stored, and nobody may change them.
        var owner = world.Images.ContainsKey(id) && Sharing.Of(world, image, AccountId) == Access.Owner;
        if (!owner && image.RecycleBin is null && inRecycleBin != true)
        {
            throw new EbsException(EbsErrorCodes.AuthFailure, $"Not authorized for image:{id}", id.Value);
        }

        return owner && (inRecycleBin is null || inRecycleBin == image.RecycleBin is not null) ? image : throw ImageNotFound(id);
    }

    /// <summary>Finds a registered image in this Region the caller may see and launch: its own, one shared with it, or a public one.</summary>
    /// <exception cref="EbsException">
    /// When <paramref name="launching"/>: <c>AuthFailure</c> for a registered image of another account not shared with the caller, <c>InvalidAMIID.Unavailable</c>
    /// for one deregistered into the Recycle Bin that the caller could launch; otherwise <c>InvalidAMIID.NotFound</c>.
    /// </exception>
    private ImageRecord FindUsableImage(World world, ImageId id, bool launching)
    {
        CheckWellFormed(id.Value, ImageId.Prefix, EbsErrorCodes.InvalidAmiIdMalformed);
        if (FindAnyImage(world, id) is not { } image || image.View.Region != Region)
        {
            throw ImageNotFound(id);
        }

        var access = Sharing.Of(world, image, AccountId);
        if (image.RecycleBin is not null)
        {
            // Deregistered into the Recycle Bin: AWS's "has been deregistered and is no longer available" to whoever could launch it.
            throw launching && access != Access.None
                ? new EbsException(EbsErrorCodes.InvalidAmiIdUnavailable, $"The image id '[{id}]' has been deregistered and is no longer available.", id.Value)
                : ImageNotFound(id);
        }

        return access != Access.None ? image
            : launching ? throw new EbsException(EbsErrorCodes.AuthFailure, $"Not authorized for images: [{id}]", id.Value)
            : throw ImageNotFound(id);
    }

    /// <summary>Gets an image of any account in any Region, the provider catalogue's included.</summary>
    private ImageRecord? FindAnyImage(World world, ImageId id) => world.Images.GetValueOrDefault(id) ?? _engine.ProviderImages.Find(id);

    /// <summary>The registered images of this Region the caller may see: its own, those shared with it, public ones, and the provider catalogue's.</summary>
    private IEnumerable<ImageRecord> VisibleImages(World world)
        => world.Images.Values.Where(i => i.View.Region == Region && i.RecycleBin is null && Sharing.Of(world, i, AccountId) != Access.None)
            .Concat(_engine.ProviderImages.In(Region).Where(i => !world.Images.ContainsKey(i.Id)));

    private static EbsException ImageNotFound(ImageId id) => new(EbsErrorCodes.InvalidAmiIdNotFound, $"The image id '[{id}]' does not exist.", id.Value);

    /// <summary>Refuses a name a registered image of the caller's in this Region has (images in the Recycle Bin are deregistered and hold none).</summary>
    private void CheckNameFree(World world, string name)
    {
        if (world.Images.Values.Any(i => i.View.OwnerId == AccountId && i.View.Region == Region && i.RecycleBin is null && i.View.Name == name))
        {
            throw new EbsException(EbsErrorCodes.InvalidAmiNameDuplicate, $"AMI name {name} is already in use by an AMI of this account.");
        }
    }

    private static void CheckImageName(string? name)
    {
        if (name is null || name.Length is < 3 or > 128 || name.Any(c => !char.IsAsciiLetterOrDigit(c) && !"()[] ./-'@_".Contains(c, StringComparison.Ordinal)))
        {
            throw new EbsException(EbsErrorCodes.InvalidAmiNameMalformed, $"AMI name '{name}' must be 3 to 128 letters, digits, spaces and ( ) [ ] . / - ' @ _.");
        }
    }

    private static void CheckDefined<TEnum>(TEnum value)
        where TEnum : struct, Enum
    {
        if (!AwsEnum.IsDefined(value))
        {
            throw new EbsException(EbsErrorCodes.InvalidParameterValue, $"Invalid {typeof(TEnum).Name} '{value}'.");
        }
    }

    private static IEnumerable<string>? ImageFilterValues(string name, Image? i) => name switch
    {
        "image-id" => i is null ? [] : [i.ImageId.Value],
        "name" => i is null ? [] : [i.Name],
        "state" => i is null ? [] : [i.State.ToAwsString()],
        "architecture" => i is null ? [] : [i.Architecture.ToAwsString()],
        "virtualization-type" => i is null ? [] : [i.VirtualizationType.ToAwsString()],
        "root-device-name" => i is null ? [] : [i.RootDeviceName],
        "block-device-mapping.snapshot-id" => i is null ? [] : i.SnapshotIds.Select(s => s.Value),
        "is-public" => i is null ? [] : [i.Public ? "true" : "false"],
        "owner-id" => i is null ? [] : [i.OwnerId],
        "owner-alias" => i is null ? [] : i.ImageOwnerAlias is { } alias ? [alias] : [],
        "block-device-mapping.volume-size" => i is null ? [] : i.BlockDeviceMappings.Where(m => m.Ebs.VolumeSize is not null).Select(m => m.Ebs.VolumeSize!.Value.ToString(CultureInfo.InvariantCulture)),
        _ => Filter.TagValues(name, i?.Tags ?? TagList.Empty),
    };
}
