namespace Ebs.Core.Domain;

/// <summary>A tag condition of a backup selection (AWS Backup's <c>Condition</c>): a resource with the tag <see cref="ConditionKey"/> = <see cref="ConditionValue"/>.</summary>
public sealed record Condition
{
    /// <summary>Gets how the tag is compared; AWS has only <see cref="ConditionType.StringEquals"/>.</summary>
    public ConditionType ConditionType { get; init; } = ConditionType.StringEquals;

    /// <summary>Gets the tag key.</summary>
    public required string ConditionKey { get; init; }

    /// <summary>Gets the tag value.</summary>
    public required string ConditionValue { get; init; }
}
