using System.Text.Json.Nodes;

namespace Ebs.Cli.Formatting;

/// <summary>
/// Builds the JSON arrays of a command's result. Results are <see cref="JsonObject"/> trees, not
/// serialized types: the published CLI is compiled ahead of time, where only these nodes and
/// the primitive values in them are written without reflection.
/// </summary>
internal static class JsonItems
{
    /// <summary>An array of <paramref name="items"/>, each shaped by <paramref name="shape"/>.</summary>
    /// <typeparam name="T">The type of the items.</typeparam>
    /// <param name="items">The items.</param>
    /// <param name="shape">The JSON of one item.</param>
    /// <returns>The array.</returns>
    public static JsonArray Array<T>(IEnumerable<T> items, Func<T, JsonNode?> shape) => [.. items.Select(shape)];

    /// <summary>An array of strings.</summary>
    /// <param name="items">The strings.</param>
    /// <returns>The array.</returns>
    public static JsonArray Strings(IEnumerable<string> items) => Array(items, item => item);

    /// <summary>An array of the text of each of <paramref name="items"/> (such as chunk and node ids).</summary>
    /// <typeparam name="T">The type of the items.</typeparam>
    /// <param name="items">The items.</param>
    /// <returns>The array.</returns>
    public static JsonArray Texts<T>(IEnumerable<T> items)
        where T : notnull => Array(items, item => item.ToString());
}
