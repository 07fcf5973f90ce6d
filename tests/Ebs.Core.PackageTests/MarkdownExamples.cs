using System.Text.RegularExpressions;

namespace Ebs.Core.PackageTests;

/// <summary>The C# examples of a Markdown file, as its readers copy them.</summary>
internal static partial class MarkdownExamples
{
    /// <summary>The usings added to an example that names none, as the README's omits them.</summary>
    private static readonly string[] DefaultUsings =
    [
        "using Ebs.Core;",
        "using Ebs.Core.Domain;",
        "using Ebs.Core.Services;",
        "using Microsoft.Extensions.Time.Testing;",
    ];

    /// <summary>Every <c>```csharp</c> block of the text, verbatim.</summary>
    public static IReadOnlyList<string> CSharpBlocks(string markdown)
        => [.. CSharpBlock().Matches(markdown.ReplaceLineEndings("\n")).Select(m => m.Groups["code"].Value)];

    /// <summary>
    /// A source file that runs <paramref name="block"/> as the body of
    /// <c>{className}.RunAsync()</c>: its using directives go to the top of the file, where
    /// C# wants them, and the rest stays as written.
    /// </summary>
    public static string AsMethod(string block, string className)
    {
        var lines = block.Split('\n');
        string[] usings = [.. lines.Where(l => UsingDirective().IsMatch(l))];
        var body = lines.Where(l => !UsingDirective().IsMatch(l));
        return string.Join('\n',
        [
            .. usings.Length > 0 ? usings : DefaultUsings,
            "",
            "internal static class " + className,
            "{",
            "    public static async Task RunAsync()",
            "    {",
            .. body,
            "    }",
            "}",
            "",
        ]);
    }

    [GeneratedRegex(@"^```csharp\n(?<code>.*?)^```", RegexOptions.Multiline | RegexOptions.Singleline)]
    private static partial Regex CSharpBlock();

    [GeneratedRegex(@"^using\s+(static\s+)?[\w.]+(\s*=\s*[\w.]+)?\s*;\s*$")]
    private static partial Regex UsingDirective();
}
