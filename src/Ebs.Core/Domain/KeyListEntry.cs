using System.Text.Json.Serialization;

namespace Ebs.Core.Domain;

/// <summary>A key as ListKeys lists it (KMS's <c>KeyListEntry</c>).</summary>
public sealed record KeyListEntry
{
    [JsonConstructor]
    internal KeyListEntry()
    {
    }

    /// <summary>Gets the key id.</summary>
    public required string KeyId { get; init; }

    /// <summary>Gets the key ARN.</summary>
    public required string KeyArn { get; init; }
}
