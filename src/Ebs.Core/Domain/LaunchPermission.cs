namespace Ebs.Core.Domain;

/// <summary>One grant of an image's <c>launchPermission</c> (AWS's <c>LaunchPermission</c>): an account, or the group <c>all</c>.</summary>
public sealed record LaunchPermission
{
    /// <summary>Gets the account id, or <see langword="null"/> for a group.</summary>
    public string? UserId { get; init; }

    /// <summary>Gets the group, or <see langword="null"/> for an account.</summary>
    public PermissionGroup? Group { get; init; }
}
