using System.Text.Json.Serialization;

namespace Ebs.Core.Domain;

/// <summary>
/// The cloud's master secret, kept with its state: it wraps every KMS key's data key, so chunk
/// files alone (without the state store) reveal nothing. Made with the first KMS key.
/// </summary>
internal sealed record KmsMasterSecret
{
    public const string TheKey = "master";

    [JsonIgnore]
    public string Key => TheKey;

    /// <summary>Gets the secret, base64.</summary>
    public required string Secret { get; init; }
}
