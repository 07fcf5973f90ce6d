using System.Text.Json.Serialization;
using Ebs.Core.Domain;

namespace Ebs.Core.Services;

/// <summary>The result of UpdateRecoveryPointLifecycle: the point's new lifecycle.</summary>
public sealed record UpdateRecoveryPointLifecycleResponse
{
    // Internal: only the library makes these; the JSON reader may, to read back what it wrote.
    [JsonConstructor]
    internal UpdateRecoveryPointLifecycleResponse()
    {
    }

    /// <summary>Gets the vault's ARN.</summary>
    public required string BackupVaultArn { get; init; }

    /// <summary>Gets the recovery point's ARN, the EC2 snapshot ARN <c>arn:aws:ec2:{region}::snapshot/snap-…</c>.</summary>
    public required string RecoveryPointArn { get; init; }

    /// <summary>Gets the lifecycle.</summary>
    public Lifecycle? Lifecycle { get; init; }

    /// <summary>Gets when the point moves to cold storage and is deleted.</summary>
    public required CalculatedLifecycle CalculatedLifecycle { get; init; }
}
