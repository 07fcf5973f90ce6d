using Ebs.Core.Domain;

namespace Ebs.Core.Services;

/// <summary>The parameters of CreateBackupPlan.</summary>
public sealed record CreateBackupPlanRequest
{
    /// <summary>Gets the plan: its name and rules.</summary>
    public required BackupPlanInput BackupPlan { get; init; }

    /// <summary>Gets the plan's tags.</summary>
    public IReadOnlyDictionary<string, string>? BackupPlanTags { get; init; }

    /// <summary>Gets an idempotency token: a repeated call with it returns the plan it created.</summary>
    public string? CreatorRequestId { get; init; }
}
