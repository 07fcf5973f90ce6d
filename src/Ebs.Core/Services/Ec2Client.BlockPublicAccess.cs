using Ebs.Core.Domain;
using Ebs.Core.Storage;

namespace Ebs.Core.Services;

public sealed partial class Ec2Client
{
    /// <summary>
    /// Enables block public access for the caller's snapshots in this Region, or changes its mode. Either mode
    /// refuses making a snapshot public; <see cref="SnapshotBlockPublicAccessState.BlockAllSharing"/> also treats
    /// the snapshots already public as private (their permission stays: DescribeSnapshotAttribute still lists
    /// <c>all</c>), until the mode changes or block public access is disabled. Takes effect at once.
    /// </summary>
    /// <param name="request">The mode.</param>
    /// <param name="cancellationToken">A token to cancel the call.</param>
    /// <returns>The mode now in force.</returns>
    /// <exception cref="ArgumentNullException"><paramref name="request"/> is <see langword="null"/>.</exception>
    /// <exception cref="EbsException"><c>InvalidParameterValue</c> for <c>unblocked</c> or an undefined mode.</exception>
    public async ValueTask<EnableSnapshotBlockPublicAccessResponse> EnableSnapshotBlockPublicAccessAsync(EnableSnapshotBlockPublicAccessRequest request, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(request);
        CheckDefined(request.State);
        if (request.State == SnapshotBlockPublicAccessState.Unblocked)
        {
            throw new EbsException(EbsErrorCodes.InvalidParameterValue, "unblocked is not a valid value for EnableSnapshotBlockPublicAccess.");
        }

        var record = await SetBlockPublicAccessAsync(nameof(EnableSnapshotBlockPublicAccessAsync), r => r with { Snapshots = request.State }, cancellationToken).ConfigureAwait(false);
        return new EnableSnapshotBlockPublicAccessResponse { State = record.Snapshots };
    }

    /// <summary>Disables block public access for the caller's snapshots in this Region: snapshots can be made public, and those public are public again.</summary>
    /// <param name="request">The parameters, of which there are none.</param>
    /// <param name="cancellationToken">A token to cancel the call.</param>
    /// <returns><see cref="SnapshotBlockPublicAccessState.Unblocked"/>.</returns>
    /// <exception cref="ArgumentNullException"><paramref name="request"/> is <see langword="null"/>.</exception>
    public async ValueTask<DisableSnapshotBlockPublicAccessResponse> DisableSnapshotBlockPublicAccessAsync(DisableSnapshotBlockPublicAccessRequest request, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(request);
        var record = await SetBlockPublicAccessAsync(nameof(DisableSnapshotBlockPublicAccessAsync), r => r with { Snapshots = SnapshotBlockPublicAccessState.Unblocked }, cancellationToken).ConfigureAwait(false);
        return new DisableSnapshotBlockPublicAccessResponse { State = record.Snapshots };
    }

    /// <summary>Gets the mode of block public access for the caller's snapshots in this Region (<c>unblocked</c> unless enabled).</summary>
    /// <param name="request">The parameters, of which there are none.</param>
    /// <param name="cancellationToken">A token to cancel the call.</param>
    /// <returns>The mode.</returns>
    /// <exception cref="ArgumentNullException"><paramref name="request"/> is <see langword="null"/>.</exception>
    public async ValueTask<GetSnapshotBlockPublicAccessStateResponse> GetSnapshotBlockPublicAccessStateAsync(GetSnapshotBlockPublicAccessStateRequest request, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(request);
        var world = await _engine.CurrentAsync(cancellationToken).ConfigureAwait(false);
        return new GetSnapshotBlockPublicAccessStateResponse { State = Sharing.BlockPublicAccess(world, AccountId, Region).Snapshots };
    }

    /// <summary>
    /// Enables block public access for the caller's images in this Region: no image can be made public; those already
    /// public stay public. Takes effect at once (AWS takes up to 10 minutes).
    /// </summary>
    /// <param name="request">The mode.</param>
    /// <param name="cancellationToken">A token to cancel the call.</param>
    /// <returns>The mode now in force.</returns>
    /// <exception cref="ArgumentNullException"><paramref name="request"/> is <see langword="null"/>.</exception>
    /// <exception cref="EbsException"><c>InvalidParameterValue</c> for a mode other than <c>block-new-sharing</c>.</exception>
    public async ValueTask<EnableImageBlockPublicAccessResponse> EnableImageBlockPublicAccessAsync(EnableImageBlockPublicAccessRequest request, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(request);
        if (request.ImageBlockPublicAccessState != ImageBlockPublicAccessState.BlockNewSharing)
        {
            throw new EbsException(EbsErrorCodes.InvalidParameterValue, "The only valid value for ImageBlockPublicAccessState is block-new-sharing.");
        }

        var record = await SetBlockPublicAccessAsync(nameof(EnableImageBlockPublicAccessAsync), r => r with { Images = ImageBlockPublicAccessState.BlockNewSharing }, cancellationToken).ConfigureAwait(false);
        return new EnableImageBlockPublicAccessResponse { ImageBlockPublicAccessState = record.Images };
    }

    /// <summary>Disables block public access for the caller's images in this Region: images can be made public. Takes effect at once.</summary>
    /// <param name="request">The parameters, of which there are none.</param>
    /// <param name="cancellationToken">A token to cancel the call.</param>
    /// <returns><see cref="ImageBlockPublicAccessState.Unblocked"/>.</returns>
    /// <exception cref="ArgumentNullException"><paramref name="request"/> is <see langword="null"/>.</exception>
    public async ValueTask<DisableImageBlockPublicAccessResponse> DisableImageBlockPublicAccessAsync(DisableImageBlockPublicAccessRequest request, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(request);
        var record = await SetBlockPublicAccessAsync(nameof(DisableImageBlockPublicAccessAsync), r => r with { Images = ImageBlockPublicAccessState.Unblocked }, cancellationToken).ConfigureAwait(false);
        return new DisableImageBlockPublicAccessResponse { ImageBlockPublicAccessState = record.Images };
    }

    /// <summary>Gets the mode of block public access for the caller's images in this Region (<c>unblocked</c> unless enabled).</summary>
    /// <param name="request">The parameters, of which there are none.</param>
    /// <param name="cancellationToken">A token to cancel the call.</param>
    /// <returns>The mode.</returns>
    /// <exception cref="ArgumentNullException"><paramref name="request"/> is <see langword="null"/>.</exception>
    public async ValueTask<GetImageBlockPublicAccessStateResponse> GetImageBlockPublicAccessStateAsync(GetImageBlockPublicAccessStateRequest request, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(request);
        var world = await _engine.CurrentAsync(cancellationToken).ConfigureAwait(false);
        return new GetImageBlockPublicAccessStateResponse { ImageBlockPublicAccessState = Sharing.BlockPublicAccess(world, AccountId, Region).Images };
    }

    /// <summary>Changes the caller's block public access in this Region; a record back at both defaults is removed.</summary>
    private ValueTask<BlockPublicAccessRecord> SetBlockPublicAccessAsync(string operation, Func<BlockPublicAccessRecord, BlockPublicAccessRecord> change, CancellationToken cancellationToken)
        => _engine.CommitAsync(operation, m =>
        {
            var record = change(Sharing.BlockPublicAccess(m.World, AccountId, Region));
            if (record is { Snapshots: SnapshotBlockPublicAccessState.Unblocked, Images: ImageBlockPublicAccessState.Unblocked })
            {
                if (m.World.Table(RecordKinds.BlockPublicAccess).ContainsKey(record.Key))
                {
                    m.Remove(RecordKinds.BlockPublicAccess, record.Key);
                }
            }
            else
            {
                m.Set(RecordKinds.BlockPublicAccess, record);
            }

            return record;
        }, null, cancellationToken);
}
