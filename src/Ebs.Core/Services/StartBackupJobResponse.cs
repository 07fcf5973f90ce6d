using System.Text.Json.Serialization;
using Ebs.Core.Domain;

namespace Ebs.Core.Services;

/// <summary>The result of StartBackupJob: the job (for EBS, AWS does not return the recovery point's ARN here; DescribeBackupJob does).</summary>
public sealed record StartBackupJobResponse
{
    // Internal: only the library makes these; the JSON reader may, to read back what it wrote.
    [JsonConstructor]
    internal StartBackupJobResponse()
    {
    }

    /// <summary>Gets the job's id, a UUID.</summary>
    public required string BackupJobId { get; init; }

    /// <summary>Gets when the job was created.</summary>
    public required DateTimeOffset CreationDate { get; init; }

    /// <summary>Gets whether the job has child jobs; never for an EBS volume.</summary>
    public bool IsParent { get; init; }
}
