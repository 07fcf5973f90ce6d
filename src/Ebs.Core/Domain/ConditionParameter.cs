namespace Ebs.Core.Domain;

/// <summary>One tag comparison of a backup selection's <see cref="Conditions"/> (AWS Backup's <c>ConditionParameter</c>).</summary>
public sealed record ConditionParameter
{
    /// <summary>Gets the tag key, as AWS writes it <c>aws:ResourceTag/{key}</c> (a bare key is read the same).</summary>
    public required string ConditionKey { get; init; }

    /// <summary>Gets the value compared with; in <c>StringLike</c> and <c>StringNotLike</c>, <c>*</c> matches any characters.</summary>
    public required string ConditionValue { get; init; }
}
