using System.Diagnostics;
using System.Reflection;
using System.Text;

namespace Ebs.Core.PackageTests;

/// <summary>
/// A console project in a temporary folder that references the packed Ebs.* packages, as a
/// new application would, and runs source files given to it.
/// </summary>
internal sealed class ExampleProject : IDisposable
{
    private static readonly TimeSpan RunTimeout = TimeSpan.FromMinutes(5);

    private readonly DirectoryInfo _folder = Directory.CreateTempSubdirectory("ebs-readme-");

    /// <summary>Gets the folder the project lives and runs in.</summary>
    public string Folder => _folder.FullName;

    /// <summary>Writes the project, its package sources and <paramref name="sources"/>.</summary>
    public void Write(IReadOnlyDictionary<string, string> sources, string program)
    {
        var root = RepositoryRoot();
        File.WriteAllText(Path.Combine(Folder, "Example.csproj"), $"""
            <Project Sdk="Microsoft.NET.Sdk">
              <PropertyGroup>
                <OutputType>Exe</OutputType>
                <TargetFramework>net10.0</TargetFramework>
                <ImplicitUsings>enable</ImplicitUsings>
                <Nullable>enable</Nullable>
              </PropertyGroup>
              <ItemGroup>
                {PackageReference("Ebs.Core")}
                {PackageReference("Ebs.Storage.Sqlite")}
                {PackageReference("Ebs.Core.Testing")}
                {PackageReference("Microsoft.Extensions.TimeProvider.Testing")}
                {PackageReference("Microsoft.Extensions.DependencyInjection")}
              </ItemGroup>
            </Project>
            """);
        File.WriteAllText(Path.Combine(Folder, "nuget.config"), $"""
            <?xml version="1.0" encoding="utf-8"?>
            <configuration>
              <config>
                <add key="globalPackagesFolder" value="{Path.Combine(root, "artifacts", "nuget-cache")}" />
              </config>
              <packageSources>
                <clear />
                <add key="local" value="{Path.Combine(root, "artifacts", "packages")}" />
                <add key="nuget.org" value="https://api.nuget.org/v3/index.json" />
              </packageSources>
            </configuration>
            """);
        foreach (var (name, text) in sources)
        {
            File.WriteAllText(Path.Combine(Folder, name), text);
        }

        File.WriteAllText(Path.Combine(Folder, "Program.cs"), program);
    }

    /// <summary>Builds and runs the project; returns its exit code and everything it printed.</summary>
    public async Task<(int ExitCode, string Output)> RunAsync()
    {
        var start = new ProcessStartInfo(Environment.GetEnvironmentVariable("DOTNET_HOST_PATH") ?? "dotnet")
        {
            WorkingDirectory = Folder,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
        };
        foreach (var argument in new[] { "run", "-c", "Release" })
        {
            start.ArgumentList.Add(argument);
        }

        // The test host's MSBuild settings belong to the build that started it, not to this one.
        foreach (var key in start.Environment.Keys.Where(k => k.StartsWith("MSBuild", StringComparison.OrdinalIgnoreCase)).ToList())
        {
            start.Environment.Remove(key);
        }

        using var process = Process.Start(start)!;
        var output = new StringBuilder();
        var stdout = process.StandardOutput.ReadToEndAsync();
        var stderr = process.StandardError.ReadToEndAsync();
        using var timeout = new CancellationTokenSource(RunTimeout);
        try
        {
            await process.WaitForExitAsync(timeout.Token);
        }
        catch (OperationCanceledException)
        {
            process.Kill(entireProcessTree: true);
            throw;
        }

        output.Append(await stdout).Append(await stderr);
        return (process.ExitCode, output.ToString());
    }

    /// <inheritdoc />
    public void Dispose() => _folder.Delete(recursive: true);

    /// <summary>Gets the folder of Ebs.Core.sln above the test's output folder.</summary>
    public static string RepositoryRoot()
    {
        for (var dir = new DirectoryInfo(AppContext.BaseDirectory); dir is not null; dir = dir.Parent)
        {
            if (File.Exists(Path.Combine(dir.FullName, "Ebs.Core.sln")))
            {
                return dir.FullName;
            }
        }

        throw new InvalidOperationException("No Ebs.Core.sln above " + AppContext.BaseDirectory);
    }

    private static string PackageReference(string id)
    {
        var version = typeof(ExampleProject).Assembly.GetCustomAttributes<AssemblyMetadataAttribute>()
            .Single(a => a.Key == "package:" + id).Value;
        return $"""<PackageReference Include="{id}" Version="{version}" />""";
    }
}
