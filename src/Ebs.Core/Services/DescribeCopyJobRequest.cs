namespace Ebs.Core.Services;

/// <summary>The parameters of DescribeCopyJob.</summary>
public sealed record DescribeCopyJobRequest
{
    /// <summary>Gets the job's id.</summary>
    public required string CopyJobId { get; init; }
}
