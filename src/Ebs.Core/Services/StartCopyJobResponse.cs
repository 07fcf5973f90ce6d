using System.Text.Json.Serialization;
namespace Ebs.Core.Services;

/// <summary>The result of StartCopyJob: the job.</summary>
public sealed record StartCopyJobResponse
{
    // Internal: only the library makes these; the JSON reader may, to read back what it wrote.
    [JsonConstructor]
    internal StartCopyJobResponse()
    {
    }

    /// <summary>Gets the job's id, a UUID.</summary>
    public required string CopyJobId { get; init; }

    /// <summary>Gets when the job was created.</summary>
    public required DateTimeOffset CreationDate { get; init; }

    /// <summary>Gets whether the job has child jobs; never for an EBS recovery point.</summary>
    public bool IsParent { get; init; }
}
