using System.Collections.Immutable;
using System.Globalization;
using Ebs.Core.Domain;

namespace Ebs.Core.Services;

public sealed partial class Ec2Client
{
    private static readonly string[] Architectures = ["i386", "x86_64", "arm64", "x86_64_mac", "arm64_mac"];
    private static readonly string[] VirtualizationTypes = ["hvm", "paravirtual"];
    private static readonly string[] BootModes = ["legacy-bios", "uefi", "uefi-preferred"];

    /// <summary>
    /// Registers an EBS-backed machine image from the caller's snapshots. It is
    /// <see cref="ImageState.Pending"/> until every snapshot it uses has completed, then
    /// <see cref="ImageState.Available"/>. While registered, its snapshots cannot be deleted.
    /// </summary>
    /// <param name="request">The parameters.</param>
    /// <param name="cancellationToken">A token to cancel the call.</param>
    /// <returns>The new image.</returns>
    /// <exception cref="ArgumentNullException"><paramref name="request"/> is <see langword="null"/>.</exception>
    /// <exception cref="EbsException">
    /// <c>InvalidAMIName.Malformed</c>, <c>InvalidAMIName.Duplicate</c>; <c>InvalidParameterValue</c> for an unknown
    /// architecture, virtualization type or boot mode; <c>InvalidBlockDeviceMapping</c> for no or repeated devices, a root
    /// device not mapped, or a size below the snapshot's; <c>InvalidSnapshot.NotFound</c>.
    /// </exception>
    public ValueTask<MachineImage> RegisterImageAsync(RegisterImageRequest request, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(request);
        CheckImageName(request.Name);
        CheckOneOf(request.Architecture, Architectures, "architecture");
        CheckOneOf(request.VirtualizationType, VirtualizationTypes, "virtualization type");
        if (request.BootMode is { } bootMode)
        {
            CheckOneOf(bootMode, BootModes, "boot mode");
        }

        CheckDescription(request.Description);

        var mappings = request.BlockDeviceMappings ?? [];
        if (mappings.Count == 0 || mappings.Select(m => m.DeviceName).Distinct(StringComparer.Ordinal).Count() != mappings.Count)
        {
            throw new EbsException(EbsErrorCodes.InvalidBlockDeviceMapping, "The block device mappings must name at least one device, each once.");
        }

        if (!mappings.Any(m => m.DeviceName == request.RootDeviceName))
        {
            throw new EbsException(EbsErrorCodes.InvalidBlockDeviceMapping, $"The root device '{request.RootDeviceName}' is not in the block device mappings.");
        }

        var tags = TagRules.Merge(ImmutableSortedDictionary<string, string>.Empty, request.Tags);
        return _engine.CommitAsync(nameof(RegisterImageAsync), m =>
        {
            if (m.World.Images.Values.Any(i => i.View.OwnerId == AccountId && i.View.Region == Region && i.View.Name == request.Name))
            {
                throw new EbsException(EbsErrorCodes.InvalidAmiNameDuplicate, $"AMI name {request.Name} is already in use by an AMI of this account.");
            }

            var availableAt = m.Now;
            foreach (var mapping in mappings)
            {
                var snapshot = FindSnapshot(m.World, mapping.SnapshotId);
                if (mapping.VolumeSizeGiB is { } size && (size < snapshot.VolumeSizeGiB || size > MaxVolumeSizeGiB))
                {
                    throw new EbsException(EbsErrorCodes.InvalidBlockDeviceMapping, $"Volume of {size} GiB for {mapping.DeviceName} is outside {snapshot.VolumeSizeGiB} to {MaxVolumeSizeGiB} GiB.", snapshot.Id.Value);
                }

                availableAt = availableAt > snapshot.CompletesAt ? availableAt : snapshot.CompletesAt;
            }

            var image = new ImageRecord
            {
                View = new MachineImage
                {
                    Id = _engine.Ids.Next<ImageId>(m.World.Images.ContainsKey),
                    OwnerId = AccountId,
                    Region = Region,
                    Name = request.Name,
                    Description = request.Description ?? string.Empty,
                    State = ImageState.Pending,
                    Architecture = request.Architecture,
                    VirtualizationType = request.VirtualizationType,
                    BootMode = request.BootMode,
                    RootDeviceName = request.RootDeviceName,
                    BlockDeviceMappings = [.. mappings],
                    CreationDate = m.Now,
                    Tags = tags,
                },
                AvailableAt = availableAt,
            };
            m.SetImage(image);
            return image.ViewAt(m.Now);
        }, null, cancellationToken);
    }

    /// <summary>Describes one image.</summary>
    /// <param name="imageId">The image.</param>
    /// <param name="cancellationToken">A token to cancel the call.</param>
    /// <returns>The image as it is now.</returns>
    /// <exception cref="EbsException"><c>InvalidAMIID.NotFound</c>, <c>InvalidAMIID.Malformed</c>.</exception>
    public ValueTask<MachineImage> DescribeImageAsync(ImageId imageId, CancellationToken cancellationToken = default)
    {
        cancellationToken.ThrowIfCancellationRequested();
        return ValueTask.FromResult(FindImage(_engine.World, imageId).ViewAt(_engine.Time.GetUtcNow()));
    }

    /// <summary>Describes the caller's images in this Region.</summary>
    /// <param name="request">Ids, owners and filters, or <see langword="null"/> for all.</param>
    /// <param name="cancellationToken">A token to cancel the call.</param>
    /// <returns>The matching images, by id.</returns>
    /// <exception cref="EbsException">
    /// <c>InvalidAMIID.NotFound</c> for a listed id that does not exist; <c>InvalidParameterValue</c> for an unknown filter;
    /// <c>InvalidUserID.Malformed</c> for an owner that is neither an account id nor an owner alias.
    /// </exception>
    public ValueTask<IReadOnlyList<MachineImage>> DescribeImagesAsync(DescribeImagesRequest? request = null, CancellationToken cancellationToken = default)
    {
        cancellationToken.ThrowIfCancellationRequested();
        var world = _engine.World;
        var now = _engine.Time.GetUtcNow();
        Filter.Validate(request?.Filters, name => ImageFilterValues(name, null));
        var owners = ResolveOwners(request?.Owners, ImageOwnerAliases);
        var ids = request?.ImageIds ?? [];
        var candidates = ids.Count > 0
            ? ids.Distinct().Select(id => FindImage(world, id))
            : world.Images.Values.Where(i => i.View.OwnerId == AccountId && i.View.Region == Region);
        IReadOnlyList<MachineImage> result = [.. candidates
            .Where(i => owners.Count == 0 || owners.Contains(i.View.OwnerId))
            .Select(i => i.ViewAt(now))
            .Where(i => Filter.MatchesAll(request?.Filters, name => ImageFilterValues(name, i)))
            .OrderBy(i => i.Id.Value, StringComparer.Ordinal)];
        return ValueTask.FromResult(result);
    }

    /// <summary>
    /// Deregisters an image. Its snapshots stay unless <paramref name="deleteAssociatedSnapshots"/>
    /// is given; then each is deleted, except those another image still uses, which are skipped.
    /// </summary>
    /// <param name="imageId">The image.</param>
    /// <param name="deleteAssociatedSnapshots">Whether to delete the image's snapshots too.</param>
    /// <param name="cancellationToken">A token to cancel the call.</param>
    /// <returns>What happened to each snapshot (empty when they are kept).</returns>
    /// <exception cref="EbsException"><c>InvalidAMIID.NotFound</c>, <c>InvalidAMIID.Malformed</c>.</exception>
    public ValueTask<IReadOnlyList<SnapshotDeletion>> DeregisterImageAsync(ImageId imageId, bool deleteAssociatedSnapshots = false, CancellationToken cancellationToken = default)
        => _engine.CommitAsync(nameof(DeregisterImageAsync), m =>
        {
            var image = FindImage(m.World, imageId);
            m.RemoveImage(imageId);
            if (!deleteAssociatedSnapshots)
            {
                return (IReadOnlyList<SnapshotDeletion>)[];
            }

            var results = new List<SnapshotDeletion>();
            foreach (var snapshotId in image.View.SnapshotIds)
            {
                if (ImagesUsing(m.World, snapshotId).Any() || !m.World.Snapshots.TryGetValue(snapshotId, out var snapshot))
                {
                    results.Add(new SnapshotDeletion(snapshotId, "skipped"));
                    continue;
                }

                m.Refs.Release(snapshot.Root);
                m.RemoveSnapshot(snapshotId);
                results.Add(new SnapshotDeletion(snapshotId, "success"));
            }

            return results;
        }, null, cancellationToken);

    private static IEnumerable<ImageRecord> ImagesUsing(World world, SnapshotId snapshot)
        => world.Images.Values.Where(i => i.View.BlockDeviceMappings.Any(m => m.SnapshotId == snapshot));

    private ImageRecord FindImage(World world, ImageId id)
    {
        CheckWellFormed(id.Value, ImageId.Prefix, EbsErrorCodes.InvalidAmiIdMalformed);
        return world.Images.TryGetValue(id, out var image) && image.View.OwnerId == AccountId && image.View.Region == Region
            ? image
            : throw new EbsException(EbsErrorCodes.InvalidAmiIdNotFound, $"The image id '[{id}]' does not exist.", id.Value);
    }

    private static void CheckImageName(string? name)
    {
        if (name is null || name.Length is < 3 or > 128 || name.Any(c => !char.IsAsciiLetterOrDigit(c) && !"()[] ./-'@_".Contains(c, StringComparison.Ordinal)))
        {
            throw new EbsException(EbsErrorCodes.InvalidAmiNameMalformed, $"AMI name '{name}' must be 3 to 128 letters, digits, spaces and ( ) [ ] . / - ' @ _.");
        }
    }

    private static void CheckOneOf(string value, string[] allowed, string what)
    {
        if (!allowed.Contains(value, StringComparer.Ordinal))
        {
            throw new EbsException(EbsErrorCodes.InvalidParameterValue, $"Invalid {what} '{value}'; expected one of {string.Join(", ", allowed)}.");
        }
    }

    private static IEnumerable<string>? ImageFilterValues(string name, MachineImage? i) => name switch
    {
        "image-id" => i is null ? [] : [i.Id.Value],
        "name" => i is null ? [] : [i.Name],
        "state" => i is null ? [] : [StateNames.Of(i.State)],
        "architecture" => i is null ? [] : [i.Architecture],
        "virtualization-type" => i is null ? [] : [i.VirtualizationType],
        "root-device-name" => i is null ? [] : [i.RootDeviceName],
        "block-device-mapping.snapshot-id" => i is null ? [] : i.SnapshotIds.Select(s => s.Value),
        "block-device-mapping.volume-size" => i is null ? [] : i.BlockDeviceMappings.Where(m => m.VolumeSizeGiB is not null).Select(m => m.VolumeSizeGiB!.Value.ToString(CultureInfo.InvariantCulture)),
        _ => Filter.TagValues(name, i?.Tags ?? ImmutableSortedDictionary<string, string>.Empty),
    };
}
