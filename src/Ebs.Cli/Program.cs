using Ebs.Cli.Demo;
using Ebs.Core;
using Spectre.Console;

const string Usage = """
    Usage: ebs <command>

    Commands:
      demo    Walk through EBS snapshot mechanics on an in-memory store with a simulated clock.

    Exit codes: 0 success, 1 failure (an AWS error or a failed check), 2 usage error.
    """;

return args switch
{
    ["demo"] => await RunAsync(() => new DemoCommand(AnsiConsole.Console).RunAsync()),
    ["help" or "-h" or "--help"] => Help(Console.Out, exitCode: 0),
    _ => Help(Console.Error, exitCode: 2),
};

static int Help(TextWriter writer, int exitCode)
{
    writer.WriteLine(Usage);
    return exitCode;
}

static async Task<int> RunAsync(Func<Task<bool>> command)
{
    try
    {
        return await command() ? 0 : 1;
    }
    catch (EbsException error)
    {
        Console.Error.WriteLine($"ebs: {error.ErrorCode}: {error.Message}");
        return 1;
    }
}
