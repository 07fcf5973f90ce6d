using System.Text.Json.Serialization;

namespace Ebs.Core.Services;

/// <summary>The result of StopBackupJob: AWS's empty 200 response.</summary>
public sealed record StopBackupJobResponse
{
    // Internal: only the library makes these; the JSON reader may, to read back what it wrote.
    [JsonConstructor]
    internal StopBackupJobResponse()
    {
    }
}
