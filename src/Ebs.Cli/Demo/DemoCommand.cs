using Ebs.Core;
using Ebs.Storage.Sqlite;
using Microsoft.Extensions.Time.Testing;
using Spectre.Console;

namespace Ebs.Cli.Demo;

/// <summary>
/// The <c>demo</c> walk-through of the snapshot mechanics (incremental storage, changed
/// blocks, used versus allocated size, independent deletion, lazy loading, the Recycle Bin,
/// the archive tier, Fast Snapshot Restore, a golden AMI, what it all cost, a lifecycle policy's 16 days, and cross-Region
/// disaster recovery with incremental copies) with a
/// simulated clock, on an in-memory store or an empty local directory. Every figure it prints
/// comes from the library.
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
    private readonly string? _store;

    /// <summary>Creates the command.</summary>
    /// <param name="console">Where the walk-through is written.</param>
    /// <param name="store">An empty local store directory to run on, or <see langword="null"/> for memory.</param>
    public DemoCommand(IAnsiConsole console, string? store)
    {
        _console = console;
        _store = store;
    }

    /// <summary>Runs the walk-through.</summary>
    /// <returns><see langword="true"/> when every check the demo makes passed.</returns>
    /// <exception cref="EbsException">The library refused a call.</exception>
    /// <exception cref="InvalidOperationException">The store directory is not empty.</exception>
    public async Task<bool> RunAsync()
    {
        var clock = new FakeTimeProvider(Start);
        await using var cloud = _store is null
            ? EbsCloud.CreateInMemory(options =>
            {
                options.BlockSize = BlockSize;
                options.IdSeed = IdSeed;
            }, clock)
            : await LocalDirectory.OpenAsync(_store, new EbsOptions { IdSeed = IdSeed }, clock);
        if ((await cloud.ScrubAsync()).StoredChunks > 0)
        {
            throw new InvalidOperationException($"The demo counts every stored chunk, so it needs an empty store; '{_store}' is not.");
        }

        var lab = new DemoLab(_console, cloud, clock);

        var chain = await IncrementalSection.RunAsync(lab);
        await ChangedBlocksSection.RunAsync(lab, chain);
        await UsedSizeSection.RunAsync(lab);
        await DeleteMiddleSection.RunAsync(lab, chain);
        await LazyLoadSection.RunAsync(lab, chain.C);
        await RecycleBinSection.RunAsync(lab);
        var archived = await ArchiveSection.RunAsync(lab);
        var fastRestoreEnabled = await FastSnapshotRestoreSection.RunAsync(lab);
        await GoldenImageSection.RunAsync(lab);
        await CostSection.RunAsync(lab, archived, fastRestoreEnabled);
        await LifecyclePolicySection.RunAsync(lab);
        await DisasterRecoverySection.RunAsync(lab);
        return lab.ReportChecks();
    }
}
