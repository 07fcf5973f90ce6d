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

    /// <summary>Runs a command on this runner's store.</summary>
    public async Task<(int ExitCode, string Out, string Error)> RunAsync(params string[] args)
    {
        string[] full = [.. args, "--store", store];
        return asProcess ? await RunProcessAsync(full) : await RunInProcessAsync(full, time);
    }

    /// <summary>Runs a command that must succeed with <c>--json</c> and parses its output.</summary>
    public async Task<JsonElement> JsonAsync(params string[] args)
    {
        var (exitCode, output, error) = await RunAsync([.. args, "--json"]);
        Assert.True(exitCode == 0, $"ebs {string.Join(' ', args)} exited {exitCode}: {error}");
        return JsonDocument.Parse(output).RootElement;
    }

    /// <summary>Starts <c>ebs</c> as a child process, with <paramref name="environment"/> changes (a <see langword="null"/> value removes a variable).</summary>
    public static Process Start(IEnumerable<string> args, IReadOnlyDictionary<string, string?>? environment = null)
    {
        var info = new ProcessStartInfo("dotnet") { RedirectStandardOutput = true, RedirectStandardError = true, UseShellExecute = false };
        info.ArgumentList.Add(Executable);
        foreach (var arg in args)
        {
            info.ArgumentList.Add(arg);
        }

        foreach (var (name, value) in environment ?? new Dictionary<string, string?>())
        {
            info.Environment[name] = value;
        }

        return Process.Start(info)!;
    }

    /// <summary>Runs <c>ebs</c> as a child process and waits for it.</summary>
    public static async Task<(int ExitCode, string Out, string Error)> RunProcessAsync(IEnumerable<string> args, IReadOnlyDictionary<string, string?>? environment = null)
    {
        using var process = Start(args, environment);
        var output = process.StandardOutput.ReadToEndAsync();
        var error = process.StandardError.ReadToEndAsync();
        await process.WaitForExitAsync();
        return (process.ExitCode, await output, await error);
    }

    /// <summary>
    /// Runs <c>ebs</c> in this process. Standard output is not a terminal unless
    /// <paramref name="terminalWidth"/> is given.
    /// </summary>
    public static async Task<(int ExitCode, string Out, string Error)> RunInProcessAsync(
        IReadOnlyList<string> args, TimeProvider? time = null, int? terminalWidth = null, CancellationToken cancellationToken = default)
    {
        var output = new StringWriter();
        var error = new StringWriter();
        var console = AnsiConsole.Create(new AnsiConsoleSettings
        {
            Ansi = AnsiSupport.No,
            ColorSystem = ColorSystemSupport.NoColors,
            Interactive = InteractionSupport.No,
            Out = terminalWidth is { } width ? new FakeTerminal(output, width) : new AnsiConsoleOutput(output),
        });
        var exitCode = await CliApp.RunAsync(args, console, error, time, cancellationToken);
        return (exitCode, output.ToString(), error.ToString());
    }

    private sealed class FakeTerminal(TextWriter writer, int width) : IAnsiConsoleOutput
    {
        public TextWriter Writer => writer;

        public bool IsTerminal => true;

        public int Width => width;

        public int Height => 24;

        public void SetEncoding(System.Text.Encoding encoding)
        {
        }
    }
}
