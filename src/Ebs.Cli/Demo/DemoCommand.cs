using Ebs.Core;
using Microsoft.Extensions.Time.Testing;
using Spectre.Console;

namespace Ebs.Cli.Demo;

/// <summary>
/// The <c>demo</c> command: walks through the snapshot mechanics (incremental storage, changed
/// blocks, used versus allocated size, independent deletion, lazy loading) on an in-memory
/// store with a simulated clock. Every figure it prints comes from the library.
/// </summary>
internal sealed class DemoCommand
{
    // An eighth of the 512-KiB default: the walk-through writes a few megabytes and reads its
    // 1-GiB volumes back block by block in well under a second.
    private const int BlockSize = 64 * 1024;

    // A fixed id seed and start instant make every run print the same ids and times.
    private const int IdSeed = 2026;
    private static readonly DateTimeOffset Start = new(2026, 1, 1, 0, 0, 0, TimeSpan.Zero);

    private readonly IAnsiConsole _console;

    /// <summary>Creates the command.</summary>
    /// <param name="console">Where the walk-through is written.</param>
    public DemoCommand(IAnsiConsole console) => _console = console;

    /// <summary>Runs the walk-through.</summary>
    /// <returns><see langword="true"/> when every check the demo makes passed.</returns>
    /// <exception cref="EbsException">The library refused a call.</exception>
    public async Task<bool> RunAsync()
    {
        var clock = new FakeTimeProvider(Start);
        await using var cloud = EbsCloud.CreateInMemory(options =>
        {
            options.BlockSize = BlockSize;
            options.IdSeed = IdSeed;
        }, clock);
        var lab = new DemoLab(_console, cloud, clock);

        var chain = await IncrementalSection.RunAsync(lab);
        await ChangedBlocksSection.RunAsync(lab, chain);
        await UsedSizeSection.RunAsync(lab);
        await DeleteMiddleSection.RunAsync(lab, chain);
        await LazyLoadSection.RunAsync(lab, chain.C);
        return lab.ReportChecks();
    }
}
