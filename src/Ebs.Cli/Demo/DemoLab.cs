using Ebs.Cli.Formatting;
using Ebs.Core;
using Ebs.Core.Domain;
using Ebs.Core.Services;
using Microsoft.Extensions.Time.Testing;
using Spectre.Console;
using Spectre.Console.Rendering;

namespace Ebs.Cli.Demo;

/// <summary>
/// What every section of the demo shares: the cloud and its fake clock, the caller's facades,
/// the console, and the tally of checks whose verdicts decide the exit code.
/// </summary>
internal sealed class DemoLab
{
    /// <summary>The zone of the source volumes; restores go elsewhere to show snapshots are Regional.</summary>
    public const string HomeZone = "us-east-1a";

    public const string AccountId = "111111111111";
    private const string Region = "us-east-1";

    // One simulated second per poll keeps the pending -> completed table short at the
    // default setup time of a few seconds, the way `aws ec2 wait snapshot-completed` polls.
    private static readonly TimeSpan PollInterval = TimeSpan.FromSeconds(1);

    private readonly FakeTimeProvider _clock;
    private int _writes;
    private int _checks;
    private int _failures;

    /// <summary>Creates the lab over a cloud driven by <paramref name="clock"/>.</summary>
    /// <param name="console">Where the sections write.</param>
    /// <param name="cloud">The cloud, created with <paramref name="clock"/>.</param>
    /// <param name="clock">The fake clock the demo advances.</param>
    public DemoLab(IAnsiConsole console, EbsCloud cloud, FakeTimeProvider clock)
    {
        Console = console;
        Cloud = cloud;
        _clock = clock;
        Started = clock.GetUtcNow();
        var account = cloud.Account(AccountId);
        Ec2 = account.Ec2(Region);
        EbsDirect = account.EbsDirect(Region);
        RecycleBin = account.RecycleBin(Region);
        Dlm = account.Dlm(Region);
        Billing = account.Billing();
    }

    /// <summary>Gets the console the sections write to.</summary>
    public IAnsiConsole Console { get; }

    /// <summary>Gets the cloud.</summary>
    public EbsCloud Cloud { get; }

    /// <summary>Gets the caller's EC2 facade in the demo's Region.</summary>
    public Ec2Client Ec2 { get; }

    /// <summary>Gets the caller's EBS direct API facade in the demo's Region.</summary>
    public EbsDirectClient EbsDirect { get; }

    /// <summary>Gets the caller's Recycle Bin in the demo's Region.</summary>
    public RecycleBinClient RecycleBin { get; }

    /// <summary>Gets the caller's Data Lifecycle Manager in the demo's Region.</summary>
    public DlmClient Dlm { get; }

    /// <summary>Gets the caller's cost report.</summary>
    public BillingClient Billing { get; }

    /// <summary>Gets the instant the demo started at.</summary>
    public DateTimeOffset Started { get; }

    /// <summary>Gets the fake clock's instant.</summary>
    public DateTimeOffset Now => _clock.GetUtcNow();

    /// <summary>Gets the block size in bytes.</summary>
    public int BlockSize => Cloud.BlockSize;

    /// <summary>Starts a section with a titled rule.</summary>
    /// <param name="title">The title, plain text.</param>
    public void Section(string title)
    {
        Console.WriteLine();
        Show(new Rule($"[bold yellow]{Markup.Escape(title)}[/]").LeftJustified());
    }

    /// <summary>Writes a table or a rule as every command writes its result: boxed on a terminal, plain text when piped.</summary>
    /// <param name="part">The table or rule.</param>
    public void Show(IRenderable part) => Output.Write(Console, OutputFormat.Table, part);

    /// <summary>Advances the fake clock.</summary>
    /// <param name="delta">How far.</param>
    public void Advance(TimeSpan delta) => _clock.Advance(delta);

    /// <summary>Makes a call the library should refuse.</summary>
    /// <param name="call">The call.</param>
    /// <returns>The error code it was refused with, or <see langword="null"/> when it succeeded.</returns>
    public static async Task<string?> RefusalAsync(Func<Task> call)
    {
        try
        {
            await call();
            return null;
        }
        catch (EbsException e)
        {
            return e.ErrorCode;
        }
    }

    /// <summary>
    /// Creates a volume in <see cref="HomeZone"/>, writes the first <paramref name="blockCount"/>
    /// blocks with new bytes, snapshots it, waits for completion and deletes the volume, so the
    /// snapshot alone holds those blocks.
    /// </summary>
    /// <param name="name">The snapshot's short name, also its description.</param>
    /// <param name="sizeGiB">The volume size.</param>
    /// <param name="blockCount">The blocks to write.</param>
    /// <returns>The completed snapshot and the image it holds.</returns>
    public async Task<DemoSnapshot> TakeSnapshotAsync(string name, int sizeGiB, int blockCount)
    {
        var volume = (await Ec2.CreateVolumeAsync(new CreateVolumeRequest { AvailabilityZone = HomeZone, Size = sizeGiB })).Volume;
        var image = await WriteAsync(volume.VolumeId, DiskImage.Empty, [.. Enumerable.Range(0, blockCount).Select(i => (long)i)]);
        var snapshotId = (await Ec2.CreateSnapshotAsync(new CreateSnapshotRequest { VolumeId = volume.VolumeId, Description = name })).Snapshot.SnapshotId;
        await WaitForCompletionAsync(snapshotId);
        await Ec2.DeleteVolumeAsync(new DeleteVolumeRequest { VolumeId = volume.VolumeId });
        return new DemoSnapshot(name, snapshotId, image);
    }

    /// <summary>
    /// Writes whole blocks of a volume with bytes no earlier write of the demo used, so every
    /// block written is a new chunk and the chunk counts follow the walk-through.
    /// </summary>
    /// <param name="volumeId">The volume.</param>
    /// <param name="image">What the volume holds before the write.</param>
    /// <param name="blocks">The blocks to write.</param>
    /// <returns>What the volume holds after the write.</returns>
    public async Task<DiskImage> WriteAsync(VolumeId volumeId, DiskImage image, IReadOnlyList<long> blocks)
    {
        var generation = ++_writes;
        var buffer = new byte[BlockSize];
        foreach (var block in blocks)
        {
            DiskImage.Pattern(block, generation, buffer);
            await Ec2.WriteVolumeAsync(new WriteVolumeRequest { VolumeId = volumeId, Writes = [new VolumeWrite(block * BlockSize, buffer)] });
        }

        return image.With(blocks, generation);
    }

    /// <summary>Gets the caller's EC2 facade in another Region.</summary>
    /// <param name="region">The Region.</param>
    /// <returns>The facade.</returns>
    public Ec2Client Ec2In(string region) => Cloud.Account(AccountId).Ec2(region);

    private static async Task<Snapshot> DescribeAsync(Ec2Client ec2, SnapshotId snapshotId)
        => (await ec2.DescribeSnapshotsAsync(new DescribeSnapshotsRequest { SnapshotIds = [snapshotId] })).Snapshots.Single();

    /// <summary>Describes a snapshot, then advances the clock one poll at a time until it is no longer pending.</summary>
    /// <param name="snapshotId">The snapshot.</param>
    /// <param name="ec2">The facade of the snapshot's Region (default: the demo's Region).</param>
    /// <returns>Every description seen with the clock's instant, oldest first; the last is not pending.</returns>
    public async Task<IReadOnlyList<(DateTimeOffset At, Snapshot Snapshot)>> WaitForCompletionAsync(SnapshotId snapshotId, Ec2Client? ec2 = null)
    {
        ec2 ??= Ec2;
        var seen = new List<(DateTimeOffset At, Snapshot Snapshot)> { (_clock.GetUtcNow(), await DescribeAsync(ec2, snapshotId)) };
        while (seen[^1].Snapshot.State == SnapshotState.Pending)
        {
            _clock.Advance(PollInterval);
            seen.Add((_clock.GetUtcNow(), await DescribeAsync(ec2, snapshotId)));
        }

        return seen;
    }

    /// <summary>Lists the blocks that differ between two snapshots through the EBS direct API.</summary>
    /// <param name="first">The older snapshot, or <see langword="null"/> for every written block of <paramref name="second"/>.</param>
    /// <param name="second">The newer snapshot.</param>
    /// <returns>The changed block indexes, ascending.</returns>
    public async Task<IReadOnlyList<long>> ChangedBlocksAsync(SnapshotId? first, SnapshotId second)
        => await EbsDirect.Paginators.ListChangedBlocks(new() { FirstSnapshotId = first, SecondSnapshotId = second }).ChangedBlocks.Select(block => block.BlockIndex).ToListAsync();

    /// <summary>Reads a whole volume block by block and compares each block with an image.</summary>
    /// <param name="volume">The volume.</param>
    /// <param name="expected">What it should hold.</param>
    /// <param name="ec2">The facade of the volume's Region (default: the demo's Region).</param>
    /// <returns>The number of blocks compared and the number that differed.</returns>
    public async Task<(long Compared, long Differing)> CompareAsync(Volume volume, DiskImage expected, Ec2Client? ec2 = null)
    {
        var actual = new byte[BlockSize];
        var wanted = new byte[BlockSize];
        var blocks = volume.SizeInBytes / BlockSize;
        var differing = 0L;
        await using var disk = (ec2 ?? Ec2).OpenVolume(volume.VolumeId);
        for (var block = 0L; block < blocks; block++)
        {
            await disk.ReadExactlyAsync(actual);
            expected.Expected(block, wanted);
            differing += actual.AsSpan().SequenceEqual(wanted) ? 0 : 1;
        }

        return (blocks, differing);
    }

    /// <summary>Records a check and renders its verdict.</summary>
    /// <param name="passed">Whether the check passed.</param>
    /// <param name="detail">What was found, plain text.</param>
    /// <returns>The verdict as markup: a green check mark or a red cross, then <paramref name="detail"/>.</returns>
    public string Verdict(bool passed, string detail)
    {
        _checks++;
        _failures += passed ? 0 : 1;
        return passed ? $"[green]✓ {Markup.Escape(detail)}[/]" : $"[red]✗ {Markup.Escape(detail)}[/]";
    }

    /// <summary>Writes the tally of checks.</summary>
    /// <returns><see langword="true"/> when every check passed.</returns>
    public bool ReportChecks()
    {
        Console.WriteLine();
        Console.MarkupLine(_failures == 0
            ? $"[green]✓ All {_checks} checks passed.[/]"
            : $"[red]✗ {_failures} of {_checks} checks failed.[/]");
        return _failures == 0;
    }
}
