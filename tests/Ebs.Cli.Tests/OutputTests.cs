using System.Text.Json;
using Ebs.Core;
using Ebs.Core.Domain;
using Ebs.Core.Services;
using Ebs.Core.Tests;
using Ebs.Storage.Sqlite;
using Microsoft.Extensions.Time.Testing;

namespace Ebs.Cli.Tests;

/// <summary>
/// JSON with the AWS CLI's shapes, field names and value formats; text as tab-separated rows;
/// tables without box drawing off a terminal; ids never broken.
/// </summary>
public sealed class OutputTests : IDisposable
{
    private static readonly DateTimeOffset Start = new(2026, 1, 1, 0, 0, 0, TimeSpan.Zero);
    private static readonly System.Text.RegularExpressions.Regex BoxDrawing = new("[\u2500-\u257F]");
    private readonly TempDirectory _dir = new();
    private readonly FakeTimeProvider _time = new(Start);

    public void Dispose() => _dir.Dispose();

    [Fact]
    public async Task VolumeListJson_AwsShapeWithoutInternalTags()
    {
        var (volume, snapshot, _) = await SeedAsync();

        var listed = (await Ebs().JsonAsync("volume", "list")).GetProperty("Volumes").EnumerateArray().ToList();

        var fromSnapshot = listed.Single(v => v.GetProperty("SnapshotId").GetString() == snapshot.Value);
        var seeded = listed.Single(v => v.GetProperty("VolumeId").GetString() == volume.Value);
        Assert.Equal(["VolumeId", "Size", "SnapshotId", "AvailabilityZone", "State", "CreateTime", "Tags"], seeded.EnumerateObject().Select(p => p.Name));
        Assert.Equal(1, seeded.GetProperty("Size").GetInt32());
        Assert.Equal(string.Empty, seeded.GetProperty("SnapshotId").GetString());
        Assert.Equal("us-east-1a", seeded.GetProperty("AvailabilityZone").GetString());
        Assert.Equal("available", seeded.GetProperty("State").GetString());
        Assert.Equal("2026-01-01T00:00:00.000Z", seeded.GetProperty("CreateTime").GetString());
        Assert.Equal([("Name", "db")], seeded.GetProperty("Tags").EnumerateArray().Select(t => (t.GetProperty("Key").GetString(), t.GetProperty("Value").GetString())));
        Assert.False(fromSnapshot.TryGetProperty("Tags", out _), "a volume without user tags has no Tags, as in AWS");
    }

    [Fact]
    public async Task SnapshotListJson_AwsShape()
    {
        var (volume, snapshot, _) = await SeedAsync();

        var listed = (await Ebs().JsonAsync("snapshot", "list")).GetProperty("Snapshots").EnumerateArray().Single();

        Assert.Equal(
            ["SnapshotId", "VolumeId", "VolumeSize", "State", "Progress", "StartTime", "CompletionTime", "Description", "OwnerId", "FullSnapshotSizeInBytes"],
            listed.EnumerateObject().Select(p => p.Name));
        Assert.Equal(snapshot.Value, listed.GetProperty("SnapshotId").GetString());
        Assert.Equal(volume.Value, listed.GetProperty("VolumeId").GetString());
        Assert.Equal(1, listed.GetProperty("VolumeSize").GetInt32());
        Assert.Equal("completed", listed.GetProperty("State").GetString());
        Assert.Equal("100%", listed.GetProperty("Progress").GetString());
        Assert.Equal("2026-01-01T00:00:00.000Z", listed.GetProperty("StartTime").GetString());
        Assert.Matches(@"^2026-01-01T00:\d\d:\d\d\.\d{3}Z$", listed.GetProperty("CompletionTime").GetString());
        Assert.Equal("nightly", listed.GetProperty("Description").GetString());
        Assert.Equal("111111111111", listed.GetProperty("OwnerId").GetString());
        Assert.Equal(2L << 20, listed.GetProperty("FullSnapshotSizeInBytes").GetInt64());
    }

    [Fact]
    public async Task ImageListJson_AwsShape()
    {
        var (_, snapshot, image) = await SeedAsync();

        var listed = (await Ebs().JsonAsync("image", "list")).GetProperty("Images").EnumerateArray().Single();

        Assert.Equal(image.Value, listed.GetProperty("ImageId").GetString());
        Assert.Equal("golden", listed.GetProperty("Name").GetString());
        Assert.Equal("available", listed.GetProperty("State").GetString());
        Assert.Equal("ebs", listed.GetProperty("RootDeviceType").GetString());
        Assert.Matches(@"^2026-01-01T\d\d:\d\d:\d\d\.\d{3}Z$", listed.GetProperty("CreationDate").GetString());
        var mapping = listed.GetProperty("BlockDeviceMappings").EnumerateArray().Single();
        Assert.Equal("/dev/xvda", mapping.GetProperty("DeviceName").GetString());
        Assert.Equal(snapshot.Value, mapping.GetProperty("Ebs").GetProperty("SnapshotId").GetString());
        Assert.True(mapping.GetProperty("Ebs").GetProperty("DeleteOnTermination").GetBoolean());
    }

    [Fact]
    public async Task OutputJson_SameAsJsonShorthand()
    {
        await SeedAsync();

        var (_, longForm, _) = await Ebs().RunAsync("snapshot", "list", "--output", "json");
        var (_, shorthand, _) = await Ebs().RunAsync("snapshot", "list", "--json");

        Assert.Equal(shorthand, longForm);
        Assert.StartsWith("{\n    \"Snapshots\": [", longForm.ReplaceLineEndings("\n"), StringComparison.Ordinal);
    }

    [Fact]
    public async Task TextOutput_TabSeparatedRowsNoHeaderIdsWhole()
    {
        var (volume, snapshot, _) = await SeedAsync();

        var (exitCode, output, _) = await Ebs().RunAsync("volume", "list", "--output", "text");

        var rows = Lines(output).Select(line => line.Split('\t')).ToList();
        Assert.Equal(0, exitCode);
        Assert.DoesNotMatch(BoxDrawing, output);
        Assert.Equal(2, rows.Count);
        Assert.All(rows, row => Assert.Equal(6, row.Length));
        Assert.Contains(rows, row => row[0] == volume.Value && row[3] == "available");
        Assert.Contains(rows, row => row[4] == snapshot.Value);
    }

    [Fact]
    public async Task TableOutputNotTerminal_AlignedPlainTextIdsWhole()
    {
        var (volume, snapshot, _) = await SeedAsync();

        var (exitCode, output, _) = await Ebs().RunAsync("volume", "list");

        var lines = Lines(output);
        Assert.Equal(0, exitCode);
        Assert.DoesNotMatch(BoxDrawing, output);
        Assert.Equal(3, lines.Length);
        Assert.StartsWith("Volume ", lines[0], StringComparison.Ordinal);
        var zone = lines[0].IndexOf("Zone", StringComparison.Ordinal);
        var snapshotColumn = lines[0].IndexOf("Snapshot", StringComparison.Ordinal);
        Assert.All(lines[1..], line => Assert.Equal(zone, line.IndexOf("us-east-1a", StringComparison.Ordinal)));
        Assert.Contains(lines, line => line.StartsWith(volume.Value + " ", StringComparison.Ordinal));
        Assert.Contains(lines, line => line.IndexOf(snapshot.Value, StringComparison.Ordinal) == snapshotColumn);
    }

    [Fact]
    public async Task TableOutputNarrowTerminal_BoxedIdsAndStatesWhole()
    {
        var (volume, snapshot, _) = await SeedAsync();

        var (exitCode, output, _) = await CliRunner.RunInProcessAsync(["volume", "list", "--store", _dir.Path], _time, terminalWidth: 40);

        Assert.Equal(0, exitCode);
        Assert.Matches(BoxDrawing, output);
        Assert.Contains(Lines(output), line => line.Contains(volume.Value, StringComparison.Ordinal) && line.Contains("available", StringComparison.Ordinal));
        Assert.Contains(Lines(output), line => line.Contains(snapshot.Value, StringComparison.Ordinal));
    }

    [Fact]
    public async Task DeleteJson_PrintsNothingAsAws()
    {
        var (volume, _, _) = await SeedAsync();

        var (exitCode, output, error) = await Ebs().RunAsync("volume", "delete", volume.Value, "--json");

        Assert.Equal((0, string.Empty, string.Empty), (exitCode, output, error));
        Assert.Single((await Ebs().JsonAsync("volume", "list")).GetProperty("Volumes").EnumerateArray());
    }

    [Fact]
    public async Task SnapshotDiffTable_CountLineThenRanges()
    {
        var (exitCode, output, _) = await DiffTwoChangedBlocksAsync();

        Assert.Equal(0, exitCode);
        Assert.Equal(["2 changed blocks of 512 KiB:", "5–6"], Lines(output));
    }

    [Fact]
    public async Task SnapshotDiffText_OneBlockIndexALine()
    {
        var (exitCode, output, _) = await DiffTwoChangedBlocksAsync("--output", "text");

        Assert.Equal(0, exitCode);
        Assert.Equal("5\n6\n", output.ReplaceLineEndings("\n"));
    }

    [Fact]
    public async Task DemoPipedAsProcess_AlignedPlainTablesNoBoxDrawing()
    {
        var (exitCode, output, error) = await CliRunner.RunProcessAsync(["demo"]);

        Assert.True(exitCode == 0, error);
        Assert.DoesNotMatch(BoxDrawing, output);
        Assert.Contains(Lines(output), line => System.Text.RegularExpressions.Regex.IsMatch(line, @"^Snapshot +State +Full +Incremental +Exclusive$"));
        Assert.Contains(Lines(output), line => line.StartsWith("-- Incremental snapshots --", StringComparison.Ordinal));
    }

    [Fact]
    public async Task DemoOnTerminal_Boxed()
    {
        var (exitCode, output, error) = await CliRunner.RunInProcessAsync(["demo"], terminalWidth: 120);

        Assert.True(exitCode == 0, error);
        Assert.Matches(BoxDrawing, output);
    }

    [Fact]
    public async Task UsageWithRegion_OnlyThatRegion()
    {
        await SeedAsync();

        var all = (await Ebs().JsonAsync("usage")).GetProperty("Regions").EnumerateArray().ToList();
        var one = (await Ebs().JsonAsync("usage", "--region", "eu-west-1")).GetProperty("Regions").EnumerateArray().Single();

        Assert.True(all.Count > 1, "without --region every Region is listed");
        Assert.Equal(1, all.Single(r => r.GetProperty("Region").GetString() == "us-east-1").GetProperty("SnapshotCount").GetInt32());
        Assert.Equal(("eu-west-1", 0), (one.GetProperty("Region").GetString(), one.GetProperty("SnapshotCount").GetInt32()));
    }

    private static string[] Lines(string text) => text.Split('\n', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries);

    private CliRunner Ebs() => new(_dir.Path, asProcess: false, _time);

    /// <summary>Runs <c>snapshot diff</c> on the seeded snapshot and a later one of the same volume with blocks 5 and 6 rewritten.</summary>
    private async Task<(int ExitCode, string Out, string Error)> DiffTwoChangedBlocksAsync(params string[] options)
    {
        var (volume, first, _) = await SeedAsync();
        SnapshotId second;
        await using (var cloud = await LocalDirectory.OpenAsync(_dir.Path, new EbsOptions(), _time))
        {
            var ec2 = cloud.Account("111111111111").Ec2("us-east-1");
            await ec2.WriteAtAsync(volume, 5L * EbsOptions.DefaultBlockSize, new byte[2 * EbsOptions.DefaultBlockSize].Select(_ => (byte)7).ToArray());
            second = (await ec2.TakeSnapshotAsync(volume)).SnapshotId;
        }

        return await Ebs().RunAsync(["snapshot", "diff", first.Value, second.Value, .. options]);
    }

    /// <summary>A tagged 1-GiB volume with 2 MiB written, a completed snapshot of it, a volume from that snapshot and an image.</summary>
    private async Task<(VolumeId Volume, SnapshotId Snapshot, ImageId Image)> SeedAsync()
    {
        await using var cloud = await LocalDirectory.OpenAsync(_dir.Path, new EbsOptions(), _time);
        var ec2 = cloud.Account("111111111111").Ec2("us-east-1");
        var volume = (await ec2.CreateVolumeAsync(new CreateVolumeRequest
        {
            AvailabilityZone = "us-east-1a",
            Size = 1,
            TagSpecifications = Ec2Shorthands.Tags(ResourceType.Volume, new Dictionary<string, string> { ["Name"] = "db", ["ebs:source-bytes"] = "5" }),
        })).Volume;
        await ec2.WriteAtAsync(volume.VolumeId, 0, Enumerable.Range(0, 2 << 20).Select(i => (byte)(i % 251 + 1)).ToArray());
        var snapshot = await ec2.TakeSnapshotAsync(volume.VolumeId, "nightly");
        _time.Advance(TimeSpan.FromHours(1));
        await ec2.CreateVolumeAsync(new CreateVolumeRequest { AvailabilityZone = "us-east-1a", SnapshotId = snapshot.SnapshotId });
        var image = await ec2.RegisterAndDescribeImageAsync(new RegisterImageRequest
        {
            Name = "golden",
            RootDeviceName = "/dev/xvda",
            BlockDeviceMappings = [Ec2Shorthands.Mapping("/dev/xvda", snapshot.SnapshotId)],
            VirtualizationType = VirtualizationType.Hvm,
        });
        return (volume.VolumeId, snapshot.SnapshotId, image.ImageId);
    }
}
