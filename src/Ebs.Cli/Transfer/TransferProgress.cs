using Spectre.Console;

namespace Ebs.Cli.Transfer;

/// <summary>Shows a transfer's bytes, throughput and remaining time on an interactive console; stays silent otherwise.</summary>
internal static class TransferProgress
{
    public static Task RunAsync(IAnsiConsole console, bool quiet, string description, long total, Func<Action<long>, Task> transfer)
    {
        if (quiet || !console.Profile.Capabilities.Interactive)
        {
            return transfer(_ => { });
        }

        return console.Progress()
            .Columns(new TaskDescriptionColumn(), new ProgressBarColumn(), new PercentageColumn(), new DownloadedColumn(), new TransferSpeedColumn(), new RemainingTimeColumn())
            .StartAsync(async context =>
            {
                var task = context.AddTask(description, maxValue: total);
                await transfer(bytes => task.Increment(bytes));
            });
    }
}
