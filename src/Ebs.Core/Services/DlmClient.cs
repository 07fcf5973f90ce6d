using Ebs.Core.Domain;
using Ebs.Core.Storage;

namespace Ebs.Core.Services;

/// <summary>
/// Amazon Data Lifecycle Manager (AWS service <c>dlm</c>) of one caller account in one Region:
/// snapshot lifecycle policies that snapshot tagged volumes (or the volumes of tagged instances)
/// on interval or cron schedules, keep them by count or age, and copy them to other Regions, and
/// AMI policies that image tagged instances, keep and deprecate the images by count or age.
/// Runs happen on the cloud's scheduler at their own instants, so advancing the clock and calling
/// anything observes every run in between, in order. A disabled or deleted policy runs no more;
/// what it created stays. Errors are dlm's: <c>InvalidRequestException</c>,
/// <c>ResourceNotFoundException</c>, <c>LimitExceededException</c>. Event-based and default
/// policies, share, archive and Fast Snapshot Restore rules, encrypted copies and copies of AMIs are not supported.
/// Cheap to create and safe to share between threads. A call that throws <see cref="EbsException"/> changed nothing.
/// </summary>
public sealed partial class DlmClient
{
    /// <summary>The most lifecycle policies of an account in a Region (AWS's quota).</summary>
    public const int MaxPoliciesPerRegion = 100;

    private const string HexDigits = "0123456789abcdef";
    private const int PolicyIdDigits = 17;

    private readonly CloudEngine _engine;

    internal DlmClient(CloudEngine engine, string accountId, string region)
    {
        _engine = engine;
        AccountId = accountId;
        Region = region;
    }

    /// <summary>Gets the caller account id.</summary>
    public string AccountId { get; }

    /// <summary>Gets the Region.</summary>
    public string Region { get; }

    /// <summary>Creates a lifecycle policy; an enabled one schedules each of its schedules' first run.</summary>
    /// <param name="request">The policy.</param>
    /// <param name="cancellationToken">A token to cancel the call.</param>
    /// <returns>The new policy's id.</returns>
    /// <exception cref="ArgumentNullException"><paramref name="request"/> or its details is <see langword="null"/>.</exception>
    /// <exception cref="EbsException">
    /// <c>InvalidRequestException</c> for a malformed role ARN or description, bad details (see <see cref="PolicyDetails"/>
    /// and its rules), or bad tags; <c>LimitExceededException</c> past <see cref="MaxPoliciesPerRegion"/> policies.
    /// </exception>
    public async ValueTask<CreateLifecyclePolicyResponse> CreateLifecyclePolicyAsync(CreateLifecyclePolicyRequest request, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(request);
        ArgumentNullException.ThrowIfNull(request.PolicyDetails, nameof(request));
        CheckRoleArn(request.ExecutionRoleArn);
        CheckDescription(request.Description);
        CheckState(request.State);
        var details = CheckDetails(request.PolicyDetails);
        var tags = CheckTags(TagList.Empty, request.Tags);
        var policy = await _engine.CommitAsync(nameof(CreateLifecyclePolicyAsync), m =>
        {
            if (Own(m.World).Count() >= MaxPoliciesPerRegion)
            {
                throw new EbsException(EbsErrorCodes.LimitExceededException, $"An account may have at most {MaxPoliciesPerRegion} lifecycle policies in a Region.");
            }

            var created = new LifecyclePolicyRecord
            {
                PolicyId = "policy-" + _engine.Ids.Next(HexDigits, PolicyIdDigits, id => m.World.Table(RecordKinds.LifecyclePolicy).ContainsKey("policy-" + id)),
                AccountId = AccountId,
                Region = Region,
                Description = request.Description,
                State = request.State,
                ExecutionRoleArn = request.ExecutionRoleArn,
                DateCreated = m.Now,
                DateModified = m.Now,
                Details = details,
                Tags = tags,
            };
            if (created.IsEnabled)
            {
                created = LifecyclePolicies.Start(m, created);
            }

            m.Set(RecordKinds.LifecyclePolicy, created);
            return created;
        }, null, cancellationToken).ConfigureAwait(false);
        return new CreateLifecyclePolicyResponse { PolicyId = policy.PolicyId };
    }

    /// <summary>Describes a lifecycle policy.</summary>
    /// <param name="request">The policy's id.</param>
    /// <param name="cancellationToken">A token to cancel the call.</param>
    /// <returns>The policy.</returns>
    /// <exception cref="ArgumentNullException"><paramref name="request"/> is <see langword="null"/>.</exception>
    /// <exception cref="EbsException"><c>InvalidRequestException</c> for a malformed id; <c>ResourceNotFoundException</c>.</exception>
    public async ValueTask<GetLifecyclePolicyResponse> GetLifecyclePolicyAsync(GetLifecyclePolicyRequest request, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(request);
        CheckPolicyId(request.PolicyId);
        var world = await _engine.CurrentAsync(cancellationToken).ConfigureAwait(false);
        return new GetLifecyclePolicyResponse { Policy = Find(world, request.PolicyId).View };
    }

    /// <summary>Lists the caller's lifecycle policies in this Region that match every given filter.</summary>
    /// <param name="request">The filters.</param>
    /// <param name="cancellationToken">A token to cancel the call.</param>
    /// <returns>The matching policies, by id.</returns>
    /// <exception cref="ArgumentNullException"><paramref name="request"/> or an item of its lists is <see langword="null"/>.</exception>
    /// <exception cref="EbsException"><c>InvalidRequestException</c> for a malformed policy id, a tag filter not of the form <c>key=value</c>, or more than 10 ids or 50 tags.</exception>
    public async ValueTask<GetLifecyclePoliciesResponse> GetLifecyclePoliciesAsync(GetLifecyclePoliciesRequest request, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(request);
        var ids = CheckList(request.PolicyIds, 10, nameof(request.PolicyIds));
        ids.ForEach(CheckPolicyId);
        var targetTags = CheckList(request.TargetTags, 50, nameof(request.TargetTags)).Select(TagFilter).ToList();
        var tagsToAdd = CheckList(request.TagsToAdd, 50, nameof(request.TagsToAdd)).Select(TagFilter).ToList();
        var types = CheckList(request.ResourceTypes, 2, nameof(request.ResourceTypes));
        var world = await _engine.CurrentAsync(cancellationToken).ConfigureAwait(false);
        var matching = Own(world)
            .Where(p => ids.Count == 0 || ids.Contains(p.PolicyId))
            .Where(p => request.State is not { } state || p.Summary.State == state)
            .Where(p => types.Count == 0 || p.Details.ResourceTypes.Any(types.Contains))
            .Where(p => targetTags.Count == 0 || p.Details.TargetTags.Any(t => targetTags.Contains((t.Key, t.Value ?? string.Empty))))
            .Where(p => tagsToAdd.Count == 0 || p.Details.Schedules.SelectMany(s => s.TagsToAdd).Any(t => tagsToAdd.Contains((t.Key, t.Value ?? string.Empty))))
            .Select(p => p.Summary);
        return new GetLifecyclePoliciesResponse { Policies = ValueList<LifecyclePolicySummary>.From(matching) };
    }

    /// <summary>
    /// Changes a lifecycle policy. Disabling it cancels its runs: count-based retention stops with
    /// them, and age-based retention keeps what expires meanwhile until it is enabled again, when
    /// what has expired is deleted. New details take effect from now; age retention already
    /// scheduled for existing snapshots keeps its instant.
    /// </summary>
    /// <param name="request">The policy's id and what changes.</param>
    /// <param name="cancellationToken">A token to cancel the call.</param>
    /// <returns>AWS's empty response.</returns>
    /// <exception cref="ArgumentNullException"><paramref name="request"/> is <see langword="null"/>.</exception>
    /// <exception cref="EbsException">
    /// <c>InvalidRequestException</c> as for CreateLifecyclePolicy, or for a schedule that would change from count-based
    /// to age-based retention or back; <c>ResourceNotFoundException</c>.
    /// </exception>
    public async ValueTask<UpdateLifecyclePolicyResponse> UpdateLifecyclePolicyAsync(UpdateLifecyclePolicyRequest request, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(request);
        CheckPolicyId(request.PolicyId);
        if (request.ExecutionRoleArn is { } role)
        {
            CheckRoleArn(role);
        }

        if (request.Description is { } description)
        {
            CheckDescription(description);
        }

        if (request.State is { } newState)
        {
            CheckState(newState);
        }

        var details = request.PolicyDetails is { } given ? CheckDetails(given) : null;
        await _engine.CommitAsync(nameof(UpdateLifecyclePolicyAsync), m =>
        {
            var policy = Find(m.World, request.PolicyId);
            if (details is not null)
            {
                CheckRetentionKinds(policy.Details, details);
            }

            var wasEnabled = policy.IsEnabled;
            var updated = LifecyclePolicies.Stop(m, policy) with
            {
                ExecutionRoleArn = request.ExecutionRoleArn ?? policy.ExecutionRoleArn,
                Description = request.Description ?? policy.Description,
                State = request.State ?? policy.State,
                Details = details ?? policy.Details,
                DateModified = m.Now,
            };
            if (updated.IsEnabled)
            {
                updated = LifecyclePolicies.Start(m, updated);
            }

            m.Set(RecordKinds.LifecyclePolicy, updated);
            if (updated.IsEnabled && !wasEnabled)
            {
                LifecyclePolicies.Sweep(_engine, m, updated);
            }

            return true;
        }, null, cancellationToken).ConfigureAwait(false);
        return new UpdateLifecyclePolicyResponse();
    }

    /// <summary>Deletes a lifecycle policy: its runs are cancelled; the snapshots it created stay, no longer managed.</summary>
    /// <param name="request">The policy's id.</param>
    /// <param name="cancellationToken">A token to cancel the call.</param>
    /// <returns>AWS's empty response.</returns>
    /// <exception cref="ArgumentNullException"><paramref name="request"/> is <see langword="null"/>.</exception>
    /// <exception cref="EbsException"><c>InvalidRequestException</c> for a malformed id; <c>ResourceNotFoundException</c>.</exception>
    public async ValueTask<DeleteLifecyclePolicyResponse> DeleteLifecyclePolicyAsync(DeleteLifecyclePolicyRequest request, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(request);
        CheckPolicyId(request.PolicyId);
        await _engine.CommitAsync(nameof(DeleteLifecyclePolicyAsync), m =>
        {
            LifecyclePolicies.Stop(m, Find(m.World, request.PolicyId));
            m.Remove(RecordKinds.LifecyclePolicy, request.PolicyId);
            return true;
        }, null, cancellationToken).ConfigureAwait(false);
        return new DeleteLifecyclePolicyResponse();
    }

    /// <summary>Adds or overwrites tags of a policy's own.</summary>
    /// <param name="request">The policy's ARN and the tags.</param>
    /// <param name="cancellationToken">A token to cancel the call.</param>
    /// <returns>AWS's empty response.</returns>
    /// <exception cref="ArgumentNullException"><paramref name="request"/> or its tags is <see langword="null"/>.</exception>
    /// <exception cref="EbsException"><c>InvalidRequestException</c> for a malformed ARN, bad tags or more than 45 in all; <c>ResourceNotFoundException</c>.</exception>
    public async ValueTask<TagResourceResponse> TagResourceAsync(TagResourceRequest request, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(request);
        _engine.ThrowIfDisposed(); // A disposed cloud refuses first, whatever resource the ARN names.
        ArgumentNullException.ThrowIfNull(request.Tags, nameof(request));
        var policyId = PolicyIdOf(request.ResourceArn);
        CheckTags(TagList.Empty, request.Tags);
        await _engine.CommitAsync(nameof(TagResourceAsync), m =>
        {
            var policy = Find(m.World, policyId);
            m.Set(RecordKinds.LifecyclePolicy, policy with { Tags = CheckTags(policy.Tags, request.Tags) });
            return true;
        }, null, cancellationToken).ConfigureAwait(false);
        return new TagResourceResponse();
    }

    /// <summary>Removes tags of a policy's own, by key; keys it does not have are ignored.</summary>
    /// <param name="request">The policy's ARN and the keys.</param>
    /// <param name="cancellationToken">A token to cancel the call.</param>
    /// <returns>AWS's empty response.</returns>
    /// <exception cref="ArgumentNullException"><paramref name="request"/>, its keys or a key is <see langword="null"/>.</exception>
    /// <exception cref="EbsException"><c>InvalidRequestException</c> for a malformed ARN or more than 200 keys; <c>ResourceNotFoundException</c>.</exception>
    public async ValueTask<UntagResourceResponse> UntagResourceAsync(UntagResourceRequest request, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(request);
        _engine.ThrowIfDisposed(); // A disposed cloud refuses first, whatever resource the ARN names.
        var keys = CheckList(request.TagKeys, 200, nameof(request.TagKeys));
        var policyId = PolicyIdOf(request.ResourceArn);
        await _engine.CommitAsync(nameof(UntagResourceAsync), m =>
        {
            var policy = Find(m.World, policyId);
            m.Set(RecordKinds.LifecyclePolicy, policy with { Tags = TagList.From(policy.Tags.Items.RemoveRange(keys)) });
            return true;
        }, null, cancellationToken).ConfigureAwait(false);
        return new UntagResourceResponse();
    }

    /// <summary>Lists a policy's own tags.</summary>
    /// <param name="request">The policy's ARN.</param>
    /// <param name="cancellationToken">A token to cancel the call.</param>
    /// <returns>The tags.</returns>
    /// <exception cref="ArgumentNullException"><paramref name="request"/> is <see langword="null"/>.</exception>
    /// <exception cref="EbsException"><c>InvalidRequestException</c> for a malformed ARN; <c>ResourceNotFoundException</c>.</exception>
    public async ValueTask<ListTagsForResourceResponse> ListTagsForResourceAsync(ListTagsForResourceRequest request, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(request);
        _engine.ThrowIfDisposed(); // A disposed cloud refuses first, whatever resource the ARN names.
        var policyId = PolicyIdOf(request.ResourceArn);
        var world = await _engine.CurrentAsync(cancellationToken).ConfigureAwait(false);
        return new ListTagsForResourceResponse { Tags = Find(world, policyId).Tags };
    }

    private IEnumerable<LifecyclePolicyRecord> Own(World world)
        => world.Table(RecordKinds.LifecyclePolicy).Values.Where(p => p.AccountId == AccountId && p.Region == Region);

    private LifecyclePolicyRecord Find(World world, string policyId)
        => LifecyclePolicies.Find(world, policyId) is { } policy && policy.AccountId == AccountId && policy.Region == Region
            ? policy
            : throw PolicyNotFound(policyId);

    private static EbsException PolicyNotFound(string policyId)
        => new(EbsErrorCodes.ResourceNotFoundException, $"Policy {policyId} does not exist.", policyId);
}
