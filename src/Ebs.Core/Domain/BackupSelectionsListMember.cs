namespace Ebs.Core.Domain;

/// <summary>A selection as ListBackupSelections lists it (AWS Backup's <c>BackupSelectionsListMember</c>).</summary>
public sealed record BackupSelectionsListMember
{
    /// <summary>Gets the selection's id.</summary>
    public required string SelectionId { get; init; }

    /// <summary>Gets the selection's name.</summary>
    public required string SelectionName { get; init; }

    /// <summary>Gets the plan's id.</summary>
    public required string BackupPlanId { get; init; }

    /// <summary>Gets when the selection was created.</summary>
    public required DateTimeOffset CreationDate { get; init; }

    /// <summary>Gets the idempotency token it was created with, if any.</summary>
    public string? CreatorRequestId { get; init; }

    /// <summary>Gets the role AWS Backup assumes.</summary>
    public required string IamRoleArn { get; init; }
}
