using Ebs.Core.Domain;

namespace Ebs.Core.Services;

public sealed partial class Ec2Client
{
    /// <summary>Adds or overwrites tags on volumes and snapshots; all resources are checked before any changes.</summary>
    /// <param name="resourceIds">Volume and snapshot ids.</param>
    /// <param name="tags">The tags.</param>
    /// <param name="cancellationToken">A token to cancel the call.</param>
    /// <returns>A task that completes when the tags are set.</returns>
    /// <exception cref="ArgumentNullException">An argument is <see langword="null"/>.</exception>
    /// <exception cref="EbsException">
    /// <c>InvalidID</c> for an id of another resource type; <c>InvalidVolume.NotFound</c>, <c>InvalidSnapshot.NotFound</c>;
    /// <c>InvalidParameterValue</c> for a bad key or value; <c>TagLimitExceeded</c> past 50 tags.
    /// </exception>
    public async ValueTask CreateTagsAsync(IEnumerable<string> resourceIds, IReadOnlyDictionary<string, string> tags, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(resourceIds);
        ArgumentNullException.ThrowIfNull(tags);
        var ids = resourceIds.ToList();
        await _engine.CommitAsync(nameof(CreateTagsAsync), m =>
        {
            EditTags(m, ids, existing => TagRules.Merge(existing, tags));
            return true;
        }, null, cancellationToken).ConfigureAwait(false);
    }

    /// <summary>Removes tags from volumes and snapshots.</summary>
    /// <param name="resourceIds">Volume and snapshot ids.</param>
    /// <param name="keys">The keys to remove.</param>
    /// <param name="cancellationToken">A token to cancel the call.</param>
    /// <returns>A task that completes when the tags are removed.</returns>
    /// <exception cref="ArgumentNullException">An argument is <see langword="null"/>.</exception>
    /// <exception cref="EbsException"><c>InvalidID</c>; <c>InvalidVolume.NotFound</c>, <c>InvalidSnapshot.NotFound</c>.</exception>
    public async ValueTask DeleteTagsAsync(IEnumerable<string> resourceIds, IEnumerable<string> keys, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(resourceIds);
        ArgumentNullException.ThrowIfNull(keys);
        var ids = resourceIds.ToList();
        var removed = keys.ToList();
        await _engine.CommitAsync(nameof(DeleteTagsAsync), m =>
        {
            EditTags(m, ids, existing => existing.RemoveRange(removed));
            return true;
        }, null, cancellationToken).ConfigureAwait(false);
    }

    private void EditTags(Mutation m, IReadOnlyList<string> ids, Func<System.Collections.Immutable.ImmutableSortedDictionary<string, string>, System.Collections.Immutable.ImmutableSortedDictionary<string, string>> edit)
    {
        foreach (var id in ids)
        {
            if (VolumeId.TryParse(id, out var volumeId))
            {
                var volume = FindVolume(m.World, volumeId);
                m.SetVolume(volume with { View = volume.View with { Tags = edit(volume.View.Tags) } });
            }
            else if (SnapshotId.TryParse(id, out var snapshotId))
            {
                var snapshot = FindSnapshot(m.World, snapshotId);
                m.SetSnapshot(snapshot with { Tags = edit(snapshot.Tags) });
            }
            else
            {
                throw new EbsException(EbsErrorCodes.InvalidId, $"The ID '{id}' is not valid.", id);
            }
        }
    }
}
