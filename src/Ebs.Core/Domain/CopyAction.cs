namespace Ebs.Core.Domain;

/// <summary>A copy of each recovery point a rule makes to another vault, such as one in another Region (AWS Backup's <c>CopyAction</c>).</summary>
public sealed record CopyAction
{
    /// <summary>Gets the destination vault's ARN, <c>arn:aws:backup:{region}:{account}:backup-vault:{name}</c>.</summary>
    public required string DestinationBackupVaultArn { get; init; }

    /// <summary>Gets the copy's lifecycle; without one the copy takes the source point's.</summary>
    public Lifecycle? Lifecycle { get; init; }
}
