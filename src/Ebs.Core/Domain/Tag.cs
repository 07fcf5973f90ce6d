namespace Ebs.Core.Domain;

/// <summary>A tag as AWS's JSON writes it: a key and its value.</summary>
/// <param name="Key">The key, 1 to 128 characters, not starting with <c>aws:</c>.</param>
/// <param name="Value">
/// The value, up to 256 characters; always set in describes. In DeleteTags, <see langword="null"/>
/// deletes the key whatever its value, as in AWS.
/// </param>
public sealed record Tag(string Key, string? Value);
