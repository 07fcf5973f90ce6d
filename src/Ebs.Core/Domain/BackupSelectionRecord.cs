namespace Ebs.Core.Domain;

/// <summary>The stored form of a backup selection: which resources one plan backs up.</summary>
internal sealed record BackupSelectionRecord
{
    public required string SelectionId { get; init; }

    public required string BackupPlanId { get; init; }

    public required BackupSelection Selection { get; init; }

    public required DateTimeOffset CreationDate { get; init; }

    public string? CreatorRequestId { get; init; }
}
