using System.Text.Json.Serialization;
namespace Ebs.Core.Services;

/// <summary>The result of CreateBackupSelection: the new selection.</summary>
public sealed record CreateBackupSelectionResponse
{
    // Internal: only the library makes these; the JSON reader may, to read back what it wrote.
    [JsonConstructor]
    internal CreateBackupSelectionResponse()
    {
    }

    /// <summary>Gets the selection's id.</summary>
    public required string SelectionId { get; init; }

    /// <summary>Gets the plan's id.</summary>
    public required string BackupPlanId { get; init; }

    /// <summary>Gets when the selection was created.</summary>
    public required DateTimeOffset CreationDate { get; init; }
}
