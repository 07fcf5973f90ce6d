using System.Text.RegularExpressions;

namespace Ebs.Cli.Tests;

/// <summary>The help says what each command refuses and what each option does.</summary>
public sealed partial class HelpTests
{
    [Fact]
    public async Task VolumeDeleteHelp_SaysWhatItRefusesAndKeeps()
    {
        var help = await HelpAsync("volume", "delete");

        Assert.Contains("Refused (VolumeInUse) unless the volume is available", help, StringComparison.Ordinal);
        Assert.Contains("its snapshots are kept whole", help, StringComparison.Ordinal);
        Assert.Contains("<ID> The volume to delete", help, StringComparison.Ordinal);
    }

    [Fact]
    public async Task SnapshotDeleteHelp_SaysWhatItRefusesAndTheWayOut()
    {
        var help = await HelpAsync("snapshot", "delete");

        Assert.Contains("Refused (InvalidSnapshot.InUse) while a registered image uses it", help, StringComparison.Ordinal);
        Assert.Contains("'image deregister --delete-snapshots'", help, StringComparison.Ordinal);
        Assert.Contains("<ID> The snapshots to delete, one or more", help, StringComparison.Ordinal);
    }

    [Fact]
    public async Task InstanceRunHelp_CountZoneAndPending()
    {
        var help = await HelpAsync("instance", "run");

        Assert.Contains("They are pending, then running 30 seconds later", help, StringComparison.Ordinal);
        Assert.Contains("<IMAGE> The image to launch", help, StringComparison.Ordinal);
        Assert.Contains("--count <N> 1 How many instances to launch, in one reservation; at least 1 (InvalidParameterValue)", help, StringComparison.Ordinal);
        Assert.Contains("--zone <ZONE> The instances' Availability Zone", help, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("stop", "one pending, shutting down or terminated refuses the whole call (IncorrectInstanceState)")]
    [InlineData("start", "one stopping, shutting down or terminated refuses the whole call (IncorrectInstanceState)")]
    [InlineData("terminate", "their DeleteOnTermination volumes are deleted and the others detached")]
    public async Task InstanceStateHelp_SaysWhatItRefusesOrDeletes(string command, string said)
    {
        var help = await HelpAsync("instance", command);

        Assert.Contains(said, help, StringComparison.Ordinal);
        Assert.Contains("<ID> The instances", help, StringComparison.Ordinal);
    }

    [Fact]
    public async Task ImportHelp_SizeDefaultIsTheImageLength()
    {
        var help = await HelpAsync("volume", "import");

        Assert.Contains("--size <GIB> The new volume's size in GiB, 1 to 65536, at least the image's length (default: the image's length rounded up to whole GiB; required when FILE is a pipe). Cannot be combined with --volume (InvalidParameterCombination)", help, StringComparison.Ordinal);
        Assert.DoesNotContain("snapshot's", help, StringComparison.Ordinal);
    }

    [Fact]
    public async Task FsckHelp_OnlyOptionsItHonours()
    {
        var help = await HelpAsync("fsck");

        Assert.Contains("--repair", help, StringComparison.Ordinal);
        Assert.Contains("Check the whole store, every account and Region", help, StringComparison.Ordinal);
        Assert.Contains("--repair reclaims leaks and corrects counts, but cannot restore damaged bytes", help, StringComparison.Ordinal);
        Assert.DoesNotContain("--account", help, StringComparison.Ordinal);
        Assert.DoesNotContain("--region", help, StringComparison.Ordinal);
    }

    [Fact]
    public async Task UsageHelp_RegionNarrows()
    {
        var help = await HelpAsync("usage");

        Assert.Contains("--region <REGION> Only this Region (default: every Region)", help, StringComparison.Ordinal);
    }

    [Fact]
    public async Task ListHelp_OutputFormatsAndGlobalOptions()
    {
        var help = await HelpAsync("volume", "list");

        Assert.Contains("--output <FORMAT> table, text", help, StringComparison.Ordinal);
        Assert.Contains("--json Short for --output json", help, StringComparison.Ordinal);
        Assert.Contains("--verbose", help, StringComparison.Ordinal);
    }

    /// <summary>Gets a command's help with every run of white space made one space, so that wrapping does not matter.</summary>
    private static async Task<string> HelpAsync(params string[] command)
    {
        var (exitCode, output, _) = await CliRunner.RunInProcessAsync([.. command, "--help"]);
        Assert.Equal(0, exitCode);
        return WhiteSpace().Replace(output, " ");
    }

    [GeneratedRegex(@"\s+")]
    private static partial Regex WhiteSpace();
}
