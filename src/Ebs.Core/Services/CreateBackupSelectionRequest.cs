using Ebs.Core.Domain;

namespace Ebs.Core.Services;

/// <summary>The parameters of CreateBackupSelection.</summary>
public sealed record CreateBackupSelectionRequest
{
    /// <summary>Gets the plan's id.</summary>
    public required string BackupPlanId { get; init; }

    /// <summary>Gets the selection.</summary>
    public required BackupSelection BackupSelection { get; init; }

    /// <summary>Gets an idempotency token: a repeated call with it returns the selection it created.</summary>
    public string? CreatorRequestId { get; init; }
}
