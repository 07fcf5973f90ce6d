namespace Ebs.Core.Domain;

/// <summary>Tags to put on a resource as it is created (AWS's <c>TagSpecification</c>).</summary>
public sealed record TagSpecification
{
    /// <summary>Gets the type of the resource the operation creates; another type is refused.</summary>
    public required ResourceType ResourceType { get; init; }

    /// <summary>Gets the tags.</summary>
    public required IReadOnlyList<Tag> Tags { get; init; }
}
