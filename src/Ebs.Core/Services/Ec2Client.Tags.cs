using System.Collections.Immutable;
using Ebs.Core.Domain;
using Ebs.Core.Storage;

namespace Ebs.Core.Services;

public sealed partial class Ec2Client
{
    /// <summary>Adds or overwrites tags on volumes, snapshots, images and instances (snapshots and images in the Recycle Bin too, as AWS allows); every resource is checked before any changes.</summary>
    /// <param name="request">The resources and the tags.</param>
    /// <param name="cancellationToken">A token to cancel the call.</param>
    /// <returns>AWS's empty response, once the tags are set.</returns>
    /// <exception cref="ArgumentNullException"><paramref name="request"/>, its resources, its tags or a tag is <see langword="null"/>.</exception>
    /// <exception cref="EbsException">
    /// <c>InvalidID</c> for an id of no taggable resource; <c>InvalidVolume.NotFound</c>, <c>InvalidSnapshot.NotFound</c>,
    /// <c>InvalidAMIID.NotFound</c>, <c>InvalidInstanceID.NotFound</c>; <c>InvalidParameterValue</c> for a bad key or value; <c>TagLimitExceeded</c> past 50 tags.
    /// </exception>
    public async ValueTask<CreateTagsResponse> CreateTagsAsync(CreateTagsRequest request, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(request);
        ArgumentNullException.ThrowIfNull(request.Resources, nameof(request));
        ArgumentNullException.ThrowIfNull(request.Tags, nameof(request));
        var ids = request.Resources.ToList();
        var tags = request.Tags.ToList();
        TagRules.Merge(TagList.Empty.Items, tags);
        await _engine.CommitAsync(nameof(CreateTagsAsync), m =>
        {
            EditTags(m, ids, existing => TagRules.Merge(existing, tags));
            return true;
        }, null, cancellationToken).ConfigureAwait(false);
        return new CreateTagsResponse();
    }

    /// <summary>Removes tags from volumes, snapshots, images and instances (snapshots and images in the Recycle Bin too), as AWS does: a tag without a value removes its key; with one, only that value; no tags removes all.</summary>
    /// <param name="request">The resources and the tags.</param>
    /// <param name="cancellationToken">A token to cancel the call.</param>
    /// <returns>AWS's empty response, once the tags are removed.</returns>
    /// <exception cref="ArgumentNullException"><paramref name="request"/> or its resources or tags is <see langword="null"/>.</exception>
    /// <exception cref="EbsException"><c>InvalidID</c>; <c>InvalidVolume.NotFound</c>, <c>InvalidSnapshot.NotFound</c>, <c>InvalidAMIID.NotFound</c>, <c>InvalidInstanceID.NotFound</c>.</exception>
    public async ValueTask<DeleteTagsResponse> DeleteTagsAsync(DeleteTagsRequest request, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(request);
        ArgumentNullException.ThrowIfNull(request.Resources, nameof(request));
        ArgumentNullException.ThrowIfNull(request.Tags, nameof(request));
        var ids = request.Resources.ToList();
        var removed = request.Tags.ToList();
        await _engine.CommitAsync(nameof(DeleteTagsAsync), m =>
        {
            EditTags(m, ids, existing => TagRules.Remove(existing, removed));
            return true;
        }, null, cancellationToken).ConfigureAwait(false);
        return new DeleteTagsResponse();
    }

    private void EditTags(Mutation m, IReadOnlyList<ResourceId> ids, Func<ImmutableSortedDictionary<string, string>, ImmutableSortedDictionary<string, string>> edit)
    {
        foreach (var id in ids)
        {
            if (VolumeId.TryParse(id.Value, out var volumeId))
            {
                var volume = FindVolume(m.World, volumeId);
                m.SetVolume(volume with { View = volume.View with { Tags = TagList.Of(edit(volume.View.Tags.Items)) } });
            }
            else if (SnapshotId.TryParse(id.Value, out var snapshotId))
            {
                var snapshot = FindSnapshot(m.World, snapshotId, inRecycleBin: null);
                m.SetSnapshot(snapshot with { Tags = edit(snapshot.Tags) });
            }
            else if (InstanceId.TryParse(id.Value, out var instanceId))
            {
                var instance = FindInstance(m.World, instanceId);
                m.Set(RecordKinds.Instance, instance with { Tags = TagList.Of(edit(instance.Tags.Items)) });
            }
            else if (ImageId.TryParse(id.Value, out var imageId))
            {
                var image = FindImage(m.World, imageId, inRecycleBin: null);
                m.SetImage(image with { View = image.View with { Tags = TagList.Of(edit(image.View.Tags.Items)) } });
            }
            else
            {
                throw new EbsException(EbsErrorCodes.InvalidId, $"The ID '{id}' is not valid.", id.Value);
            }
        }
    }
}
