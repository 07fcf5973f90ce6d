namespace Ebs.Core.Domain;

/// <summary>One grant of a snapshot's <c>createVolumePermission</c> (AWS's <c>CreateVolumePermission</c>): an account, or the group <c>all</c>.</summary>
public sealed record CreateVolumePermission
{
    /// <summary>Gets the account id, or <see langword="null"/> for a group.</summary>
    public string? UserId { get; init; }

    /// <summary>Gets the group, or <see langword="null"/> for an account.</summary>
    public PermissionGroup? Group { get; init; }
}
