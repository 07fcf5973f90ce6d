using System.Text.Json;
using System.Text.Json.Serialization;

namespace Ebs.Core.Domain;

/// <summary>Writes tags as AWS's JSON does, a list of <c>{"Key": ..., "Value": ...}</c>, and reads them back.</summary>
internal sealed class TagListJsonConverter : JsonConverter<TagList>
{
    public override TagList Read(ref Utf8JsonReader reader, Type typeToConvert, JsonSerializerOptions options)
    {
        var tags = JsonSerializer.Deserialize<Tag[]>(ref reader, options) ?? [];
        return TagList.From(tags.Select(t => KeyValuePair.Create(t.Key, t.Value ?? string.Empty)));
    }

    public override void Write(Utf8JsonWriter writer, TagList value, JsonSerializerOptions options)
        => JsonSerializer.Serialize(writer, value.ToArray(), options);
}
