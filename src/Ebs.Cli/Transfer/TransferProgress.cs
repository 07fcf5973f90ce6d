using Spectre.Console;

namespace Ebs.Cli.Transfer;

/// <summary>Shows a transfer's bytes, throughput and remaining time on an interactive console; stays silent otherwise.</summary>
internal static class TransferProgress
{
    /// <summary>Runs <paramref name="transfer"/>, handing it a receiver of the bytes transferred so far out of <paramref name="total"/>, when known.</summary>
    public static Task<T> RunAsync<T>(IAnsiConsole console, bool quiet, string description, long? total, Func<IProgress<long>?, Task<T>> transfer)
    {
        if (quiet || !console.Profile.Capabilities.Interactive)
        {
            return transfer(null);
        }

        return console.Progress()
            .Columns(new TaskDescriptionColumn(), new ProgressBarColumn(), new PercentageColumn(), new DownloadedColumn(), new TransferSpeedColumn(), new RemainingTimeColumn())
            .StartAsync(context => transfer(new TaskProgress(context.AddTask(description, maxValue: total ?? long.MaxValue).IsIndeterminate(total is null))));
    }

    /// <summary>Reports on the calling thread, so the bar has the last value before the display ends.</summary>
    private sealed class TaskProgress(ProgressTask task) : IProgress<long>
    {
        public void Report(long value) => task.Value = value;
    }
}
