using System.Globalization;
using System.Text.Json.Nodes;
using Ebs.Core.Domain;

namespace Ebs.Cli.Formatting;

/// <summary>Values written the way the AWS CLI writes them in its JSON output.</summary>
internal static class AwsValues
{
    /// <summary>The prefix of the tags the CLI keeps for itself, never shown to users.</summary>
    public const string InternalTagPrefix = "ebs:";

    /// <summary>Formats an instant as EC2 returns it: UTC with milliseconds, such as <c>2026-01-01T00:00:00.000Z</c>.</summary>
    /// <param name="instant">The instant.</param>
    /// <returns>The text.</returns>
    public static string Time(DateTimeOffset instant) => instant.UtcDateTime.ToString("yyyy-MM-dd'T'HH:mm:ss.fff'Z'", CultureInfo.InvariantCulture);

    /// <summary>Lists the user's tags as AWS's <c>[{"Key": …, "Value": …}]</c>, or <see langword="null"/> when there are none, as AWS leaves the field out.</summary>
    /// <param name="tags">The tags, internal ones included.</param>
    /// <returns>The tags to show, or <see langword="null"/>.</returns>
    public static JsonArray? Tags(TagList tags)
    {
        List<Tag> shown = [.. tags.Where(t => !t.Key.StartsWith(InternalTagPrefix, StringComparison.Ordinal))];
        return shown.Count == 0 ? null : TagArray(shown);
    }

    /// <summary>Lists tags as AWS's <c>[{"Key": …, "Value": …}]</c>.</summary>
    /// <param name="tags">The tags.</param>
    /// <returns>The array.</returns>
    public static JsonArray TagArray(IEnumerable<Tag> tags) => JsonItems.Array(tags, t => new JsonObject { ["Key"] = t.Key, ["Value"] = t.Value });

    /// <summary>Lists tags as a map of key to value, as AWS's DLM responses write them.</summary>
    /// <param name="tags">The tags, keys unique.</param>
    /// <returns>The object.</returns>
    public static JsonObject TagMap(IEnumerable<Tag> tags) => new(tags.Select(t => KeyValuePair.Create(t.Key, (JsonNode?)t.Value)));
}
