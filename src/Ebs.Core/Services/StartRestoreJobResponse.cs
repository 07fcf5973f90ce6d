using System.Text.Json.Serialization;
namespace Ebs.Core.Services;

/// <summary>The result of StartRestoreJob: the job.</summary>
public sealed record StartRestoreJobResponse
{
    // Internal: only the library makes these; the JSON reader may, to read back what it wrote.
    [JsonConstructor]
    internal StartRestoreJobResponse()
    {
    }

    /// <summary>Gets the restore job's id, a UUID.</summary>
    public required string RestoreJobId { get; init; }
}
