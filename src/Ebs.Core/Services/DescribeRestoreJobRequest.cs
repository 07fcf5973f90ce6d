namespace Ebs.Core.Services;

/// <summary>The parameters of DescribeRestoreJob.</summary>
public sealed record DescribeRestoreJobRequest
{
    /// <summary>Gets the restore job's id, a UUID.</summary>
    public required string RestoreJobId { get; init; }
}
