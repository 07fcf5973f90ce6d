using System.Text.Json.Serialization;
namespace Ebs.Core.Services;

/// <summary>The result of UpdateBackupPlan: the new version.</summary>
public sealed record UpdateBackupPlanResponse
{
    // Internal: only the library makes these; the JSON reader may, to read back what it wrote.
    [JsonConstructor]
    internal UpdateBackupPlanResponse()
    {
    }

    /// <summary>Gets the plan's id.</summary>
    public required string BackupPlanId { get; init; }

    /// <summary>Gets the plan's ARN.</summary>
    public required string BackupPlanArn { get; init; }

    /// <summary>Gets when the plan was created.</summary>
    public required DateTimeOffset CreationDate { get; init; }

    /// <summary>Gets the new version's id.</summary>
    public required string VersionId { get; init; }
}
