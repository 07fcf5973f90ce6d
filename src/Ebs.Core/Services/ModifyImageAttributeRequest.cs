using Ebs.Core.Domain;

namespace Ebs.Core.Services;

/// <summary>The parameters of ModifyImageAttribute: one attribute at a time, <see cref="Description"/>, <see cref="LaunchPermission"/>, or <see cref="Attribute"/> with <see cref="OperationType"/>, <see cref="UserIds"/> and <see cref="UserGroups"/>.</summary>
public sealed record ModifyImageAttributeRequest
{
    /// <summary>Gets the image.</summary>
    public required ImageId ImageId { get; init; }

    /// <summary>Gets the attribute to modify: <see cref="ImageAttributeName.Description"/> or <see cref="ImageAttributeName.LaunchPermission"/>.</summary>
    public ImageAttributeName? Attribute { get; init; }

    /// <summary>Gets the new description (at most 255 characters).</summary>
    public string? Description { get; init; }

    /// <summary>Gets the grants to add and remove.</summary>
    public LaunchPermissionModifications? LaunchPermission { get; init; }

    /// <summary>Gets whether <see cref="UserIds"/> and <see cref="UserGroups"/> are added or removed.</summary>
    public OperationType? OperationType { get; init; }

    /// <summary>Gets the accounts to add or remove.</summary>
    public IReadOnlyList<string> UserIds { get; init; } = [];

    /// <summary>Gets the groups to add or remove (<c>all</c>: public).</summary>
    public IReadOnlyList<PermissionGroup> UserGroups { get; init; } = [];
}
