using System.Text.Json.Serialization;
namespace Ebs.Core.Services;

/// <summary>The result of CreateBackupPlan: the new plan.</summary>
public sealed record CreateBackupPlanResponse
{
    // Internal: only the library makes these; the JSON reader may, to read back what it wrote.
    [JsonConstructor]
    internal CreateBackupPlanResponse()
    {
    }

    /// <summary>Gets the plan's id.</summary>
    public required string BackupPlanId { get; init; }

    /// <summary>Gets the plan's ARN, <c>arn:aws:backup:{region}:{account}:backup-plan:{id}</c>.</summary>
    public required string BackupPlanArn { get; init; }

    /// <summary>Gets when the plan was created.</summary>
    public required DateTimeOffset CreationDate { get; init; }

    /// <summary>Gets the version's id.</summary>
    public required string VersionId { get; init; }
}
