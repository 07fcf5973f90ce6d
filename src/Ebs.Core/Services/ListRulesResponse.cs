using System.Text.Json.Serialization;
using Ebs.Core.Domain;

namespace Ebs.Core.Services;

/// <summary>The result of ListRules: one page of rules.</summary>
public sealed record ListRulesResponse
{
    // Internal: only the library makes these; the JSON reader may, to read back what it wrote.
    [JsonConstructor]
    internal ListRulesResponse()
    {
    }

    /// <summary>Gets the rules.</summary>
    public required ValueList<RuleSummary> Rules { get; init; }

    /// <summary>Gets the token of the next page, or <see langword="null"/> when this page is the last.</summary>
    public string? NextToken { get; init; }
}
