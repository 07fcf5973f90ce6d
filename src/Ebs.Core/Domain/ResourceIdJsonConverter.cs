using System.Text.Json;
using System.Text.Json.Serialization;

namespace Ebs.Core.Domain;

/// <summary>
/// Writes a typed id as its text, as AWS's JSON does, and reads it back. Public so that
/// source-generated JSON contexts of applications can use it.
/// </summary>
/// <typeparam name="TId">The id type.</typeparam>
public sealed class ResourceIdJsonConverter<TId> : JsonConverter<TId>
    where TId : struct, ISpanParsable<TId>
{
    /// <inheritdoc />
    public override TId Read(ref Utf8JsonReader reader, Type typeToConvert, JsonSerializerOptions options)
        => TId.TryParse(reader.GetString(), null, out var id) ? id : throw new JsonException($"'{reader.GetString()}' is not a valid {typeof(TId).Name}.");

    /// <inheritdoc />
    public override void Write(Utf8JsonWriter writer, TId value, JsonSerializerOptions options)
    {
        ArgumentNullException.ThrowIfNull(writer);
        writer.WriteStringValue(value.ToString());
    }
}
