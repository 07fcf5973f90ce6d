using System.Text.Json.Serialization;
using Ebs.Core.Domain;

namespace Ebs.Core.Services;

/// <summary>The result of GetBackupPlan: the plan's current version.</summary>
public sealed record GetBackupPlanResponse
{
    // Internal: only the library makes these; the JSON reader may, to read back what it wrote.
    [JsonConstructor]
    internal GetBackupPlanResponse()
    {
    }

    /// <summary>Gets the plan, its rules with their ids and defaults.</summary>
    public required BackupPlan BackupPlan { get; init; }

    /// <summary>Gets the plan's id.</summary>
    public required string BackupPlanId { get; init; }

    /// <summary>Gets the plan's ARN.</summary>
    public required string BackupPlanArn { get; init; }

    /// <summary>Gets the version's id.</summary>
    public required string VersionId { get; init; }

    /// <summary>Gets the idempotency token it was created with, if any.</summary>
    public string? CreatorRequestId { get; init; }

    /// <summary>Gets when the plan was created.</summary>
    public required DateTimeOffset CreationDate { get; init; }

    /// <summary>Gets when a rule of the plan last ran, if ever.</summary>
    public DateTimeOffset? LastExecutionDate { get; init; }
}
