using System.Text.Json.Serialization;
using Ebs.Core.Domain;

namespace Ebs.Core.Services;

/// <summary>The result of GetBackupSelection: the selection.</summary>
public sealed record GetBackupSelectionResponse
{
    // Internal: only the library makes these; the JSON reader may, to read back what it wrote.
    [JsonConstructor]
    internal GetBackupSelectionResponse()
    {
    }

    /// <summary>Gets the selection.</summary>
    public required BackupSelection BackupSelection { get; init; }

    /// <summary>Gets the selection's id.</summary>
    public required string SelectionId { get; init; }

    /// <summary>Gets the plan's id.</summary>
    public required string BackupPlanId { get; init; }

    /// <summary>Gets when the selection was created.</summary>
    public required DateTimeOffset CreationDate { get; init; }

    /// <summary>Gets the idempotency token it was created with, if any.</summary>
    public string? CreatorRequestId { get; init; }
}
