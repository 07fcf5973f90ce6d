namespace Ebs.Core.Domain;

/// <summary>
/// The tag conditions of a backup selection (AWS Backup's <c>Conditions</c>): a resource is
/// selected only when it meets every one of them (AND), case-sensitively. A resource without
/// the tag meets <see cref="StringNotEquals"/> and <see cref="StringNotLike"/> and no other, as
/// IAM's negated operators do.
/// </summary>
public sealed record Conditions
{
    /// <summary>Gets the conditions met by a tag with exactly the value.</summary>
    public ValueList<ConditionParameter> StringEquals { get; init; } = ValueList<ConditionParameter>.Empty;

    /// <summary>Gets the conditions met unless the tag has exactly the value.</summary>
    public ValueList<ConditionParameter> StringNotEquals { get; init; } = ValueList<ConditionParameter>.Empty;

    /// <summary>Gets the conditions met by a tag whose value matches the pattern.</summary>
    public ValueList<ConditionParameter> StringLike { get; init; } = ValueList<ConditionParameter>.Empty;

    /// <summary>Gets the conditions met unless the tag's value matches the pattern.</summary>
    public ValueList<ConditionParameter> StringNotLike { get; init; } = ValueList<ConditionParameter>.Empty;

    /// <summary>Gets how many comparisons there are in all.</summary>
    internal int Count => StringEquals.Count + StringNotEquals.Count + StringLike.Count + StringNotLike.Count;
}
