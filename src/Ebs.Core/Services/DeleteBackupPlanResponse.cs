using System.Text.Json.Serialization;
namespace Ebs.Core.Services;

/// <summary>The result of DeleteBackupPlan: the deleted plan.</summary>
public sealed record DeleteBackupPlanResponse
{
    // Internal: only the library makes these; the JSON reader may, to read back what it wrote.
    [JsonConstructor]
    internal DeleteBackupPlanResponse()
    {
    }

    /// <summary>Gets the plan's id.</summary>
    public required string BackupPlanId { get; init; }

    /// <summary>Gets the plan's ARN.</summary>
    public required string BackupPlanArn { get; init; }

    /// <summary>Gets when it was deleted.</summary>
    public required DateTimeOffset DeletionDate { get; init; }

    /// <summary>Gets the deleted version's id.</summary>
    public required string VersionId { get; init; }
}
