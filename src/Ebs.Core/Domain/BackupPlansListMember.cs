namespace Ebs.Core.Domain;

/// <summary>A plan as ListBackupPlans lists it (AWS Backup's <c>BackupPlansListMember</c>).</summary>
public sealed record BackupPlansListMember
{
    /// <summary>Gets the plan's ARN.</summary>
    public required string BackupPlanArn { get; init; }

    /// <summary>Gets the plan's id.</summary>
    public required string BackupPlanId { get; init; }

    /// <summary>Gets when the plan was created.</summary>
    public required DateTimeOffset CreationDate { get; init; }

    /// <summary>Gets the version's id.</summary>
    public required string VersionId { get; init; }

    /// <summary>Gets the plan's name.</summary>
    public required string BackupPlanName { get; init; }

    /// <summary>Gets the idempotency token it was created with, if any.</summary>
    public string? CreatorRequestId { get; init; }

    /// <summary>Gets when a rule of the plan last ran, if ever.</summary>
    public DateTimeOffset? LastExecutionDate { get; init; }
}
