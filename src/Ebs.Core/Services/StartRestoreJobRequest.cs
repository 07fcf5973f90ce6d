namespace Ebs.Core.Services;

/// <summary>The parameters of StartRestoreJob: a new volume from an EBS recovery point.</summary>
public sealed record StartRestoreJobRequest
{
    /// <summary>Gets the recovery point's ARN, the EC2 snapshot ARN <c>arn:aws:ec2:{region}::snapshot/snap-…</c>.</summary>
    public required string RecoveryPointArn { get; init; }

    /// <summary>Gets the new volume's settings: <c>availabilityZone</c> (required here), and optionally <c>volumeType</c>, <c>volumeSize</c>, <c>iops</c>, <c>throughput</c>.</summary>
    public required IReadOnlyDictionary<string, string> Metadata { get; init; }

    /// <summary>Gets the role AWS Backup assumes; stored, not checked.</summary>
    public string? IamRoleArn { get; init; }

    /// <summary>Gets an idempotency token: a repeated call with it returns the job it started.</summary>
    public string? IdempotencyToken { get; init; }

    /// <summary>Gets the resource type; <c>EBS</c> when given.</summary>
    public string? ResourceType { get; init; }
}
