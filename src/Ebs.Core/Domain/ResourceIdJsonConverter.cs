using System.Text.Json;
using System.Text.Json.Serialization;

namespace Ebs.Core.Domain;

/// <summary>Writes a typed id as its text, as AWS's JSON does, and reads it back.</summary>
/// <typeparam name="TId">The id type.</typeparam>
internal sealed class ResourceIdJsonConverter<TId> : JsonConverter<TId>
    where TId : struct, IResourceId<TId>
{
    /// <inheritdoc />
    public override TId Read(ref Utf8JsonReader reader, Type typeToConvert, JsonSerializerOptions options)
        => TId.TryParse(reader.GetString(), null, out var id) ? id : throw new JsonException($"Expected an id starting with '{TId.Prefix}'.");

    /// <inheritdoc />
    public override void Write(Utf8JsonWriter writer, TId value, JsonSerializerOptions options)
    {
        ArgumentNullException.ThrowIfNull(writer);
        writer.WriteStringValue(value.Value);
    }
}
