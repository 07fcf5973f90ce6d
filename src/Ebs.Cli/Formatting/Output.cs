using System.Buffers;
using System.Text.Encodings.Web;
using System.Text.Json.Nodes;
using System.Text.Json;
using System.Text;
using Spectre.Console;
using Spectre.Console.Rendering;

namespace Ebs.Cli.Formatting;

/// <summary>Writes a command's result to standard output in the format the user chose.</summary>
internal static class Output
{
    // As the AWS CLI prints: four-space indents, text left readable.
    private static readonly JsonWriterOptions JsonOptions = new()
    {
        Indented = true,
        IndentSize = 4,
        Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping,
    };

    /// <summary>Writes <paramref name="value"/> as JSON, or the parts of <paramref name="human"/> one after the other as tables or text.</summary>
    /// <param name="console">The console whose standard output is written.</param>
    /// <param name="format">The format.</param>
    /// <param name="value">The result as the AWS CLI would shape it; <see langword="null"/> prints nothing as JSON, as for AWS's delete calls.</param>
    /// <param name="human">The result for people; each table in it follows the format.</param>
    public static void Write(IAnsiConsole console, OutputFormat format, JsonNode? value, Func<IEnumerable<IRenderable>> human)
    {
        var writer = console.Profile.Out.Writer;
        if (format == OutputFormat.Json)
        {
            if (value is not null)
            {
                var buffer = new ArrayBufferWriter<byte>();
                using (var json = new Utf8JsonWriter(buffer, JsonOptions))
                {
                    WriteJson(json, value);
                }

                writer.WriteLine(Encoding.UTF8.GetString(buffer.WrittenSpan));
            }

            return;
        }

        foreach (var part in human())
        {
            Write(console, format, part);
        }
    }

    /// <summary>
    /// Writes one part of a result for people: a table as <paramref name="format"/> asks, boxed only on a
    /// terminal; a rule in ASCII off a terminal, so that piped output holds no box drawing; anything else as it is.
    /// </summary>
    /// <param name="console">The console whose standard output is written.</param>
    /// <param name="format">The format, table or text.</param>
    /// <param name="part">The part.</param>
    public static void Write(IAnsiConsole console, OutputFormat format, IRenderable part)
    {
        var writer = console.Profile.Out.Writer;
        switch (part)
        {
            case Table table when format == OutputFormat.Text:
                PlainTable.WriteTabSeparated(console, table, writer);
                break;
            case Table table when !console.Profile.Out.IsTerminal:
                PlainTable.WriteAligned(console, table, writer);
                break;
            case Table table:
                console.Write(new NaturalWidth(table));
                break;
            case Rule rule when !console.Profile.Out.IsTerminal:
                console.Write(rule.Border(BoxBorder.Ascii));
                break;
            default:
                console.Write(part);
                break;
        }
    }

    // Absent values are left out of objects, as the AWS CLI leaves them out.
    private static void WriteJson(Utf8JsonWriter json, JsonNode? node)
    {
        switch (node)
        {
            case null:
                json.WriteNullValue();
                break;
            case JsonObject members:
                json.WriteStartObject();
                foreach (var (name, member) in members)
                {
                    if (member is not null)
                    {
                        json.WritePropertyName(name);
                        WriteJson(json, member);
                    }
                }

                json.WriteEndObject();
                break;
            case JsonArray items:
                json.WriteStartArray();
                foreach (var item in items)
                {
                    WriteJson(json, item);
                }

                json.WriteEndArray();
                break;
            default:
                node.WriteTo(json);
                break;
        }
    }
}
