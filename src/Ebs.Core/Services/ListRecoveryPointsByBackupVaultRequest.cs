namespace Ebs.Core.Services;

/// <summary>The parameters of ListRecoveryPointsByBackupVault.</summary>
public sealed record ListRecoveryPointsByBackupVaultRequest
{
    /// <summary>Gets the vault's name.</summary>
    public required string BackupVaultName { get; init; }

    /// <summary>Gets the volume ARN to list the points of.</summary>
    public string? ByResourceArn { get; init; }

    /// <summary>Gets the most items to return, 1 to 1000; all when not given.</summary>
    public int? MaxResults { get; init; }

    /// <summary>Gets the token of the page to return, from the previous page.</summary>
    public string? NextToken { get; init; }
}
