using System.Globalization;
using Ebs.Core.Domain;

namespace Ebs.Core.Services;

public sealed partial class Ec2Client
{
    /// <summary>
    /// Modifies a volume's size (up only), type, IOPS or throughput (AWS's Elastic Volumes). The
    /// modification is <c>modifying</c> for a minute, then <c>optimizing</c> for a second per GiB of the
    /// target size, then <c>completed</c>; the volume takes the target when optimizing begins, and a grown
    /// volume keeps every byte, its new tail reading zeros. A volume can be modified once in 6 hours.
    /// </summary>
    /// <param name="request">The volume and its target configuration.</param>
    /// <param name="cancellationToken">A token to cancel the call.</param>
    /// <returns>The modification, <see cref="VolumeModificationState.Modifying"/>.</returns>
    /// <exception cref="ArgumentNullException"><paramref name="request"/> is <see langword="null"/>.</exception>
    /// <exception cref="EbsException">
    /// <c>MissingParameter</c> with nothing to change, or a change to io1/io2 without IOPS; <c>InvalidVolume.NotFound</c>;
    /// <c>InvalidVolumeID.Malformed</c>; <c>IncorrectState</c> for a volume not available or in use;
    /// <c>InvalidParameterValue</c> for a smaller size, a target equal to the volume, or a size, IOPS, throughput or ratio outside the
    /// type's limits; <c>InvalidParameterCombination</c> for IOPS or throughput the target type does not take;
    /// <c>VolumeModificationRateExceeded</c> within 6 hours of the last modification's start;
    /// <c>IncorrectModificationState</c> while the last modification is still optimizing.
    /// </exception>
    public async ValueTask<ModifyVolumeResponse> ModifyVolumeAsync(ModifyVolumeRequest request, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(request);
        if (request is { Size: null, VolumeType: null, Iops: null, Throughput: null })
        {
            throw new EbsException(EbsErrorCodes.MissingParameter, "The request must contain at least one of the parameters size, volumeType, iops and throughput.");
        }

        var volumeId = request.VolumeId;
        return new ModifyVolumeResponse { VolumeModification = await _engine.CommitAsync(nameof(ModifyVolumeAsync), m =>
        {
            var record = FindVolume(m.World, volumeId);
            var state = record.StateAt(m.Now);
            if (state is not (VolumeState.Available or VolumeState.InUse))
            {
                throw new EbsException(EbsErrorCodes.IncorrectState, $"Volume {volumeId} is {state.ToAwsString()}.", volumeId.Value);
            }

            var original = VolumeConfiguration.Of(record.View);
            var target = TargetOf(request, original);
            if (record.Modification is { } last && m.Now < last.StartTime + VolumeModificationRecord.Cooldown)
            {
                throw new EbsException(EbsErrorCodes.VolumeModificationRateExceeded, "You've reached the maximum modification rate per volume limit. Wait at least 6 hours between modifications per EBS volume.", volumeId.Value);
            }

            if (record.Modification is { } active && active.IsActiveAt(m.Now))
            {
                throw new EbsException(EbsErrorCodes.IncorrectModificationState, $"Cannot modify volume {volumeId}: its last modification is {active.ViewAt(m.Now).ModificationState.ToAwsString()}.", volumeId.Value);
            }

            var modification = new VolumeModificationRecord { VolumeId = volumeId, StartTime = m.Now, Original = original, Target = target };
            VolumeModifications.Start(m, record, modification);
            return modification.ViewAt(m.Now);
        }, null, cancellationToken).ConfigureAwait(false) };
    }

    /// <summary>Describes the most recent modification of the caller's volumes in this Region, one page at a time.</summary>
    /// <param name="request">Volume ids, filters and paging.</param>
    /// <param name="cancellationToken">A token to cancel the call.</param>
    /// <returns>The matching modifications, by volume id.</returns>
    /// <exception cref="ArgumentNullException"><paramref name="request"/> is <see langword="null"/>.</exception>
    /// <exception cref="EbsException">
    /// <c>InvalidVolume.NotFound</c>; <c>InvalidVolumeID.Malformed</c>; <c>InvalidVolumeModification.NotFound</c> for a listed
    /// volume never modified; <c>InvalidParameterValue</c> for an unknown filter or MaxResults below 5;
    /// <c>InvalidParameterCombination</c> for MaxResults or NextToken with VolumeIds; <c>InvalidPaginationToken</c>.
    /// </exception>
    public async ValueTask<DescribeVolumesModificationsResponse> DescribeVolumesModificationsAsync(DescribeVolumesModificationsRequest request, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(request);
        var world = await _engine.CurrentAsync(cancellationToken).ConfigureAwait(false);
        var now = _engine.Time.GetUtcNow();
        var ids = request.VolumeIds ?? [];
        Filter.Validate(request.Filters, name => ModificationFilterValues(name, null));
        Pagination.Validate(nameof(DescribeVolumesModificationsAsync), request.MaxResults, request.NextToken, ids.Count > 0, idsForbidPaging: true);
        var candidates = ids.Count > 0
            ? ids.Distinct().Select(id => FindVolume(world, id)).Select(v => v.Modification
                ?? throw new EbsException(EbsErrorCodes.InvalidVolumeModificationNotFound, $"Modification for volume '{v.Id}' does not exist.", v.Id.Value))
            : world.Volumes.Values.Where(v => v.View.OwnerId == AccountId && v.View.Region == Region && !v.Importing).Select(v => v.Modification).OfType<VolumeModificationRecord>();
        var matching = candidates
            .Select(mod => mod.ViewAt(now))
            .Where(mod => Filter.MatchesAll(request.Filters, name => ModificationFilterValues(name, mod)))
            .OrderBy(mod => mod.VolumeId.Value, StringComparer.Ordinal);
        var (page, next) = Pagination.Page(nameof(DescribeVolumesModificationsAsync), matching, mod => mod.VolumeId.Value, request.MaxResults, request.NextToken);
        return new DescribeVolumesModificationsResponse { VolumesModifications = ValueList<VolumeModification>.From(page), NextToken = next };
    }

    /// <summary>The configuration ModifyVolume asks for: what the request names, the rest kept, as AWS defaults it, checked against the target type.</summary>
    private static VolumeConfiguration TargetOf(ModifyVolumeRequest request, VolumeConfiguration original)
    {
        var type = request.VolumeType ?? original.VolumeType;
        var size = request.Size ?? original.SizeGiB;
        if (size < original.SizeGiB)
        {
            throw new EbsException(EbsErrorCodes.InvalidParameterValue, $"New size {size}GiB cannot be smaller than existing size {original.SizeGiB}GiB.");
        }

        var sameType = type == original.VolumeType;
        var iops = request.Iops ?? (!VolumeTypeLimits.Of(type).ProvisionsIops ? null : sameType ? original.Iops : VolumeTypeLimits.BaselineIops);
        var throughput = request.Throughput ?? (type != VolumeType.Gp3 ? null : sameType ? original.Throughput : VolumeTypeLimits.BaselineThroughput);
        var (checkedIops, checkedThroughput) = VolumeTypeLimits.Check(type, size, iops, throughput);
        var target = new VolumeConfiguration(type, size, checkedIops, checkedThroughput);
        return target != original ? target
            : throw new EbsException(EbsErrorCodes.InvalidParameterValue, "The volume already has the requested size, type, IOPS and throughput.");
    }

    private static IEnumerable<string>? ModificationFilterValues(string name, VolumeModification? mod) => name switch
    {
        "volume-id" => mod is null ? [] : [mod.VolumeId.Value],
        "modification-state" => mod is null ? [] : [mod.ModificationState.ToAwsString()],
        "target-size" => mod is null ? [] : [Text(mod.TargetSize)],
        "target-iops" => mod is null ? [] : Text(mod.TargetIops),
        "target-volume-type" => mod is null ? [] : [mod.TargetVolumeType.ToAwsString()],
        "target-throughput" => mod is null ? [] : Text(mod.TargetThroughput),
        "original-size" => mod is null ? [] : [Text(mod.OriginalSize)],
        "original-iops" => mod is null ? [] : Text(mod.OriginalIops),
        "original-volume-type" => mod is null ? [] : [mod.OriginalVolumeType.ToAwsString()],
        "original-throughput" => mod is null ? [] : Text(mod.OriginalThroughput),
        _ => null,
    };

    private static string Text(int value) => value.ToString(CultureInfo.InvariantCulture);

    private static string[] Text(int? value) => value is { } v ? [Text(v)] : [];
}
