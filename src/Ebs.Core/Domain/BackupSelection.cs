namespace Ebs.Core.Domain;

/// <summary>
/// The resources a backup plan backs up (AWS Backup's <c>BackupSelection</c>): those of
/// <see cref="Resources"/> (ARNs, a trailing <c>*</c> matching any suffix) or, when they are
/// empty, every volume of the account in the Region; then, with <see cref="ListOfTags"/>, only
/// those with any one of the tags, and with <see cref="Conditions"/> only those meeting all of
/// them; never those of <see cref="NotResources"/>.
/// </summary>
public sealed record BackupSelection
{
    /// <summary>Gets the selection's name: 1 to 50 letters, digits, <c>-</c>, <c>_</c> or <c>.</c>.</summary>
    public required string SelectionName { get; init; }

    /// <summary>Gets the role AWS Backup assumes; stored, not checked.</summary>
    public required string IamRoleArn { get; init; }

    /// <summary>Gets the resource ARNs, such as <c>arn:aws:ec2:{region}:{account}:volume/vol-…</c>.</summary>
    public ValueList<string> Resources { get; init; } = ValueList<string>.Empty;

    /// <summary>Gets the tag conditions, of which any one selects a resource.</summary>
    public ValueList<Condition> ListOfTags { get; init; } = ValueList<Condition>.Empty;

    /// <summary>Gets the tag conditions a resource must all meet, or <see langword="null"/> for none.</summary>
    public Conditions? Conditions { get; init; }

    /// <summary>Gets the resource ARNs never selected.</summary>
    public ValueList<string> NotResources { get; init; } = ValueList<string>.Empty;
}
