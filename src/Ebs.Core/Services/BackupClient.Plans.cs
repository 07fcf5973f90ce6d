using Ebs.Core.Domain;
using Ebs.Core.Storage;

namespace Ebs.Core.Services;

public sealed partial class BackupClient
{
    /// <summary>The schedule of a rule that gives none: 05:00 UTC daily.</summary>
    public const string DefaultScheduleExpression = "cron(0 5 ? * * *)";

    /// <summary>The most plans of an account in a Region (AWS's quota).</summary>
    public const int MaxPlansPerRegion = 300;

    /// <summary>The most selections of a plan (AWS's quota).</summary>
    public const int MaxSelectionsPerPlan = 100;

    private const string VersionAlphabet = "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789";
    private const int VersionIdLength = 48;

    /// <summary>
    /// Creates a backup plan. Each rule runs at each instant of its schedule, backing up the
    /// volumes the plan's selections choose into its vault with its lifecycle and tags. A repeated
    /// call with the same CreatorRequestId returns the plan it created.
    /// </summary>
    /// <param name="request">The plan, its tags and an idempotency token.</param>
    /// <param name="cancellationToken">A token to cancel the call.</param>
    /// <returns>The new plan.</returns>
    /// <exception cref="ArgumentNullException"><paramref name="request"/>, its plan or a rule is <see langword="null"/>.</exception>
    /// <exception cref="EbsException">
    /// <c>InvalidParameterValueException</c> for a bad name, schedule, window, lifecycle, vault name or copy destination;
    /// <c>AlreadyExistsException</c> for a plan of that name; <c>LimitExceededException</c> past 10 rules, 5 copy actions or 300 plans.
    /// </exception>
    public async ValueTask<CreateBackupPlanResponse> CreateBackupPlanAsync(CreateBackupPlanRequest request, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(request);
        var input = CheckPlan(request.BackupPlan);
        var tags = TagsOf(request.BackupPlanTags);
        var plan = await _engine.CommitAsync(nameof(CreateBackupPlanAsync), m =>
        {
            var plans = OwnPlans(m.World).ToList();
            if (request.CreatorRequestId is not null && plans.FirstOrDefault(p => p.CreatorRequestId == request.CreatorRequestId) is { } same)
            {
                return same;
            }

            if (plans.Any(p => p.Plan.BackupPlanName == input.BackupPlanName))
            {
                throw BackupErrors.Of(EbsErrorCodes.AlreadyExistsException, "Backup plan with the same plan document already exists");
            }

            if (plans.Count >= MaxPlansPerRegion)
            {
                throw BackupErrors.Of(EbsErrorCodes.LimitExceededException, $"An account may have at most {MaxPlansPerRegion} backup plans in a Region.");
            }

            var created = new BackupPlanRecord
            {
                BackupPlanId = Backups.NewUuid(_engine, m.World.Table(RecordKinds.BackupPlan).ContainsKey),
                AccountId = AccountId,
                Region = Region,
                Plan = WithRuleIds(m, input),
                VersionId = NewVersionId(),
                CreationDate = m.Now,
                CreatorRequestId = request.CreatorRequestId,
                Tags = tags,
            };
            m.Set(RecordKinds.BackupPlan, created);
            foreach (var rule in created.Plan.Rules)
            {
                Backups.ScheduleRule(m, created.BackupPlanId, rule, m.Now);
            }

            return created;
        }, null, cancellationToken).ConfigureAwait(false);
        return new CreateBackupPlanResponse { BackupPlanId = plan.BackupPlanId, BackupPlanArn = plan.Arn, CreationDate = plan.CreationDate, VersionId = plan.VersionId };
    }

    /// <summary>Gets a backup plan's current version, its rules with their ids and defaults.</summary>
    /// <param name="request">The plan's id.</param>
    /// <param name="cancellationToken">A token to cancel the call.</param>
    /// <returns>The plan.</returns>
    /// <exception cref="ArgumentNullException"><paramref name="request"/> is <see langword="null"/>.</exception>
    /// <exception cref="EbsException"><c>ResourceNotFoundException</c>.</exception>
    public async ValueTask<GetBackupPlanResponse> GetBackupPlanAsync(GetBackupPlanRequest request, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(request);
        var plan = FindPlan(await _engine.CurrentAsync(cancellationToken).ConfigureAwait(false), request.BackupPlanId);
        return new GetBackupPlanResponse
        {
            BackupPlan = plan.Plan,
            BackupPlanId = plan.BackupPlanId,
            BackupPlanArn = plan.Arn,
            VersionId = plan.VersionId,
            CreatorRequestId = plan.CreatorRequestId,
            CreationDate = plan.CreationDate,
            LastExecutionDate = plan.LastExecutionDate,
        };
    }

    /// <summary>Lists the caller's backup plans in this Region, one page at a time, by id.</summary>
    /// <param name="request">The paging.</param>
    /// <param name="cancellationToken">A token to cancel the call.</param>
    /// <returns>The plans.</returns>
    /// <exception cref="ArgumentNullException"><paramref name="request"/> is <see langword="null"/>.</exception>
    /// <exception cref="EbsException"><c>InvalidParameterValueException</c> for MaxResults outside 1 to 1000 or a token this operation did not give.</exception>
    public async ValueTask<ListBackupPlansResponse> ListBackupPlansAsync(ListBackupPlansRequest request, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(request);
        CheckPaging(nameof(ListBackupPlansAsync), request.MaxResults, request.NextToken);
        var world = await _engine.CurrentAsync(cancellationToken).ConfigureAwait(false);
        var (page, next) = Pagination.Page(nameof(ListBackupPlansAsync), OwnPlans(world).OrderBy(p => p.BackupPlanId, StringComparer.Ordinal), p => p.BackupPlanId, request.MaxResults, request.NextToken);
        return new ListBackupPlansResponse
        {
            BackupPlansList = ValueList<BackupPlansListMember>.From(page.Select(p => new BackupPlansListMember
            {
                BackupPlanArn = p.Arn,
                BackupPlanId = p.BackupPlanId,
                CreationDate = p.CreationDate,
                VersionId = p.VersionId,
                BackupPlanName = p.Plan.BackupPlanName,
                CreatorRequestId = p.CreatorRequestId,
                LastExecutionDate = p.LastExecutionDate,
            })),
            NextToken = next,
        };
    }

    /// <summary>
    /// Replaces a backup plan with a new version: rules keep their ids by name, new rules get new
    /// ones, and every rule's next run follows its (new) schedule from now.
    /// </summary>
    /// <param name="request">The plan's id and the whole new plan.</param>
    /// <param name="cancellationToken">A token to cancel the call.</param>
    /// <returns>The new version.</returns>
    /// <exception cref="ArgumentNullException"><paramref name="request"/>, its plan or a rule is <see langword="null"/>.</exception>
    /// <exception cref="EbsException">
    /// <c>InvalidParameterValueException</c> as for CreateBackupPlan; <c>LimitExceededException</c> past 10 rules or 5 copy actions; <c>ResourceNotFoundException</c>.
    /// </exception>
    public async ValueTask<UpdateBackupPlanResponse> UpdateBackupPlanAsync(UpdateBackupPlanRequest request, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(request);
        var input = CheckPlan(request.BackupPlan);
        var plan = await _engine.CommitAsync(nameof(UpdateBackupPlanAsync), m =>
        {
            var current = FindPlan(m.World, request.BackupPlanId);
            var kept = current.Plan.Rules.ToDictionary(r => r.RuleName, r => r.RuleId, StringComparer.Ordinal);
            var updated = current with { Plan = WithRuleIds(m, input, kept), VersionId = NewVersionId() };
            Backups.UnscheduleRules(m, current.BackupPlanId);
            m.Set(RecordKinds.BackupPlan, updated);
            foreach (var rule in updated.Plan.Rules)
            {
                Backups.ScheduleRule(m, updated.BackupPlanId, rule, m.Now);
            }

            return updated;
        }, null, cancellationToken).ConfigureAwait(false);
        return new UpdateBackupPlanResponse { BackupPlanId = plan.BackupPlanId, BackupPlanArn = plan.Arn, CreationDate = plan.CreationDate, VersionId = plan.VersionId };
    }

    /// <summary>Deletes a backup plan without selections; its recovery points stay.</summary>
    /// <param name="request">The plan's id.</param>
    /// <param name="cancellationToken">A token to cancel the call.</param>
    /// <returns>The deleted plan.</returns>
    /// <exception cref="ArgumentNullException"><paramref name="request"/> is <see langword="null"/>.</exception>
    /// <exception cref="EbsException"><c>ResourceNotFoundException</c>; <c>InvalidRequestException</c> while it has selections.</exception>
    public async ValueTask<DeleteBackupPlanResponse> DeleteBackupPlanAsync(DeleteBackupPlanRequest request, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(request);
        var (plan, at) = await _engine.CommitAsync(nameof(DeleteBackupPlanAsync), m =>
        {
            var current = FindPlan(m.World, request.BackupPlanId);
            if (m.World.Table(RecordKinds.BackupSelection).Values.Any(s => s.BackupPlanId == current.BackupPlanId))
            {
                throw BackupErrors.Of(EbsErrorCodes.InvalidRequestException, "Related backup plan selections must be deleted prior to backup plan deletion", current.Arn);
            }

            Backups.UnscheduleRules(m, current.BackupPlanId);
            m.Remove(RecordKinds.BackupPlan, current.BackupPlanId);
            return (current, m.Now);
        }, null, cancellationToken).ConfigureAwait(false);
        return new DeleteBackupPlanResponse { BackupPlanId = plan.BackupPlanId, BackupPlanArn = plan.Arn, DeletionDate = at, VersionId = plan.VersionId };
    }

    /// <summary>Adds a selection of volumes to a backup plan. A repeated call with the same CreatorRequestId returns the selection it created.</summary>
    /// <param name="request">The plan's id, the selection and an idempotency token.</param>
    /// <param name="cancellationToken">A token to cancel the call.</param>
    /// <returns>The new selection.</returns>
    /// <exception cref="ArgumentNullException"><paramref name="request"/> or its selection is <see langword="null"/>.</exception>
    /// <exception cref="EbsException">
    /// <c>InvalidParameterValueException</c> for a bad name, neither resources nor tags nor conditions, a condition without key or value, or a wildcard not at the end;
    /// <c>ResourceNotFoundException</c> for the plan; <c>AlreadyExistsException</c> for a selection of that name; <c>LimitExceededException</c> past 100 selections.
    /// </exception>
    public async ValueTask<CreateBackupSelectionResponse> CreateBackupSelectionAsync(CreateBackupSelectionRequest request, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(request);
        var selection = request.BackupSelection;
        ArgumentNullException.ThrowIfNull(selection, nameof(request));
        CheckName(selection.SelectionName, 50, "Selection name");
        if (string.IsNullOrEmpty(selection.IamRoleArn))
        {
            throw Missing(nameof(selection.IamRoleArn));
        }

        if (selection.Resources.Count == 0 && selection.ListOfTags.Count == 0 && selection.Conditions is not { Count: > 0 })
        {
            throw Invalid("A backup selection needs Resources, ListOfTags or Conditions.");
        }

        if (selection.Conditions is { } conditions
            && new[] { conditions.StringEquals, conditions.StringNotEquals, conditions.StringLike, conditions.StringNotLike }.SelectMany(c => c).Any(c => c is null || string.IsNullOrEmpty(c.ConditionKey) || c.ConditionValue is null))
        {
            throw Invalid("Each condition needs a ConditionKey and a ConditionValue.");
        }

        if (selection.Resources.Concat(selection.NotResources).FirstOrDefault(r => r.IndexOf('*', StringComparison.Ordinal) is var star && star >= 0 && star != r.Length - 1) is { } bad)
        {
            throw Invalid($"Resource ARN '{bad}' may have a wildcard only at its end.");
        }

        var created = await _engine.CommitAsync(nameof(CreateBackupSelectionAsync), m =>
        {
            var plan = FindPlan(m.World, request.BackupPlanId);
            var existing = m.World.Table(RecordKinds.BackupSelection).Values.Where(s => s.BackupPlanId == plan.BackupPlanId).ToList();
            if (request.CreatorRequestId is not null && existing.FirstOrDefault(s => s.CreatorRequestId == request.CreatorRequestId) is { } same)
            {
                return same;
            }

            if (existing.Any(s => s.Selection.SelectionName == selection.SelectionName))
            {
                throw BackupErrors.Of(EbsErrorCodes.AlreadyExistsException, $"A selection named {selection.SelectionName} already exists in backup plan {plan.BackupPlanId}.");
            }

            if (existing.Count >= MaxSelectionsPerPlan)
            {
                throw BackupErrors.Of(EbsErrorCodes.LimitExceededException, $"A backup plan may have at most {MaxSelectionsPerPlan} selections.");
            }

            var record = new BackupSelectionRecord
            {
                SelectionId = Backups.NewUuid(_engine, m.World.Table(RecordKinds.BackupSelection).ContainsKey),
                BackupPlanId = plan.BackupPlanId,
                Selection = selection,
                CreationDate = m.Now,
                CreatorRequestId = request.CreatorRequestId,
            };
            m.Set(RecordKinds.BackupSelection, record);
            return record;
        }, null, cancellationToken).ConfigureAwait(false);
        return new CreateBackupSelectionResponse { SelectionId = created.SelectionId, BackupPlanId = created.BackupPlanId, CreationDate = created.CreationDate };
    }

    /// <summary>Gets a selection of a backup plan.</summary>
    /// <param name="request">The plan's and the selection's ids.</param>
    /// <param name="cancellationToken">A token to cancel the call.</param>
    /// <returns>The selection.</returns>
    /// <exception cref="ArgumentNullException"><paramref name="request"/> is <see langword="null"/>.</exception>
    /// <exception cref="EbsException"><c>ResourceNotFoundException</c>.</exception>
    public async ValueTask<GetBackupSelectionResponse> GetBackupSelectionAsync(GetBackupSelectionRequest request, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(request);
        var selection = FindSelection(await _engine.CurrentAsync(cancellationToken).ConfigureAwait(false), request.BackupPlanId, request.SelectionId);
        return new GetBackupSelectionResponse
        {
            BackupSelection = selection.Selection,
            SelectionId = selection.SelectionId,
            BackupPlanId = selection.BackupPlanId,
            CreationDate = selection.CreationDate,
            CreatorRequestId = selection.CreatorRequestId,
        };
    }

    /// <summary>Lists a backup plan's selections, one page at a time, by id.</summary>
    /// <param name="request">The plan's id and the paging.</param>
    /// <param name="cancellationToken">A token to cancel the call.</param>
    /// <returns>The selections.</returns>
    /// <exception cref="ArgumentNullException"><paramref name="request"/> is <see langword="null"/>.</exception>
    /// <exception cref="EbsException"><c>InvalidParameterValueException</c> for bad paging; <c>ResourceNotFoundException</c> for the plan.</exception>
    public async ValueTask<ListBackupSelectionsResponse> ListBackupSelectionsAsync(ListBackupSelectionsRequest request, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(request);
        CheckPaging(nameof(ListBackupSelectionsAsync), request.MaxResults, request.NextToken);
        var world = await _engine.CurrentAsync(cancellationToken).ConfigureAwait(false);
        var plan = FindPlan(world, request.BackupPlanId);
        var selections = world.Table(RecordKinds.BackupSelection).Values.Where(s => s.BackupPlanId == plan.BackupPlanId).OrderBy(s => s.SelectionId, StringComparer.Ordinal);
        var (page, next) = Pagination.Page(nameof(ListBackupSelectionsAsync), selections, s => s.SelectionId, request.MaxResults, request.NextToken);
        return new ListBackupSelectionsResponse
        {
            BackupSelectionsList = ValueList<BackupSelectionsListMember>.From(page.Select(s => new BackupSelectionsListMember
            {
                SelectionId = s.SelectionId,
                SelectionName = s.Selection.SelectionName,
                BackupPlanId = s.BackupPlanId,
                CreationDate = s.CreationDate,
                CreatorRequestId = s.CreatorRequestId,
                IamRoleArn = s.Selection.IamRoleArn,
            })),
            NextToken = next,
        };
    }

    /// <summary>Removes a selection from a backup plan; the plan's later runs no longer back up its volumes.</summary>
    /// <param name="request">The plan's and the selection's ids.</param>
    /// <param name="cancellationToken">A token to cancel the call.</param>
    /// <returns>AWS's empty response.</returns>
    /// <exception cref="ArgumentNullException"><paramref name="request"/> is <see langword="null"/>.</exception>
    /// <exception cref="EbsException"><c>ResourceNotFoundException</c>.</exception>
    public async ValueTask<DeleteBackupSelectionResponse> DeleteBackupSelectionAsync(DeleteBackupSelectionRequest request, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(request);
        await _engine.CommitAsync(nameof(DeleteBackupSelectionAsync), m =>
        {
            m.Remove(RecordKinds.BackupSelection, FindSelection(m.World, request.BackupPlanId, request.SelectionId).SelectionId);
            return true;
        }, null, cancellationToken).ConfigureAwait(false);
        return new DeleteBackupSelectionResponse();
    }

    private BackupPlanInput CheckPlan(BackupPlanInput? input)
    {
        ArgumentNullException.ThrowIfNull(input, "request");
        CheckName(input.BackupPlanName, 200, "Backup plan name");
        ArgumentNullException.ThrowIfNull(input.Rules, "request");
        if (input.Rules.Count == 0)
        {
            throw Missing(nameof(input.Rules));
        }

        if (input.Rules.Count > MaxRulesPerPlan)
        {
            throw BackupErrors.Of(EbsErrorCodes.LimitExceededException, $"A backup plan may have at most {MaxRulesPerPlan} rules.");
        }

        var names = new HashSet<string>(StringComparer.Ordinal);
        return input with { Rules = [.. input.Rules.Select(rule => CheckRule(rule, names))] };
    }

    private BackupRuleInput CheckRule(BackupRuleInput? rule, HashSet<string> names)
    {
        ArgumentNullException.ThrowIfNull(rule, "request");
        CheckName(rule.RuleName, 50, "Rule name");
        if (!names.Add(rule.RuleName))
        {
            throw Invalid($"Rule name {rule.RuleName} is used twice in the plan.");
        }

        CheckVaultName(rule.TargetBackupVaultName);
        var schedule = rule.ScheduleExpression ?? DefaultScheduleExpression;
        if (!CronExpression.TryParse(schedule, out _, out var error))
        {
            throw Invalid($"Error in rule {rule.RuleName} : Invalid ScheduleExpression '{schedule}': {error}");
        }

        CheckStartWindow(rule.StartWindowMinutes);
        if (rule.CompletionWindowMinutes is < 1 or > BackupLifecycles.MaxDays * 1440)
        {
            throw Invalid($"Error in rule {rule.RuleName} : CompletionWindowMinutes must be from 1 to {BackupLifecycles.MaxDays * 1440}.");
        }

        TagsOf(rule.RecoveryPointTags, MaxRecoveryPointTags);
        if (rule.CopyActions.Count > MaxCopyActionsPerRule)
        {
            throw BackupErrors.Of(EbsErrorCodes.LimitExceededException, $"A rule may have at most {MaxCopyActionsPerRule} copy actions.");
        }

        foreach (var copy in rule.CopyActions)
        {
            ArgumentNullException.ThrowIfNull(copy, "request");
            CheckDestination(copy.DestinationBackupVaultArn, rule.RuleName);

            CheckLifecycle(copy.Lifecycle, rule.RuleName);
        }

        return rule with { ScheduleExpression = schedule, Lifecycle = CheckLifecycle(rule.Lifecycle, rule.RuleName) };
    }

    private BackupPlan WithRuleIds(Mutation m, BackupPlanInput input, IReadOnlyDictionary<string, string>? kept = null)
    {
        var taken = new HashSet<string>(StringComparer.Ordinal);
        return new BackupPlan
        {
            BackupPlanName = input.BackupPlanName,
            Rules = ValueList<BackupRule>.From(input.Rules.Select(rule => new BackupRule
            {
                RuleName = rule.RuleName,
                RuleId = kept?.GetValueOrDefault(rule.RuleName) ?? Backups.NewUuid(_engine, id => !taken.Add(id)),
                TargetBackupVaultName = rule.TargetBackupVaultName,
                ScheduleExpression = rule.ScheduleExpression!,
                ScheduleExpressionTimezone = "Etc/UTC",
                StartWindowMinutes = rule.StartWindowMinutes ?? DefaultStartWindowMinutes,
                CompletionWindowMinutes = rule.CompletionWindowMinutes ?? DefaultCompletionWindowMinutes,
                Lifecycle = rule.Lifecycle,
                RecoveryPointTags = TagsOf(rule.RecoveryPointTags),
                CopyActions = ValueList<CopyAction>.From(rule.CopyActions),
            }).ToList()),
        };
    }

    private string NewVersionId() => _engine.Ids.Next(VersionAlphabet, VersionIdLength, _ => false);

    private IEnumerable<BackupPlanRecord> OwnPlans(World world)
        => world.Table(RecordKinds.BackupPlan).Values.Where(p => p.AccountId == AccountId && p.Region == Region);

    private BackupPlanRecord FindPlan(World world, string planId)
    {
        ArgumentNullException.ThrowIfNull(planId);
        return world.Table(RecordKinds.BackupPlan).GetValueOrDefault(planId) is { } plan && plan.AccountId == AccountId && plan.Region == Region
            ? plan
            : throw BackupErrors.Of(EbsErrorCodes.ResourceNotFoundException, "Failed reading Backup plan with provided version", planId);
    }

    private BackupSelectionRecord FindSelection(World world, string planId, string selectionId)
    {
        var plan = FindPlan(world, planId);
        ArgumentNullException.ThrowIfNull(selectionId);
        return world.Table(RecordKinds.BackupSelection).GetValueOrDefault(selectionId) is { } selection && selection.BackupPlanId == plan.BackupPlanId
            ? selection
            : throw BackupErrors.Of(EbsErrorCodes.ResourceNotFoundException, $"Backup selection {selectionId} does not exist in backup plan {planId}.", selectionId);
    }
}
