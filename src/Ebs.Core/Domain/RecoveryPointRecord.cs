using System.Globalization;
using System.Text.Json.Serialization;

namespace Ebs.Core.Domain;

/// <summary>
/// The stored form of an EBS recovery point: a snapshot of the account's, made by AWS Backup
/// and kept in a vault; keyed by the snapshot. The snapshot is an ordinary one (incremental,
/// billed, listed by DescribeSnapshots) that EC2 refuses to delete.
/// </summary>
internal sealed record RecoveryPointRecord
{
    public required SnapshotId SnapshotId { get; init; }

    public required string AccountId { get; init; }

    public required string Region { get; init; }

    public required string BackupVaultName { get; init; }

    public required string ResourceArn { get; init; }

    public required DateTimeOffset CreationDate { get; init; }

    /// <summary>Gets when the snapshot completes, and with it the backup job.</summary>
    public required DateTimeOffset CompletesAt { get; init; }

    public Lifecycle? Lifecycle { get; init; }

    public RecoveryPointCreator? CreatedBy { get; init; }

    public required long BackupSizeInBytes { get; init; }

    public required string IamRoleArn { get; init; }

    /// <summary>Gets the vault a copy came from, or <see langword="null"/> for a backup.</summary>
    public string? SourceBackupVaultArn { get; init; }

    /// <summary>Gets when the point last moved to cold storage, or <see langword="null"/> while it never has.</summary>
    public DateTimeOffset? MovedToColdAt { get; init; }

    [JsonIgnore]
    public string Arn => ArnOf(Region, SnapshotId);

    [JsonIgnore]
    public string VaultKey => BackupVaultRecord.KeyOf(AccountId, Region, BackupVaultName);

    [JsonIgnore]
    public CalculatedLifecycle CalculatedLifecycle => BackupLifecycles.Calculate(Lifecycle, CreationDate);

    /// <summary>The EC2 snapshot ARN, which is an EBS recovery point's ARN: <c>arn:aws:ec2:{region}::snapshot/{id}</c>, without an account.</summary>
    public static string ArnOf(string region, SnapshotId snapshotId)
        => string.Create(CultureInfo.InvariantCulture, $"arn:aws:ec2:{region}::snapshot/{snapshotId.Value}");

    public RecoveryPointStatus StatusAt(DateTimeOffset now) => now < CompletesAt ? RecoveryPointStatus.Creating : RecoveryPointStatus.Completed;
}
