using System.Text.Json;
using Ebs.Core;
using Ebs.Core.Services;
using Ebs.Storage.Sqlite;
using Spectre.Console;
using Spectre.Console.Cli;

namespace Ebs.Cli.Commands;

/// <summary>A command that works on the local store directory as one account in one Region.</summary>
/// <typeparam name="TSettings">The command's settings.</typeparam>
/// <param name="console">Where output goes.</param>
/// <param name="time">The clock the store runs on (the system clock, unless a test supplies one).</param>
internal abstract class StoreCommand<TSettings>(IAnsiConsole console, TimeProvider time) : AsyncCommand<TSettings>
    where TSettings : StoreSettings
{
    private static readonly JsonSerializerOptions JsonOptions = new() { WriteIndented = true };

    protected IAnsiConsole Console { get; } = console;

    public override async Task<int> ExecuteAsync(CommandContext context, TSettings settings, CancellationToken cancellationToken)
    {
        await using var cloud = await LocalDirectory.OpenAsync(settings.StorePath, new EbsOptions(), time, cancellationToken);
        return await RunAsync(cloud, cloud.Account(settings.Account).Ec2(settings.Region), settings, cancellationToken);
    }

    protected abstract Task<int> RunAsync(EbsCloud cloud, Ec2Client ec2, TSettings settings, CancellationToken cancellationToken);

    /// <summary>Prints <paramref name="value"/> as JSON when asked to, else <paramref name="human"/>.</summary>
    protected void Print(TSettings settings, object value, Func<Spectre.Console.Rendering.IRenderable> human)
    {
        if (settings.Json)
        {
            Console.Profile.Out.Writer.WriteLine(JsonSerializer.Serialize(value, JsonOptions));
        }
        else
        {
            Console.Write(human());
        }
    }
}
