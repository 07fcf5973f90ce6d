namespace Ebs.Core.PackageTests;

public sealed class MarkdownExamplesTests
{
    [Fact]
    public void CSharpBlocks_MixedFences_OnlyCSharpVerbatim()
    {
        var markdown = "# T\n```bash\nls\n```\ntext\n```csharp\nvar a = 1;\n  var b = 2;\n```\n";

        var blocks = MarkdownExamples.CSharpBlocks(markdown);

        Assert.Equal(["var a = 1;\n  var b = 2;\n"], blocks);
    }

    [Fact]
    public void AsMethod_UsingDirectivesAndUsingStatements_OnlyDirectivesHoisted()
    {
        var source = MarkdownExamples.AsMethod("using Ebs.Core;\nawait using var c = X();\nusing (var d = Y()) { }\n", "E");

        Assert.StartsWith("using Ebs.Core;\n\ninternal static class E", source, StringComparison.Ordinal);
        Assert.Contains("await using var c = X();", source, StringComparison.Ordinal);
        Assert.Contains("using (var d = Y()) { }", source, StringComparison.Ordinal);
        Assert.DoesNotContain("Ebs.Core.Services", source, StringComparison.Ordinal);
    }

    [Fact]
    public void AsMethod_NoUsingDirectives_DefaultUsingsAdded()
    {
        var source = MarkdownExamples.AsMethod("var x = 1;\n", "E");

        Assert.Contains("using Microsoft.Extensions.Time.Testing;", source, StringComparison.Ordinal);
    }
}
