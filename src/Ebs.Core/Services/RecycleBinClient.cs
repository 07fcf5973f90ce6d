using System.Globalization;
using Ebs.Core.Domain;
using Ebs.Core.Storage;

namespace Ebs.Core.Services;

/// <summary>
/// The Recycle Bin (AWS service <c>rbin</c>) of one caller account in one Region: retention rules
/// that make DeleteSnapshot and DeregisterImage keep what they delete for a while, restorable with
/// <see cref="Ec2Client.RestoreSnapshotFromRecycleBinAsync"/> and <see cref="Ec2Client.RestoreImageFromRecycleBinAsync"/>.
/// A tag-level rule retains resources of its type with any of its resource tags; a Region-level
/// rule (no resource tags) retains all of them but those with an exclusion tag; of the rules that
/// match, the longest retention wins. Rules take effect at once (<see cref="RuleStatus.Available"/>).
/// Errors are rbin's: <c>ValidationException</c>, <c>ResourceNotFoundException</c>, <c>ConflictException</c>
/// and <c>ServiceQuotaExceededException</c>, each with its <see cref="EbsException.Reason"/>.
/// Cheap to create and safe to share between threads. A call that throws <see cref="EbsException"/> changed nothing.
/// </summary>
public sealed partial class RecycleBinClient
{
    /// <summary>The longest retention period of snapshot and image rules, in days.</summary>
    public const int MaxRetentionDays = 365;

    /// <summary>The shortest unlock delay, in days.</summary>
    public const int MinUnlockDelayDays = 7;

    /// <summary>The longest unlock delay, in days.</summary>
    public const int MaxUnlockDelayDays = 30;

    /// <summary>The most retention rules of an account in a Region (AWS's quota).</summary>
    public const int MaxRulesPerRegion = 250;

    /// <summary>The most resource tags of one rule (AWS's quota).</summary>
    public const int MaxResourceTags = 50;

    /// <summary>The most exclusion tags of one rule.</summary>
    public const int MaxExcludeResourceTags = 5;

    /// <summary>The most rules that may have one resource tag key and value pair (AWS's quota).</summary>
    public const int MaxRulesPerResourceTag = 5;

    /// <summary>The most tags of a rule's own (AWS's per-resource tag quota; UNCONFIRMED for rbin, taken as EC2's 50).</summary>
    public const int MaxRuleTags = 50;

    private const int MaxTagsPerRequest = 200;
    private const string IdentifierAlphabet = "0123456789ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz";

    private readonly CloudEngine _engine;

    internal RecycleBinClient(CloudEngine engine, string accountId, string region)
    {
        _engine = engine;
        AccountId = accountId;
        Region = region;
    }

    /// <summary>Gets the caller account id.</summary>
    public string AccountId { get; }

    /// <summary>Gets the Region.</summary>
    public string Region { get; }

    /// <summary>Gets the paginators of the list calls, as the AWS SDK's <c>rbin.Paginators</c>.</summary>
    public RecycleBinPaginatorFactory Paginators => new(this);

    /// <summary>
    /// Creates a retention rule. A rule may be created locked only if it is Region-level without
    /// exclusion tags. <see cref="RecycleBinResourceType.EbsVolume"/> is refused: this library deletes
    /// volumes at once.
    /// </summary>
    /// <param name="request">The rule.</param>
    /// <param name="cancellationToken">A token to cancel the call.</param>
    /// <returns>The new rule.</returns>
    /// <exception cref="ArgumentNullException"><paramref name="request"/> or an item of its lists is <see langword="null"/>.</exception>
    /// <exception cref="EbsException">
    /// <c>ValidationException</c> (<c>INVALID_PARAMETER_VALUE</c>) for a retention outside 1 to 365 days, an unsupported resource type,
    /// a bad description, tag or unlock delay, exclusion tags on a tag-level rule, or a lock on a rule that cannot be locked;
    /// <c>ServiceQuotaExceededException</c> past 250 rules in the Region, 5 rules with one resource tag, or 50 tags.
    /// </exception>
    public async ValueTask<CreateRuleResponse> CreateRuleAsync(CreateRuleRequest request, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(request);
        CheckResourceType(request.ResourceType);
        var retentionDays = CheckRetention(request.RetentionPeriod);
        var description = CheckDescription(request.Description);
        var resourceTags = CheckResourceTags(request.ResourceTags, nameof(request.ResourceTags), MaxResourceTags);
        var excludeTags = CheckResourceTags(request.ExcludeResourceTags, nameof(request.ExcludeResourceTags), MaxExcludeResourceTags);
        CheckLevel(resourceTags, excludeTags);
        var unlockDelay = request.LockConfiguration is { } lockConfiguration ? CheckUnlockDelay(lockConfiguration) : (int?)null;
        if (unlockDelay is not null && (resourceTags.Count > 0 || excludeTags.Count > 0))
        {
            throw Invalid("Only Region-level retention rules without exclusion tags can be locked.");
        }

        var tags = MergeTags(TagList.Empty, request.Tags);
        var rule = await _engine.CommitAsync(nameof(CreateRuleAsync), m =>
        {
            var rules = OwnRules(m.World).ToList();
            if (rules.Count >= MaxRulesPerRegion)
            {
                throw QuotaExceeded($"An account may have at most {MaxRulesPerRegion} retention rules in a Region.");
            }

            CheckTagQuota(rules, resourceTags);
            var created = new RetentionRuleRecord
            {
                Identifier = _engine.Ids.Next(IdentifierAlphabet, RetentionRuleRecord.IdentifierLength, m.World.Table(RecordKinds.RetentionRule).ContainsKey),
                AccountId = AccountId,
                Region = Region,
                ResourceType = request.ResourceType,
                RetentionDays = retentionDays,
                Description = description,
                Tags = tags,
                ResourceTags = resourceTags,
                ExcludeResourceTags = excludeTags,
                UnlockDelayDays = unlockDelay,
            };
            m.Set(RecordKinds.RetentionRule, created);
            return created;
        }, null, cancellationToken).ConfigureAwait(false);
        return new CreateRuleResponse
        {
            Identifier = rule.Identifier,
            RetentionPeriod = rule.RetentionPeriod,
            Description = rule.Description,
            Tags = rule.Tags,
            ResourceType = rule.ResourceType,
            ResourceTags = rule.ResourceTags,
            Status = RuleStatus.Available,
            LockConfiguration = rule.LockConfiguration,
            LockState = rule.LockStateAt(_engine.Time.GetUtcNow()),
            RuleArn = rule.Arn,
            ExcludeResourceTags = rule.ExcludeResourceTags,
        };
    }

    /// <summary>Describes a retention rule.</summary>
    /// <param name="request">The rule's identifier.</param>
    /// <param name="cancellationToken">A token to cancel the call.</param>
    /// <returns>The rule, with its lock state at this instant.</returns>
    /// <exception cref="ArgumentNullException"><paramref name="request"/> is <see langword="null"/>.</exception>
    /// <exception cref="EbsException"><c>ValidationException</c> for a malformed identifier; <c>ResourceNotFoundException</c> (<c>RULE_NOT_FOUND</c>).</exception>
    public async ValueTask<GetRuleResponse> GetRuleAsync(GetRuleRequest request, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(request);
        CheckIdentifier(request.Identifier);
        var world = await _engine.CurrentAsync(cancellationToken).ConfigureAwait(false);
        var rule = Find(world, request.Identifier);
        var now = _engine.Time.GetUtcNow();
        return new GetRuleResponse
        {
            Identifier = rule.Identifier,
            Description = rule.Description,
            ResourceType = rule.ResourceType,
            RetentionPeriod = rule.RetentionPeriod,
            ResourceTags = rule.ResourceTags,
            Status = RuleStatus.Available,
            LockConfiguration = rule.LockConfiguration,
            LockState = rule.LockStateAt(now),
            LockEndTime = rule.LockEndTimeAt(now),
            RuleArn = rule.Arn,
            ExcludeResourceTags = rule.ExcludeResourceTags,
        };
    }

    /// <summary>Lists the caller's retention rules of one resource type in this Region, one page at a time, by identifier.</summary>
    /// <param name="request">The resource type, filters and paging.</param>
    /// <param name="cancellationToken">A token to cancel the call.</param>
    /// <returns>The matching rules.</returns>
    /// <exception cref="ArgumentNullException"><paramref name="request"/> or an item of its lists is <see langword="null"/>.</exception>
    /// <exception cref="EbsException">
    /// <c>ValidationException</c>: <c>INVALID_PARAMETER_VALUE</c> for MaxResults outside 1 to 1000, an undefined resource type or lock state, or a bad tag;
    /// <c>INVALID_PAGE_TOKEN</c> for a token this operation did not give.
    /// </exception>
    public async ValueTask<ListRulesResponse> ListRulesAsync(ListRulesRequest request, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(request);
        CheckDefined(request.ResourceType);
        if (request.LockState is { } lockState)
        {
            CheckDefined(lockState);
        }

        var resourceTags = CheckResourceTags(request.ResourceTags, nameof(request.ResourceTags), MaxResourceTags);
        var excludeTags = CheckResourceTags(request.ExcludeResourceTags, nameof(request.ExcludeResourceTags), MaxExcludeResourceTags);
        if (request.MaxResults is < 1 or > Pagination.MaxResults)
        {
            throw Invalid($"MaxResults must be from 1 to {Pagination.MaxResults}.");
        }

        if (request.NextToken is { } token && !Pagination.IsToken(nameof(ListRulesAsync), token))
        {
            throw new EbsException(EbsErrorCodes.ValidationException, "The pagination token is not valid.") { Reason = EbsErrorReasons.InvalidPageToken };
        }

        var world = await _engine.CurrentAsync(cancellationToken).ConfigureAwait(false);
        var now = _engine.Time.GetUtcNow();
        var matching = OwnRules(world)
            .Where(r => r.ResourceType == request.ResourceType
                && (request.LockState is null || r.LockStateAt(now) == request.LockState)
                && resourceTags.All(r.ResourceTags.Contains)
                && excludeTags.All(r.ExcludeResourceTags.Contains))
            .OrderBy(r => r.Identifier, StringComparer.Ordinal);
        var (page, next) = Pagination.Page(nameof(ListRulesAsync), matching, r => r.Identifier, request.MaxResults, request.NextToken);
        return new ListRulesResponse
        {
            Rules = ValueList<RuleSummary>.From(page.Select(r => new RuleSummary
            {
                Identifier = r.Identifier,
                Description = r.Description,
                RetentionPeriod = r.RetentionPeriod,
                LockState = r.LockStateAt(now),
                RuleArn = r.Arn,
            })),
            NextToken = next,
        };
    }

    /// <summary>
    /// Updates an unlocked retention rule's retention period, description, resource tags or
    /// exclusion tags. Resources already in the bin keep the exit time they entered with.
    /// </summary>
    /// <param name="request">The rule and the values to change.</param>
    /// <param name="cancellationToken">A token to cancel the call.</param>
    /// <returns>The updated rule.</returns>
    /// <exception cref="ArgumentNullException"><paramref name="request"/> or an item of its lists is <see langword="null"/>.</exception>
    /// <exception cref="EbsException">
    /// <c>ValidationException</c> as for CreateRule, and for a different resource type; <c>ResourceNotFoundException</c>;
    /// <c>ConflictException</c> (<c>INVALID_RULE_STATE</c>) while the rule is locked or within its unlock delay;
    /// <c>ServiceQuotaExceededException</c> past 5 rules with one resource tag.
    /// </exception>
    public async ValueTask<UpdateRuleResponse> UpdateRuleAsync(UpdateRuleRequest request, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(request);
        CheckIdentifier(request.Identifier);
        var retentionDays = request.RetentionPeriod is { } period ? CheckRetention(period) : (int?)null;
        var description = request.Description is { } text ? CheckDescription(text) : null;
        var resourceTags = request.ResourceTags is { } tags ? CheckResourceTags(tags, nameof(request.ResourceTags), MaxResourceTags) : null;
        var excludeTags = request.ExcludeResourceTags is { } excluded ? CheckResourceTags(excluded, nameof(request.ExcludeResourceTags), MaxExcludeResourceTags) : null;
        var (rule, now) = await _engine.CommitAsync(nameof(UpdateRuleAsync), m =>
        {
            var rule = Find(m.World, request.Identifier);
            if (request.ResourceType is { } type && type != rule.ResourceType)
            {
                throw Invalid("A retention rule's resource type cannot be changed.");
            }

            CheckMutable(rule, m.Now);
            var updated = rule with
            {
                RetentionDays = retentionDays ?? rule.RetentionDays,
                Description = description ?? rule.Description,
                ResourceTags = resourceTags ?? rule.ResourceTags,
                ExcludeResourceTags = excludeTags ?? rule.ExcludeResourceTags,
            };
            CheckLevel(updated.ResourceTags, updated.ExcludeResourceTags);
            CheckTagQuota(OwnRules(m.World).Where(r => r.Identifier != rule.Identifier), updated.ResourceTags);
            m.Set(RecordKinds.RetentionRule, updated);
            return (updated, m.Now);
        }, null, cancellationToken).ConfigureAwait(false);
        return new UpdateRuleResponse
        {
            Identifier = rule.Identifier,
            RetentionPeriod = rule.RetentionPeriod,
            Description = rule.Description,
            ResourceType = rule.ResourceType,
            ResourceTags = rule.ResourceTags,
            Status = RuleStatus.Available,
            LockState = rule.LockStateAt(now),
            LockEndTime = rule.LockEndTimeAt(now),
            RuleArn = rule.Arn,
            ExcludeResourceTags = rule.ExcludeResourceTags,
        };
    }

    /// <summary>Deletes an unlocked retention rule. Resources it put in the bin stay there until their exit time.</summary>
    /// <param name="request">The rule's identifier.</param>
    /// <param name="cancellationToken">A token to cancel the call.</param>
    /// <returns>AWS's empty response.</returns>
    /// <exception cref="ArgumentNullException"><paramref name="request"/> is <see langword="null"/>.</exception>
    /// <exception cref="EbsException">
    /// <c>ValidationException</c> for a malformed identifier; <c>ResourceNotFoundException</c>;
    /// <c>ConflictException</c> while the rule is locked or within its unlock delay.
    /// </exception>
    public async ValueTask<DeleteRuleResponse> DeleteRuleAsync(DeleteRuleRequest request, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(request);
        CheckIdentifier(request.Identifier);
        await _engine.CommitAsync(nameof(DeleteRuleAsync), m =>
        {
            var rule = Find(m.World, request.Identifier);
            CheckMutable(rule, m.Now);
            m.Remove(RecordKinds.RetentionRule, rule.Identifier);
            return true;
        }, null, cancellationToken).ConfigureAwait(false);
        return new DeleteRuleResponse();
    }

    /// <summary>
    /// Locks a Region-level retention rule without exclusion tags, so that it cannot be changed or
    /// deleted until it is unlocked and its unlock delay has passed. Locking a rule within its
    /// unlock delay locks it again (with the delay it has: the delay cannot change while locked);
    /// an unlocked rule may be locked with a new delay.
    /// </summary>
    /// <param name="request">The rule and its lock.</param>
    /// <param name="cancellationToken">A token to cancel the call.</param>
    /// <returns>The locked rule.</returns>
    /// <exception cref="ArgumentNullException"><paramref name="request"/> or its lock configuration is <see langword="null"/>.</exception>
    /// <exception cref="EbsException">
    /// <c>ValidationException</c> for an unlock delay outside 7 to 30 days, or a different delay while within the unlock delay;
    /// <c>ResourceNotFoundException</c>; <c>ConflictException</c> for a rule already locked, a tag-level rule or one with exclusion
    /// tags (AWS does not say which error; the library's choice).
    /// </exception>
    public async ValueTask<LockRuleResponse> LockRuleAsync(LockRuleRequest request, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(request);
        ArgumentNullException.ThrowIfNull(request.LockConfiguration, nameof(request));
        CheckIdentifier(request.Identifier);
        var delay = CheckUnlockDelay(request.LockConfiguration);
        var (rule, now) = await _engine.CommitAsync(nameof(LockRuleAsync), m =>
        {
            var rule = Find(m.World, request.Identifier);
            if (!rule.IsRegionLevel || rule.ExcludeResourceTags.Count > 0)
            {
                throw Conflict($"The retention rule {rule.Identifier} cannot be locked: only Region-level rules without exclusion tags can be.");
            }

            var state = rule.LockStateAt(m.Now);
            if (state == LockState.Locked)
            {
                throw Conflict($"The retention rule {rule.Identifier} is already locked.");
            }

            if (state == LockState.PendingUnlock && delay != rule.UnlockDelayDays)
            {
                throw Invalid($"The unlock delay of retention rule {rule.Identifier} cannot change while it is within its unlock delay.");
            }

            var locked = rule with { UnlockDelayDays = delay, LockEndTime = null };
            m.Set(RecordKinds.RetentionRule, locked);
            return (locked, m.Now);
        }, null, cancellationToken).ConfigureAwait(false);
        return new LockRuleResponse
        {
            Identifier = rule.Identifier,
            Description = rule.Description,
            ResourceType = rule.ResourceType,
            RetentionPeriod = rule.RetentionPeriod,
            ResourceTags = rule.ResourceTags,
            Status = RuleStatus.Available,
            LockConfiguration = rule.LockConfiguration,
            LockState = rule.LockStateAt(now),
            RuleArn = rule.Arn,
            ExcludeResourceTags = rule.ExcludeResourceTags,
        };
    }

    /// <summary>
    /// Unlocks a locked retention rule: its unlock delay starts now, and it is
    /// <see cref="LockState.PendingUnlock"/> (still unchangeable) until <see cref="UnlockRuleResponse.LockEndTime"/>,
    /// then <see cref="LockState.Unlocked"/>.
    /// </summary>
    /// <param name="request">The rule's identifier.</param>
    /// <param name="cancellationToken">A token to cancel the call.</param>
    /// <returns>The rule, within its unlock delay.</returns>
    /// <exception cref="ArgumentNullException"><paramref name="request"/> is <see langword="null"/>.</exception>
    /// <exception cref="EbsException">
    /// <c>ValidationException</c> for a malformed identifier; <c>ResourceNotFoundException</c>;
    /// <c>ConflictException</c> for a rule that is not locked (AWS does not document this case; the library's choice).
    /// </exception>
    public async ValueTask<UnlockRuleResponse> UnlockRuleAsync(UnlockRuleRequest request, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(request);
        CheckIdentifier(request.Identifier);
        var (rule, now) = await _engine.CommitAsync(nameof(UnlockRuleAsync), m =>
        {
            var rule = Find(m.World, request.Identifier);
            if (rule.LockStateAt(m.Now) != LockState.Locked)
            {
                throw Conflict($"The retention rule {rule.Identifier} is not locked.");
            }

            var unlocking = rule with { LockEndTime = m.Now.AddDays(rule.UnlockDelayDays!.Value) };
            m.Set(RecordKinds.RetentionRule, unlocking);
            return (unlocking, m.Now);
        }, null, cancellationToken).ConfigureAwait(false);
        return new UnlockRuleResponse
        {
            Identifier = rule.Identifier,
            Description = rule.Description,
            ResourceType = rule.ResourceType,
            RetentionPeriod = rule.RetentionPeriod,
            ResourceTags = rule.ResourceTags,
            Status = RuleStatus.Available,
            LockConfiguration = rule.LockConfiguration,
            LockState = rule.LockStateAt(now),
            LockEndTime = rule.LockEndTimeAt(now),
            RuleArn = rule.Arn,
            ExcludeResourceTags = rule.ExcludeResourceTags,
        };
    }

    /// <summary>Adds or overwrites tags of a retention rule's own; a lock does not prevent it.</summary>
    /// <param name="request">The rule's ARN and the tags.</param>
    /// <param name="cancellationToken">A token to cancel the call.</param>
    /// <returns>AWS's empty response.</returns>
    /// <exception cref="ArgumentNullException"><paramref name="request"/>, its tags or a tag is <see langword="null"/>.</exception>
    /// <exception cref="EbsException">
    /// <c>ValidationException</c> for a malformed ARN or a bad tag; <c>ResourceNotFoundException</c>;
    /// <c>ServiceQuotaExceededException</c> when the rule would have more than 50 tags.
    /// </exception>
    public async ValueTask<TagResourceResponse> TagResourceAsync(TagResourceRequest request, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(request);
        ArgumentNullException.ThrowIfNull(request.Tags, nameof(request));
        var identifier = IdentifierOf(request.ResourceArn);
        MergeTags(TagList.Empty, request.Tags);
        await _engine.CommitAsync(nameof(TagResourceAsync), m =>
        {
            var rule = FindByArn(m.World, request.ResourceArn, identifier);
            m.Set(RecordKinds.RetentionRule, rule with { Tags = MergeTags(rule.Tags, request.Tags) });
            return true;
        }, null, cancellationToken).ConfigureAwait(false);
        return new TagResourceResponse();
    }

    /// <summary>Removes tags of a retention rule's own, by key; keys it does not have are ignored.</summary>
    /// <param name="request">The rule's ARN and the keys.</param>
    /// <param name="cancellationToken">A token to cancel the call.</param>
    /// <returns>AWS's empty response.</returns>
    /// <exception cref="ArgumentNullException"><paramref name="request"/>, its keys or a key is <see langword="null"/>.</exception>
    /// <exception cref="EbsException"><c>ValidationException</c> for a malformed ARN or more than 200 keys; <c>ResourceNotFoundException</c>.</exception>
    public async ValueTask<UntagResourceResponse> UntagResourceAsync(UntagResourceRequest request, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(request);
        ArgumentNullException.ThrowIfNull(request.TagKeys, nameof(request));
        var identifier = IdentifierOf(request.ResourceArn);
        var keys = request.TagKeys.ToList();
        foreach (var key in keys)
        {
            ArgumentNullException.ThrowIfNull(key, nameof(request));
        }

        if (keys.Count > MaxTagsPerRequest)
        {
            throw Invalid($"At most {MaxTagsPerRequest} tag keys may be given.");
        }

        await _engine.CommitAsync(nameof(UntagResourceAsync), m =>
        {
            var rule = FindByArn(m.World, request.ResourceArn, identifier);
            m.Set(RecordKinds.RetentionRule, rule with { Tags = TagList.From(rule.Tags.Items.RemoveRange(keys)) });
            return true;
        }, null, cancellationToken).ConfigureAwait(false);
        return new UntagResourceResponse();
    }

    /// <summary>Lists a retention rule's own tags.</summary>
    /// <param name="request">The rule's ARN.</param>
    /// <param name="cancellationToken">A token to cancel the call.</param>
    /// <returns>The tags.</returns>
    /// <exception cref="ArgumentNullException"><paramref name="request"/> is <see langword="null"/>.</exception>
    /// <exception cref="EbsException"><c>ValidationException</c> for a malformed ARN; <c>ResourceNotFoundException</c>.</exception>
    public async ValueTask<ListTagsForResourceResponse> ListTagsForResourceAsync(ListTagsForResourceRequest request, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(request);
        var identifier = IdentifierOf(request.ResourceArn);
        var world = await _engine.CurrentAsync(cancellationToken).ConfigureAwait(false);
        return new ListTagsForResourceResponse { Tags = FindByArn(world, request.ResourceArn, identifier).Tags };
    }

    private IEnumerable<RetentionRuleRecord> OwnRules(World world)
        => world.Table(RecordKinds.RetentionRule).Values.Where(r => r.AccountId == AccountId && r.Region == Region);

    private RetentionRuleRecord Find(World world, string identifier)
        => world.Table(RecordKinds.RetentionRule).TryGetValue(identifier, out var rule) && rule.AccountId == AccountId && rule.Region == Region
            ? rule
            : throw new EbsException(EbsErrorCodes.ResourceNotFoundException, $"The retention rule '{identifier}' does not exist.", identifier) { Reason = EbsErrorReasons.RuleNotFound };

    private RetentionRuleRecord FindByArn(World world, string arn, string identifier)
    {
        var rule = Find(world, identifier);
        return rule.Arn == arn
            ? rule
            : throw new EbsException(EbsErrorCodes.ResourceNotFoundException, string.Create(CultureInfo.InvariantCulture, $"The retention rule '{arn}' does not exist."), arn) { Reason = EbsErrorReasons.RuleNotFound };
    }
}
