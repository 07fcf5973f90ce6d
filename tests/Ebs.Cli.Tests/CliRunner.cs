using System.Diagnostics;
using System.Text.Json;
using Spectre.Console;

namespace Ebs.Cli.Tests;

/// <summary>
/// Runs <c>ebs</c> in this process (through <see cref="CliApp"/>, on <paramref name="time"/> when
/// given) or as a child process (on the system clock), and captures its output.
/// </summary>
public sealed class CliRunner(string store, bool asProcess, TimeProvider? time = null)
{
    /// <summary>Gets the built <c>ebs.dll</c>, copied next to the tests.</summary>
    public static string Executable { get; } = Path.Combine(AppContext.BaseDirectory, "ebs.dll");

    public async Task<(int ExitCode, string Out, string Error)> RunAsync(params string[] args)
    {
        string[] full = [.. args, "--store", store];
        return asProcess ? await RunProcessAsync(full) : await RunInProcessAsync(full);
    }

    /// <summary>Runs a command that must succeed with <c>--json</c> and parses its output.</summary>
    public async Task<JsonElement> JsonAsync(params string[] args)
    {
        var (exitCode, output, error) = await RunAsync([.. args, "--json"]);
        Assert.True(exitCode == 0, $"ebs {string.Join(' ', args)} exited {exitCode}: {error}");
        return JsonDocument.Parse(output).RootElement;
    }

    public static Process Start(IEnumerable<string> args)
    {
        var info = new ProcessStartInfo("dotnet") { RedirectStandardOutput = true, RedirectStandardError = true, UseShellExecute = false };
        info.ArgumentList.Add(Executable);
        foreach (var arg in args)
        {
            info.ArgumentList.Add(arg);
        }

        return Process.Start(info)!;
    }

    private async Task<(int, string, string)> RunInProcessAsync(string[] args)
    {
        var output = new StringWriter();
        var error = new StringWriter();
        var console = AnsiConsole.Create(new AnsiConsoleSettings
        {
            Ansi = AnsiSupport.No,
            ColorSystem = ColorSystemSupport.NoColors,
            Interactive = InteractionSupport.No,
            Out = new AnsiConsoleOutput(output),
        });
        var exitCode = await CliApp.RunAsync(args, console, error, time);
        return (exitCode, output.ToString(), error.ToString());
    }

    private static async Task<(int, string, string)> RunProcessAsync(string[] args)
    {
        using var process = Start(args);
        var output = process.StandardOutput.ReadToEndAsync();
        var error = process.StandardError.ReadToEndAsync();
        await process.WaitForExitAsync();
        return (process.ExitCode, await output, await error);
    }
}
