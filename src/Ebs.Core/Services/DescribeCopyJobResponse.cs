using System.Text.Json.Serialization;
using Ebs.Core.Domain;
namespace Ebs.Core.Services;

/// <summary>The result of DescribeCopyJob: the job at the call.</summary>
public sealed record DescribeCopyJobResponse
{
    // Internal: only the library makes these; the JSON reader may, to read back what it wrote.
    [JsonConstructor]
    internal DescribeCopyJobResponse()
    {
    }

    /// <summary>Gets the job.</summary>
    public required CopyJob CopyJob { get; init; }
}
