using System.Text.Json;
using System.Text.Json.Serialization;

namespace Ebs.Core.Domain;

/// <summary>Writes tags as AWS's JSON does, a list of <c>{"Key": ..., "Value": ...}</c>, and reads them back.</summary>
/// <remarks>
/// Written by hand rather than through the serializer, so that it needs no reflection when trimmed or
/// compiled ahead of time; public so that source-generated JSON contexts of applications can use it.
/// </remarks>
public sealed class TagListJsonConverter : JsonConverter<TagList>
{
    /// <inheritdoc />
    public override TagList Read(ref Utf8JsonReader reader, Type typeToConvert, JsonSerializerOptions options)
    {
        Expect(ref reader, JsonTokenType.StartArray);
        var tags = new List<KeyValuePair<string, string>>();
        while (reader.Read() && reader.TokenType != JsonTokenType.EndArray)
        {
            if (reader.TokenType != JsonTokenType.StartObject)
            {
                throw new JsonException("Expected a tag object {\"Key\": ..., \"Value\": ...}.");
            }

            string? key = null, value = null;
            while (reader.Read() && reader.TokenType == JsonTokenType.PropertyName)
            {
                var name = reader.GetString();
                reader.Read();
                switch (name)
                {
                    case nameof(Tag.Key): key = reader.GetString(); break;
                    case nameof(Tag.Value): value = reader.GetString(); break;
                    default: reader.Skip(); break;
                }
            }

            tags.Add(KeyValuePair.Create(key ?? throw new JsonException("A tag has no Key."), value ?? string.Empty));
        }

        return TagList.From(tags);
    }

    /// <inheritdoc />
    public override void Write(Utf8JsonWriter writer, TagList value, JsonSerializerOptions options)
    {
        ArgumentNullException.ThrowIfNull(writer);
        ArgumentNullException.ThrowIfNull(value);
        writer.WriteStartArray();
        foreach (var tag in value)
        {
            writer.WriteStartObject();
            writer.WriteString(nameof(Tag.Key), tag.Key);
            writer.WriteString(nameof(Tag.Value), tag.Value);
            writer.WriteEndObject();
        }

        writer.WriteEndArray();
    }

    private static void Expect(ref Utf8JsonReader reader, JsonTokenType type)
    {
        if (reader.TokenType != type)
        {
            throw new JsonException($"Expected {type}, found {reader.TokenType}.");
        }
    }
}
