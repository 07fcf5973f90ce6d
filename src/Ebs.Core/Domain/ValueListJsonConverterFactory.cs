using System.Diagnostics.CodeAnalysis;
using System.Text.Json;
using System.Text.Json.Serialization;
using System.Text.Json.Serialization.Metadata;

namespace Ebs.Core.Domain;

/// <summary>
/// Writes a <see cref="ValueList{T}"/> as a JSON array and reads it back. Public so that
/// source-generated JSON contexts of applications can use it; such a context also lists <c>T[]</c>.
/// </summary>
public sealed class ValueListJsonConverterFactory : JsonConverterFactory
{
    /// <inheritdoc />
    public override bool CanConvert(Type typeToConvert) => typeToConvert.IsGenericType && typeToConvert.GetGenericTypeDefinition() == typeof(ValueList<>);

    /// <inheritdoc />
    [UnconditionalSuppressMessage("AotAnalysis", "IL3050", Justification = "The library's lists hold records (reference types), whose shared generic code exists ahead of time.")]
    public override JsonConverter CreateConverter(Type typeToConvert, JsonSerializerOptions options)
    {
        ArgumentNullException.ThrowIfNull(typeToConvert);
        return (JsonConverter)Activator.CreateInstance(typeof(Converter<>).MakeGenericType(typeToConvert.GetGenericArguments()[0]))!;
    }

    /// <remarks>Items go through the options' own type information, so no reflection is asked of the serializer here.</remarks>
    private sealed class Converter<T> : JsonConverter<ValueList<T>>
    {
        public override ValueList<T> Read(ref Utf8JsonReader reader, Type typeToConvert, JsonSerializerOptions options)
            => ValueList<T>.From(JsonSerializer.Deserialize(ref reader, Items(options)) ?? []);

        public override void Write(Utf8JsonWriter writer, ValueList<T> value, JsonSerializerOptions options)
            => JsonSerializer.Serialize(writer, value.ToArray(), Items(options));

        private static JsonTypeInfo<T[]> Items(JsonSerializerOptions options) => (JsonTypeInfo<T[]>)options.GetTypeInfo(typeof(T[]));
    }
}
