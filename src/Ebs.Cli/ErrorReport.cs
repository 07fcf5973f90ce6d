using Ebs.Core;
using Spectre.Console.Cli;

namespace Ebs.Cli;

/// <summary>
/// Reports a failed command the way scripts and people can rely on: exactly one line on standard
/// error and an exit code by kind, whatever the exception; the full trace only when asked for.
/// </summary>
internal static class ErrorReport
{
    /// <summary>The exit code of an error.</summary>
    public const int Failed = 1;

    /// <summary>The exit code of a usage error.</summary>
    public const int UsageError = 2;

    /// <summary>The exit code of an interrupted command: 128 + SIGINT, as shells report it.</summary>
    public const int Interrupted = 130;

    /// <summary>Writes the report of <paramref name="exception"/> and gives the exit code.</summary>
    /// <param name="error">Standard error.</param>
    /// <param name="exception">What the command threw.</param>
    /// <param name="verbose">Whether to write the full trace after the line.</param>
    /// <param name="interrupted">Whether the command was cancelled by a signal.</param>
    /// <returns>The exit code.</returns>
    public static async Task<int> WriteAsync(TextWriter error, Exception exception, bool verbose, bool interrupted)
    {
        var (exitCode, message) = exception switch
        {
            OperationCanceledException when interrupted => (Interrupted, "interrupted"),
            EbsException e => (Failed, $"{e.ErrorCode}: {e.Message}"),
            CommandAppException or UsageException => (UsageError, $"{exception.Message} (see 'ebs --help')"),
            _ => (Failed, Cause(exception).Message),
        };
        await error.WriteLineAsync($"ebs: {OneLine(message)}");
        if (verbose)
        {
            // Each exception's own type, message and stack: ToString is overridden by some (EbsException).
            for (var e = exception; e is not null; e = e.InnerException)
            {
                await error.WriteLineAsync($"{e.GetType().FullName}: {e.Message}{Environment.NewLine}{e.StackTrace}");
            }
        }

        return exitCode;
    }

    // A type's initializer that failed (such as loading SQLite's native library) says only that it failed: its cause says why.
    private static Exception Cause(Exception exception)
        => exception is TypeInitializationException { InnerException: { } inner } ? Cause(inner) : exception;

    private static string OneLine(string message)
        => string.Join(' ', message.Split(['\r', '\n'], StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries));
}
