using System.Text.Json;
using Ebs.Core;
using Ebs.Core.Domain;
using Ebs.Core.Services;
using Ebs.Core.Tests;
using Ebs.Storage.Sqlite;
using Microsoft.Extensions.Time.Testing;

namespace Ebs.Cli.Tests;

/// <summary>
/// <c>ebs image create|copy</c>, <c>ebs instance reboot</c> and <c>ebs volume attach|detach</c>: AWS's shapes, one-line
/// AWS errors for wrong ids and states (exit 1, nothing changed), usage errors for missing options (exit 2), and no store
/// made where there is none.
/// </summary>
public sealed class MachineImageTests : IDisposable
{
    private static readonly TimeSpan Transition = TimeSpan.FromSeconds(30);
    private readonly TempDirectory _dir = new();
    private readonly FakeTimeProvider _time = new(new DateTimeOffset(2026, 1, 1, 0, 0, 0, TimeSpan.Zero));

    public void Dispose() => _dir.Dispose();

    [Fact]
    public async Task ImageCreate_PendingImageOfTheInstanceThenAvailable()
    {
        var instance = await RunningInstanceAsync();

        var image = await Ebs().JsonAsync("image", "create", "--instance", instance, "--name", "web v2", "--no-reboot", "-d", "after the upgrade");

        Assert.Equal(("web v2", "after the upgrade", "pending"), (image.GetProperty("Name").GetString(), image.GetProperty("Description").GetString(), image.GetProperty("State").GetString()));
        var mapping = image.GetProperty("BlockDeviceMappings").EnumerateArray().Single();
        Assert.Equal(("/dev/xvda", "gp2"), (mapping.GetProperty("DeviceName").GetString(), mapping.GetProperty("Ebs").GetProperty("VolumeType").GetString()));
        _time.Advance(TimeSpan.FromHours(1));
        var listed = (await Ebs().JsonAsync("image", "list")).GetProperty("Images").EnumerateArray()
            .Single(i => i.GetProperty("ImageId").GetString() == image.GetProperty("ImageId").GetString());
        Assert.Equal("available", listed.GetProperty("State").GetString());
    }

    [Fact]
    public async Task ImageCopy_ToAnotherRegion_PendingThenLaunchesThere()
    {
        var (image, _) = await SeedImageAsync();

        var copy = await Ebs().JsonAsync("image", "copy", image.Value, "--to-region", "eu-west-1");

        Assert.NotEqual(image.Value, copy.GetProperty("ImageId").GetString());
        Assert.Equal(("golden", "pending", $"[Copied {image} from us-east-1] golden"), (copy.GetProperty("Name").GetString(), copy.GetProperty("State").GetString(), copy.GetProperty("Description").GetString()));
        Assert.Single((await Ebs().JsonAsync("image", "list")).GetProperty("Images").EnumerateArray()); // the source stays alone in us-east-1
        _time.Advance(TimeSpan.FromHours(1));
        var reservation = await Ebs().JsonAsync("instance", "run", copy.GetProperty("ImageId").GetString()!, "--region", "eu-west-1");
        Assert.Equal("eu-west-1a", reservation.GetProperty("Instances")[0].GetProperty("Placement").GetProperty("AvailabilityZone").GetString());
    }

    [Fact]
    public async Task Reboot_RunningInstanceStaysRunning_PendingOneRefused()
    {
        var running = await RunningInstanceAsync();

        var (exitCode, output, _) = await Ebs().RunAsync("instance", "reboot", running);

        Assert.Equal(0, exitCode);
        Assert.Equal($"Rebooted {running}.", output.Trim());
        Assert.Equal("running", (await ListedAsync(running)).GetProperty("State").GetProperty("Name").GetString());

        var pending = (await Ebs().JsonAsync("instance", "run", (await SeedImageAsync("other")).Image.Value)).GetProperty("Instances")[0].GetProperty("InstanceId").GetString()!;
        var (refused, _, error) = await Ebs().RunAsync("instance", "reboot", pending);
        Assert.Equal(1, refused);
        Assert.Equal($"ebs: IncorrectInstanceState: The instance '{pending}' is not in a state from which it can be rebooted.", error.Trim());
    }

    [Fact]
    public async Task AttachThenDetach_AwsAttachmentShapesAndVolumeAvailableAgain()
    {
        var instance = await RunningInstanceAsync();
        var volume = (await Ebs().JsonAsync("volume", "create", "--size", "1", "--zone", "us-east-1a")).GetProperty("VolumeId").GetString()!;

        var attached = await Ebs().JsonAsync("volume", "attach", volume, "--instance", instance, "--device", "/dev/sdf");

        Assert.Equal(["AttachTime", "Device", "InstanceId", "State", "VolumeId"], attached.EnumerateObject().Select(p => p.Name));
        Assert.Equal(("/dev/sdf", instance, "attaching", volume), (attached.GetProperty("Device").GetString(), attached.GetProperty("InstanceId").GetString(), attached.GetProperty("State").GetString(), attached.GetProperty("VolumeId").GetString()));
        _time.Advance(TimeSpan.FromSeconds(5));
        Assert.Contains($"/dev/sdf={volume}", (await Ebs().RunAsync("instance", "list", "--output", "text")).Out, StringComparison.Ordinal);

        var detached = await Ebs().JsonAsync("volume", "detach", volume, "--instance", instance);

        Assert.Equal("detaching", detached.GetProperty("State").GetString());
        _time.Advance(TimeSpan.FromSeconds(5));
        var listed = (await Ebs().JsonAsync("volume", "list")).GetProperty("Volumes").EnumerateArray().Single(v => v.GetProperty("VolumeId").GetString() == volume);
        Assert.Equal("available", listed.GetProperty("State").GetString());
    }

    [Theory]
    [InlineData("volume detach {volume}", "IncorrectState")]
    [InlineData("volume attach {volume} --instance i-0123456789abcdef0 --device /dev/sdf", "InvalidInstanceID.NotFound")]
    [InlineData("volume attach vol-0123456789abcdef0 --instance {instance} --device /dev/sdf", "InvalidVolume.NotFound")]
    [InlineData("volume attach {volume} --instance {instance} --device /dev/xvda", "InvalidParameterValue")]
    [InlineData("volume attach nope --instance {instance} --device /dev/sdf", "InvalidVolumeID.Malformed")]
    [InlineData("image create --instance {instance} --name golden", "InvalidAMIName.Duplicate")]
    [InlineData("image create --instance {instance} --name x", "InvalidAMIName.Malformed")]
    [InlineData("image create --instance i-0123456789abcdef0 --name new", "InvalidInstanceID.NotFound")]
    [InlineData("image copy ami-0123456789abcdef0 --to-region eu-west-1", "InvalidAMIID.NotFound")]
    [InlineData("image copy {image} --to-region us-east-1", "InvalidAMIName.Duplicate")]
    [InlineData("image copy {image} --to-region mars-north-1", "InvalidRegion")]
    [InlineData("instance reboot i-0123456789abcdef0", "InvalidInstanceID.NotFound")]
    public async Task WrongInput_OneLineAwsCodeExit1NothingChanged(string command, string code)
    {
        var instance = await RunningInstanceAsync();
        var volume = (await Ebs().JsonAsync("volume", "create", "--size", "1", "--zone", "us-east-1a")).GetProperty("VolumeId").GetString()!;
        var image = (await Ebs().JsonAsync("image", "list")).GetProperty("Images")[0].GetProperty("ImageId").GetString()!;
        var before = await StateAsync();

        var (exitCode, output, error) = await Ebs().RunAsync([.. command.Replace("{instance}", instance).Replace("{volume}", volume).Replace("{image}", image).Split(' ')]);

        Assert.Equal(1, exitCode);
        Assert.Equal(string.Empty, output);
        Assert.StartsWith($"ebs: {code}: ", Assert.Single(Lines(error)), StringComparison.Ordinal);
        Assert.Equal(before, await StateAsync());
    }

    [Theory]
    [InlineData("image", "create", "--name", "x1y")]
    [InlineData("image", "create", "--instance", "i-0123456789abcdef0")]
    [InlineData("image", "copy", "ami-0123456789abcdef0")]
    [InlineData("volume", "attach", "vol-0123456789abcdef0", "--instance", "i-0123456789abcdef0")]
    [InlineData("volume", "attach", "vol-0123456789abcdef0", "--device", "/dev/sdf")]
    [InlineData("volume", "detach")]
    public async Task MissingOption_UsageErrorExit2NoStoreMade(params string[] args)
    {
        var store = Path.Combine(_dir.Path, "none");

        var (exitCode, _, error) = await new CliRunner(store, asProcess: false, _time).RunAsync(args);

        Assert.Equal(2, exitCode);
        Assert.StartsWith("ebs: ", Assert.Single(Lines(error)), StringComparison.Ordinal);
        Assert.False(Directory.Exists(store));
    }

    [Theory]
    [InlineData("image", "create", "--instance", "i-0123456789abcdef0", "--name", "new")]
    [InlineData("image", "copy", "ami-0123456789abcdef0", "--to-region", "eu-west-1")]
    [InlineData("volume", "attach", "vol-0123456789abcdef0", "--instance", "i-0123456789abcdef0", "--device", "/dev/sdf")]
    [InlineData("volume", "detach", "vol-0123456789abcdef0")]
    [InlineData("instance", "reboot", "i-0123456789abcdef0")]
    public async Task MistypedStore_NoStoreExit1NothingCreated(params string[] args)
    {
        var store = Path.Combine(_dir.Path, "typo");

        var (exitCode, _, error) = await new CliRunner(store, asProcess: false, _time).RunAsync(args);

        Assert.Equal(1, exitCode);
        Assert.StartsWith($"ebs: LocalStore.NotFound: There is no store at '{store}'", error.TrimEnd(), StringComparison.Ordinal);
        Assert.False(Directory.Exists(store));
    }

    private static string[] Lines(string text) => text.Split('\n', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries);

    private CliRunner Ebs() => new(_dir.Path, asProcess: false, _time);

    /// <summary>Everything the CLI lists, as one string: what a refused command must leave as it was.</summary>
    private async Task<string> StateAsync()
        => string.Join('\n', await Task.WhenAll(new[] { "volume", "snapshot", "image", "instance" }.Select(async kind => (await Ebs().RunAsync(kind, "list", "--json")).Out)))
            + (await Ebs().RunAsync("image", "list", "--json", "--region", "eu-west-1")).Out;

    private async Task<JsonElement> ListedAsync(string id)
        => (await Ebs().JsonAsync("instance", "list")).GetProperty("Reservations").EnumerateArray()
            .SelectMany(r => r.GetProperty("Instances").EnumerateArray())
            .Single(i => i.GetProperty("InstanceId").GetString() == id);

    /// <summary>A running instance of the seeded image.</summary>
    private async Task<string> RunningInstanceAsync()
    {
        var (image, _) = await SeedImageAsync();
        var id = (await Ebs().JsonAsync("instance", "run", image.Value)).GetProperty("Instances")[0].GetProperty("InstanceId").GetString()!;
        _time.Advance(Transition);
        return id;
    }

    /// <summary>An available image of a completed snapshot of a 1-GiB volume with 1 MiB written, its root device <c>/dev/xvda</c>; an hour has passed.</summary>
    private async Task<(ImageId Image, SnapshotId Snapshot)> SeedImageAsync(string name = "golden")
    {
        await using var cloud = await LocalDirectory.OpenAsync(_dir.Path, new EbsOptions(), _time);
        var ec2 = cloud.Account("111111111111").Ec2("us-east-1");
        var volume = (await ec2.CreateVolumeAsync(new CreateVolumeRequest { AvailabilityZone = "us-east-1a", Size = 1 })).Volume;
        await ec2.WriteAtAsync(volume.VolumeId, 0, Enumerable.Range(0, 1 << 20).Select(i => (byte)(i % 251 + 1)).ToArray());
        var snapshot = await ec2.TakeSnapshotAsync(volume.VolumeId);
        await ec2.DeleteVolumeAsync(new DeleteVolumeRequest { VolumeId = volume.VolumeId });
        var image = await ec2.RegisterAndDescribeImageAsync(new RegisterImageRequest
        {
            Name = name,
            RootDeviceName = "/dev/xvda",
            BlockDeviceMappings = [Ec2Shorthands.Mapping("/dev/xvda", snapshot.SnapshotId)],
            VirtualizationType = VirtualizationType.Hvm,
        });
        _time.Advance(TimeSpan.FromHours(1));
        return (image.ImageId, snapshot.SnapshotId);
    }
}
