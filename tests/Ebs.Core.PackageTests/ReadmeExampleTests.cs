namespace Ebs.Core.PackageTests;

/// <summary>
/// The C# examples of the READMEs, taken from the Markdown as it stands, compiled against the
/// packages and run: an example that no longer builds or throws fails here.
/// </summary>
public sealed class ReadmeExampleTests
{
    private static readonly string[] Readmes = ["README.md", "src/Ebs.Core/README.md", "src/Ebs.Storage.Sqlite/README.md", "src/Ebs.Core.Testing/README.md"];

    [Fact]
    public async Task ReadmeExamples_BuiltAgainstThePackages_RunToTheEnd()
    {
        var root = ExampleProject.RepositoryRoot();
        var sources = new Dictionary<string, string>();
        foreach (var readme in Readmes)
        {
            var blocks = MarkdownExamples.CSharpBlocks(File.ReadAllText(Path.Combine(root, readme)));
            Assert.True(blocks.Count > 0, readme + " has no ```csharp example");
            for (var i = 0; i < blocks.Count; i++)
            {
                // The class and file names tell a compiler error which README it came from.
                var name = $"{readme.Replace('/', '_').Replace('.', '_')}_{i}";
                sources[name + ".cs"] = MarkdownExamples.AsMethod(blocks[i], name);
            }
        }

        using var project = new ExampleProject();
        var calls = sources.Keys.Select(file => $"await {Path.GetFileNameWithoutExtension(file)}.RunAsync();");
        project.Write(sources, string.Join('\n', [.. calls, "Console.WriteLine(\"examples done\");", ""]));

        var (exitCode, output) = await project.RunAsync();

        Assert.True(exitCode == 0, output);
        Assert.Contains("examples done", output, StringComparison.Ordinal);
    }
}
