using System.Globalization;
using System.Text.Json.Serialization;

namespace Ebs.Core.Domain;

/// <summary>The stored form of a backup plan's current version; its selections are <see cref="BackupSelectionRecord"/>s naming it.</summary>
internal sealed record BackupPlanRecord
{
    public required string BackupPlanId { get; init; }

    public required string AccountId { get; init; }

    public required string Region { get; init; }

    public required BackupPlan Plan { get; init; }

    public required string VersionId { get; init; }

    public required DateTimeOffset CreationDate { get; init; }

    public string? CreatorRequestId { get; init; }

    public DateTimeOffset? LastExecutionDate { get; init; }

    public required TagList Tags { get; init; }

    [JsonIgnore]
    public string Arn => string.Create(CultureInfo.InvariantCulture, $"arn:aws:backup:{Region}:{AccountId}:backup-plan:{BackupPlanId}");
}
