using System.Collections.Immutable;
using System.Globalization;
using Ebs.Core.Domain;

namespace Ebs.Core.Services;

public sealed partial class Ec2Client
{
    private static readonly ResourceType[] CopyImageTagTypes = [ResourceType.Image, ResourceType.Snapshot];

    /// <summary>
    /// Copies an available image the caller may launch (its own, shared with it, public, or the provider catalogue's; the copy is
    /// the caller's) from <see cref="CopyImageRequest.SourceRegion"/> into this facade's Region (or
    /// within it): every backing snapshot is copied as CopySnapshot copies (only the chunks this Region lacks are transferred),
    /// each described as AWS describes them (<c>Copied for DestinationAmi ami-… from SourceAmi ami-… for SourceSnapshot snap-….
    /// Task created on ….</c>), and the new image is registered over the copies with the source's mappings rewritten to them. It gets
    /// a new id, no launch permissions, the source's tags only with <see cref="CopyImageRequest.CopyImageTags"/>, and is
    /// <see cref="ImageState.Pending"/> until every snapshot copy completes. Each snapshot copy is encrypted as CopySnapshot encrypts
    /// (<see cref="CopyImageRequest.Encrypted"/>, <see cref="CopyImageRequest.KmsKeyId"/>: all of them under the named key).
    /// </summary>
    /// <param name="request">The parameters.</param>
    /// <param name="cancellationToken">A token to cancel the call.</param>
    /// <returns>The new image's id.</returns>
    /// <exception cref="ArgumentNullException"><paramref name="request"/> is <see langword="null"/>.</exception>
    /// <exception cref="EbsException">
    /// <c>MissingParameter</c> without a source Region; <c>InvalidRegion</c> for an unknown one; <c>InvalidAMIID.NotFound</c>, <c>AuthFailure</c>
    /// for another account's image not shared with the caller,
    /// <c>InvalidAMIID.Malformed</c>; <c>InvalidAMIID.Unavailable</c> for a source image that is not available (pending or
    /// disabled); <c>InvalidAMIName.Malformed</c>, <c>InvalidAMIName.Duplicate</c>; <c>InvalidParameterValue</c> for a long
    /// description or client token, or bad tags, or a KMS key that does not exist in this Region or is not accessible;
    /// <c>IdempotentParameterMismatch</c> for a client token used with other parameters; <c>InvalidParameterDependency</c> for a KMS key
    /// without <c>Encrypted</c>; <c>InvalidKMSKey.InvalidState</c> when a snapshot's key or the named key is disabled, pending deletion or
    /// deleted, or when the image is another account's and a snapshot's customer managed key is not granted to the caller.
    /// </exception>
    public async ValueTask<CopyImageResponse> CopyImageAsync(CopyImageRequest request, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(request);
        var sourceRegion = request.SourceRegion ?? throw new EbsException(EbsErrorCodes.MissingParameter, "The request must contain the parameter SourceRegion.");
        var source = new Ec2Client(_engine, AccountId, _engine.CheckRegion(sourceRegion));
        CheckWellFormed(request.SourceImageId.Value, ImageId.Prefix, EbsErrorCodes.InvalidAmiIdMalformed);
        CheckImageName(request.Name);
        CheckDescription(request.Description);
        if (request.ClientToken is { Length: > 64 } token)
        {
            throw new EbsException(EbsErrorCodes.InvalidParameterValue, $"Value ({token}) for parameter clientToken is invalid: at most 64 characters.");
        }

        CheckEncryptionParameters(request.Encrypted, request.KmsKeyId);
        var imageTags = TagRules.FromSpecifications(request.TagSpecifications, ResourceType.Image, CopyImageTagTypes);
        var snapshotTags = TagRules.FromSpecifications(request.TagSpecifications, ResourceType.Snapshot, CopyImageTagTypes);
        // A provider image's root snapshot is stored by its first use, as RunInstances stores it.
        var provider = _engine.ProviderImages.Find(request.SourceImageId) is { } catalogued ? _engine.ProviderImages.Unstored(_engine.World, catalogued) : null;
        var staged = provider is { } unstored ? new Dictionary<Chunks.ChunkId, ReadOnlyMemory<byte>> { [unstored.Chunk] = unstored.Bytes } : null;
        var imageId = await _engine.CommitAsync(nameof(CopyImageAsync), async m =>
        {
            if (request.ClientToken is { } clientToken && RepeatedCopy(m.World, request, sourceRegion, clientToken) is { } repeated)
            {
                return repeated;
            }

            // The same lookup as RunInstances: whoever may launch an image may copy it (the copy is the caller's).
            var original = source.FindUsableImage(m.World, request.SourceImageId, launching: true);
            if (original.ViewAt(m.Now).State is not ImageState.Available and var state)
            {
                throw new EbsException(EbsErrorCodes.InvalidAmiIdUnavailable, $"Image '{original.Id}' is not available: it is {state.ToAwsString()}.", original.Id.Value);
            }

            CheckNameFree(m.World, request.Name);
            if (provider is { } root)
            {
                // Within this commit: a refusal below discards it with the rest.
                _engine.ProviderImages.Materialize(m, _engine.Map, original, root.Chunk);
            }

            var id = _engine.Ids.Next<ImageId>(m.World.Images.ContainsKey);
            var copies = new Dictionary<SnapshotId, SnapshotRecord>();
            var availableAt = m.Now;
            foreach (var snapshotId in original.View.SnapshotIds)
            {
                // The image's owner's snapshot: copying needs the image's launch permission only, as launching does.
                var snapshot = m.World.Snapshots.GetValueOrDefault(snapshotId)
                    ?? throw new EbsException(EbsErrorCodes.InvalidSnapshotNotFound, $"The snapshot '{snapshotId}' does not exist.", snapshotId.Value);
                var description = string.Create(CultureInfo.InvariantCulture,
                    $"Copied for DestinationAmi {id} from SourceAmi {original.Id} for SourceSnapshot {snapshotId}. Task created on {m.Now.ToUnixTimeMilliseconds():N0}.");
                var copy = await CopyIntoAsync(m, snapshot, description, snapshotTags, request.Encrypted, request.KmsKeyId, cancellationToken).ConfigureAwait(false);
                copies[snapshotId] = copy;
                availableAt = availableAt > copy.CompletesAt ? availableAt : copy.CompletesAt;
            }

            var copiedTags = request.CopyImageTags
                ? original.View.Tags.Where(t => !t.Key.StartsWith("aws:", StringComparison.Ordinal)).ToImmutableSortedDictionary(t => t.Key, t => t.Value ?? string.Empty, StringComparer.Ordinal)
                : ImmutableSortedDictionary.Create<string, string>(StringComparer.Ordinal);
            m.SetImage(new ImageRecord
            {
                View = original.View with
                {
                    ImageId = id,
                    OwnerId = AccountId,
                    ImageOwnerAlias = null,
                    Region = Region,
                    Name = request.Name,
                    Description = request.Description ?? $"[Copied {original.Id} from {sourceRegion}] {original.View.Name}",
                    State = ImageState.Pending,
                    BlockDeviceMappings = ValueList<BlockDeviceMapping>.From(original.View.BlockDeviceMappings
                        .Select(b => b with { Ebs = b.Ebs with { SnapshotId = copies[b.Ebs.SnapshotId].Id, Encrypted = copies[b.Ebs.SnapshotId].KmsKeyId is not null, KmsKeyId = copies[b.Ebs.SnapshotId].KmsKeyId } })),
                    CreationDate = m.Now,
                    Tags = TagList.Of(copiedTags.SetItems(imageTags)),
                    SourceImageId = original.Id,
                    SourceImageRegion = sourceRegion,
                },
                AvailableAt = availableAt,
                ClientToken = request.ClientToken,
            });
            return id;
        }, staged, cancellationToken).ConfigureAwait(false);
        return new CopyImageResponse { ImageId = imageId };
    }

    /// <summary>
    /// The image an earlier CopyImage of the caller's in this Region made with <paramref name="clientToken"/>, when it was asked for
    /// the same copy (AWS's idempotency); <see langword="null"/> when the token is new.
    /// </summary>
    private ImageId? RepeatedCopy(World world, CopyImageRequest request, string sourceRegion, string clientToken)
    {
        var earlier = world.Images.Values.FirstOrDefault(i => i.ClientToken == clientToken && i.View.OwnerId == AccountId && i.View.Region == Region);
        if (earlier is null)
        {
            return null;
        }

        return earlier.View.SourceImageId == request.SourceImageId && earlier.View.SourceImageRegion == sourceRegion && earlier.View.Name == request.Name
            ? earlier.Id
            : throw new EbsException(EbsErrorCodes.IdempotentParameterMismatch, $"The client token '{clientToken}' was used by an earlier CopyImage with other parameters.", earlier.Id.Value);
    }
}
