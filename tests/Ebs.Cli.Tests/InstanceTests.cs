using System.Text.Json;
using Ebs.Core;
using Ebs.Core.Domain;
using Ebs.Core.Services;
using Ebs.Core.Tests;
using Ebs.Storage.Sqlite;
using Microsoft.Extensions.Time.Testing;

namespace Ebs.Cli.Tests;

/// <summary>
/// <c>ebs instance run|list|stop|start|terminate</c>: AWS's shapes and state machine, on a clock the tests move
/// (transitions take 30 seconds); one run as a process, on the system clock, sees a new instance pending.
/// </summary>
public sealed class InstanceTests : IDisposable
{
    private static readonly DateTimeOffset Start = new(2026, 1, 1, 0, 0, 0, TimeSpan.Zero);
    private static readonly TimeSpan Transition = TimeSpan.FromSeconds(30);
    private readonly TempDirectory _dir = new();
    private readonly FakeTimeProvider _time = new(Start);

    public void Dispose() => _dir.Dispose();

    [Fact]
    public async Task Run_PendingReservationWithAttachedRootVolume_RunningAfterTransition()
    {
        var (image, snapshot) = await SeedImageAsync();

        var reservation = await Ebs().JsonAsync("instance", "run", image.Value);

        Assert.Equal(["Instances", "OwnerId", "ReservationId"], reservation.EnumerateObject().Select(p => p.Name));
        Assert.Equal("111111111111", reservation.GetProperty("OwnerId").GetString());
        var instance = reservation.GetProperty("Instances").EnumerateArray().Single();
        Assert.Equal(
            ["AmiLaunchIndex", "ImageId", "InstanceId", "LaunchTime", "Placement", "RootDeviceName", "RootDeviceType", "BlockDeviceMappings", "State", "StateTransitionReason"],
            instance.EnumerateObject().Select(p => p.Name));
        var id = instance.GetProperty("InstanceId").GetString()!;
        Assert.Equal("r-" + id["i-".Length..], reservation.GetProperty("ReservationId").GetString());
        Assert.Equal(image.Value, instance.GetProperty("ImageId").GetString());
        Assert.Equal((0, "pending"), State(instance));
        Assert.Equal("us-east-1a", instance.GetProperty("Placement").GetProperty("AvailabilityZone").GetString());
        Assert.Equal("2026-01-01T01:00:00.000Z", instance.GetProperty("LaunchTime").GetString());
        Assert.Equal(("/dev/xvda", "ebs"), (instance.GetProperty("RootDeviceName").GetString(), instance.GetProperty("RootDeviceType").GetString()));
        var mapping = instance.GetProperty("BlockDeviceMappings").EnumerateArray().Single();
        Assert.Equal("/dev/xvda", mapping.GetProperty("DeviceName").GetString());
        var ebs = mapping.GetProperty("Ebs");
        Assert.Equal(["AttachTime", "DeleteOnTermination", "Status", "VolumeId"], ebs.EnumerateObject().Select(p => p.Name));
        Assert.Equal(("attached", true), (ebs.GetProperty("Status").GetString(), ebs.GetProperty("DeleteOnTermination").GetBoolean()));
        var volume = (await Ebs().JsonAsync("volume", "list")).GetProperty("Volumes").EnumerateArray().Single();
        Assert.Equal(ebs.GetProperty("VolumeId").GetString(), volume.GetProperty("VolumeId").GetString());
        Assert.Equal((snapshot.Value, "in-use"), (volume.GetProperty("SnapshotId").GetString(), volume.GetProperty("State").GetString()));

        _time.Advance(Transition);

        Assert.Equal((16, "running"), State(await ListedAsync(id)));
    }

    [Fact]
    public async Task RunCountAndZone_OneReservationInTheZone()
    {
        var (image, _) = await SeedImageAsync();

        var reservation = await Ebs().JsonAsync("instance", "run", image.Value, "--count", "2", "--zone", "us-east-1b");

        var instances = reservation.GetProperty("Instances").EnumerateArray().ToList();
        Assert.Equal([0, 1], instances.Select(i => i.GetProperty("AmiLaunchIndex").GetInt32()));
        Assert.All(instances, i => Assert.Equal("us-east-1b", i.GetProperty("Placement").GetProperty("AvailabilityZone").GetString()));
        var listed = (await Ebs().JsonAsync("instance", "list")).GetProperty("Reservations").EnumerateArray().Single();
        Assert.Equal(reservation.GetProperty("ReservationId").GetString(), listed.GetProperty("ReservationId").GetString());
        Assert.Equal(2, listed.GetProperty("Instances").GetArrayLength());
        Assert.All((await Ebs().JsonAsync("volume", "list")).GetProperty("Volumes").EnumerateArray(), v => Assert.Equal("us-east-1b", v.GetProperty("AvailabilityZone").GetString()));
    }

    [Fact]
    public async Task StopStartTerminate_AwsStateChangesThenDeleteOnTerminationVolumeGone()
    {
        var id = await RunOneAsync((await SeedImageAsync()).Image);
        _time.Advance(Transition);

        var stopping = await Ebs().JsonAsync("instance", "stop", id);
        var change = stopping.GetProperty("StoppingInstances").EnumerateArray().Single();
        Assert.Equal(["CurrentState", "InstanceId", "PreviousState"], change.EnumerateObject().Select(p => p.Name));
        Assert.Equal(id, change.GetProperty("InstanceId").GetString());
        Assert.Equal(((16, "running"), (64, "stopping")), (StateOf(change.GetProperty("PreviousState")), StateOf(change.GetProperty("CurrentState"))));
        var listedStopping = await ListedAsync(id);
        Assert.Matches(@"^User initiated \(2026-01-01 01:00:30 GMT\)$", listedStopping.GetProperty("StateTransitionReason").GetString());
        _time.Advance(Transition);
        Assert.Equal((80, "stopped"), State(await ListedAsync(id)));

        var starting = (await Ebs().JsonAsync("instance", "start", id)).GetProperty("StartingInstances").EnumerateArray().Single();
        Assert.Equal(((80, "stopped"), (0, "pending")), (StateOf(starting.GetProperty("PreviousState")), StateOf(starting.GetProperty("CurrentState"))));
        _time.Advance(Transition);

        var terminating = (await Ebs().JsonAsync("instance", "terminate", id)).GetProperty("TerminatingInstances").EnumerateArray().Single();
        Assert.Equal(((16, "running"), (32, "shutting-down")), (StateOf(terminating.GetProperty("PreviousState")), StateOf(terminating.GetProperty("CurrentState"))));
        Assert.Single((await Ebs().JsonAsync("volume", "list")).GetProperty("Volumes").EnumerateArray());
        _time.Advance(Transition);

        var terminated = await ListedAsync(id);
        Assert.Equal((48, "terminated"), State(terminated));
        Assert.Equal(0, terminated.GetProperty("BlockDeviceMappings").GetArrayLength());
        Assert.Empty((await Ebs().JsonAsync("volume", "list")).GetProperty("Volumes").EnumerateArray());
    }

    [Fact]
    public async Task StopAlreadyStopping_ReportedUnchanged()
    {
        var id = await RunOneAsync((await SeedImageAsync()).Image);
        _time.Advance(Transition);
        await Ebs().JsonAsync("instance", "stop", id);

        var again = (await Ebs().JsonAsync("instance", "stop", id)).GetProperty("StoppingInstances").EnumerateArray().Single();

        Assert.Equal(((64, "stopping"), (64, "stopping")), (StateOf(again.GetProperty("PreviousState")), StateOf(again.GetProperty("CurrentState"))));
    }

    [Theory]
    [InlineData("stop", "pending", "stopped")]
    [InlineData("start", "pending", null)]
    [InlineData("start", "running", null)]
    [InlineData("stop", "terminated", "stopped")]
    [InlineData("start", "terminated", "started")]
    public async Task WrongState_IncorrectInstanceStateOrUnchanged(string command, string state, string? refusedVerb)
    {
        var id = await RunOneAsync((await SeedImageAsync()).Image);
        if (state != "pending")
        {
            _time.Advance(Transition);
        }

        if (state == "terminated")
        {
            await Ebs().JsonAsync("instance", "terminate", id);
            _time.Advance(Transition);
        }

        var before = await ListedAsync(id);
        var (exitCode, output, error) = await Ebs().RunAsync("instance", command, id, "--json");

        if (refusedVerb is null)
        {
            // Starting a pending or running instance is no error in AWS: it is reported as it is.
            Assert.Equal(0, exitCode);
            var change = JsonDocument.Parse(output).RootElement.GetProperty("StartingInstances").EnumerateArray().Single();
            Assert.Equal(StateOf(change.GetProperty("PreviousState")), StateOf(change.GetProperty("CurrentState")));
        }
        else
        {
            Assert.Equal(1, exitCode);
            Assert.Equal(string.Empty, output);
            Assert.Equal($"ebs: IncorrectInstanceState: The instance '{id}' is not in a state from which it can be {refusedVerb}.", Assert.Single(Lines(error)));
        }

        Assert.Equal(before.ToString(), (await ListedAsync(id)).ToString());
    }

    [Fact]
    public async Task OneRefusedInstance_RefusesTheWholeCall()
    {
        var (image, _) = await SeedImageAsync();
        var running = await RunOneAsync(image);
        _time.Advance(Transition);
        var pending = await RunOneAsync(image);

        var (exitCode, _, error) = await Ebs().RunAsync("instance", "stop", running, pending);

        Assert.Equal(1, exitCode);
        Assert.StartsWith($"ebs: IncorrectInstanceState: The instance '{pending}'", error, StringComparison.Ordinal);
        Assert.Equal((16, "running"), State(await ListedAsync(running)));
    }

    [Theory]
    [InlineData("stop", "i-xyz", "InvalidInstanceID.Malformed")]
    [InlineData("start", "vol-0123456789abcdef0", "InvalidInstanceID.Malformed")]
    [InlineData("terminate", "i-0123456789abcdef0", "InvalidInstanceID.NotFound")]
    [InlineData("stop", "i-0123456789abcdef0", "InvalidInstanceID.NotFound")]
    [InlineData("run", "ami-nope", "InvalidAMIID.Malformed")]
    [InlineData("run", "ami-0123456789abcdef0", "InvalidAMIID.NotFound")]
    public async Task BadId_OneLineAwsCodeExit1NothingChanged(string command, string id, string code)
    {
        await SeedImageAsync();

        var (exitCode, output, error) = await Ebs().RunAsync("instance", command, id);

        Assert.Equal(1, exitCode);
        Assert.Equal(string.Empty, output);
        Assert.StartsWith($"ebs: {code}: ", Assert.Single(Lines(error)), StringComparison.Ordinal);
        Assert.Empty((await Ebs().JsonAsync("instance", "list")).GetProperty("Reservations").EnumerateArray());
    }

    [Fact]
    public async Task RunCountZero_InvalidParameterValueExit1()
    {
        var (image, _) = await SeedImageAsync();

        var (exitCode, _, error) = await Ebs().RunAsync("instance", "run", image.Value, "--count", "0");

        Assert.Equal(1, exitCode);
        Assert.StartsWith("ebs: InvalidParameterValue: ", Assert.Single(Lines(error)), StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("instance", "stop")]
    [InlineData("instance", "run")]
    [InlineData("instance", "run", "ami-0123456789abcdef0", "--count", "two")]
    [InlineData("instance", "reboot")]
    public async Task UsageError_Exit2(params string[] args)
    {
        var (exitCode, _, error) = await Ebs().RunAsync(args);

        Assert.Equal(2, exitCode);
        Assert.StartsWith("ebs: ", Assert.Single(Lines(error)), StringComparison.Ordinal);
    }

    [Fact]
    public async Task ListText_OneTabSeparatedRowPerInstance()
    {
        var (image, _) = await SeedImageAsync();
        var reservation = await Ebs().JsonAsync("instance", "run", image.Value, "--count", "2");
        var volumeOf = reservation.GetProperty("Instances").EnumerateArray().ToDictionary(
            i => i.GetProperty("InstanceId").GetString()!,
            i => i.GetProperty("BlockDeviceMappings")[0].GetProperty("Ebs").GetProperty("VolumeId").GetString());

        var (exitCode, output, _) = await Ebs().RunAsync("instance", "list", "--output", "text");

        var rows = Lines(output).Select(line => line.Split('\t')).ToList();
        Assert.Equal(0, exitCode);
        Assert.Equal(2, rows.Count);
        Assert.All(rows, row => Assert.Equal([image.Value, "us-east-1a", "pending", "2026-01-01T01:00:00.000Z"], row[1..5]));
        Assert.All(rows, row => Assert.Equal($"/dev/xvda={volumeOf[row[0]]}", row[5]));
        Assert.Equal(volumeOf.Keys.Order(StringComparer.Ordinal), rows.Select(row => row[0]).Order(StringComparer.Ordinal));
    }

    [Fact]
    public async Task StopTable_PreviousAndCurrentState()
    {
        var id = await RunOneAsync((await SeedImageAsync()).Image);
        _time.Advance(Transition);

        var (exitCode, output, _) = await Ebs().RunAsync("instance", "stop", id, "--output", "text");

        Assert.Equal(0, exitCode);
        Assert.Equal([$"{id}\trunning\tstopping"], Lines(output));
    }

    [Fact]
    public async Task RunAsProcess_SystemClock_PendingUntilTransition()
    {
        var (image, _) = await SeedImageAsync();
        var ebs = new CliRunner(_dir.Path, asProcess: true);

        var launched = DateTimeOffset.UtcNow;
        var instance = (await ebs.JsonAsync("instance", "run", image.Value)).GetProperty("Instances")[0];
        var listed = (await ebs.JsonAsync("instance", "list")).GetProperty("Reservations")[0].GetProperty("Instances")[0];

        Assert.Equal((0, "pending"), State(instance));
        // On the system clock the instance runs 30 seconds after its launch, as AWS's would; a slower machine sees it running.
        Assert.Equal(DateTimeOffset.UtcNow - launched < Transition ? (0, "pending") : (16, "running"), State(listed));
    }

    private static (int Code, string Name) State(JsonElement instance) => StateOf(instance.GetProperty("State"));

    private static (int Code, string Name) StateOf(JsonElement state) => (state.GetProperty("Code").GetInt32(), state.GetProperty("Name").GetString()!);

    private static string[] Lines(string text) => text.Split('\n', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries);

    private CliRunner Ebs() => new(_dir.Path, asProcess: false, _time);

    private async Task<JsonElement> ListedAsync(string id)
        => (await Ebs().JsonAsync("instance", "list")).GetProperty("Reservations").EnumerateArray()
            .SelectMany(r => r.GetProperty("Instances").EnumerateArray())
            .Single(i => i.GetProperty("InstanceId").GetString() == id);

    private async Task<string> RunOneAsync(ImageId image)
        => (await Ebs().JsonAsync("instance", "run", image.Value)).GetProperty("Instances")[0].GetProperty("InstanceId").GetString()!;

    /// <summary>An available image of a completed snapshot of a 1-GiB volume with 1 MiB written, its root device <c>/dev/xvda</c>; an hour has passed.</summary>
    private async Task<(ImageId Image, SnapshotId Snapshot)> SeedImageAsync()
    {
        await using var cloud = await LocalDirectory.OpenAsync(_dir.Path, new EbsOptions(), _time);
        var ec2 = cloud.Account("111111111111").Ec2("us-east-1");
        var volume = (await ec2.CreateVolumeAsync(new CreateVolumeRequest { AvailabilityZone = "us-east-1a", Size = 1 })).Volume;
        await ec2.WriteAtAsync(volume.VolumeId, 0, Enumerable.Range(0, 1 << 20).Select(i => (byte)(i % 251 + 1)).ToArray());
        var snapshot = await ec2.TakeSnapshotAsync(volume.VolumeId);
        await ec2.DeleteVolumeAsync(new DeleteVolumeRequest { VolumeId = volume.VolumeId });
        var image = await ec2.RegisterAndDescribeImageAsync(new RegisterImageRequest
        {
            Name = "golden",
            RootDeviceName = "/dev/xvda",
            BlockDeviceMappings = [Ec2Shorthands.Mapping("/dev/xvda", snapshot.SnapshotId)],
            VirtualizationType = VirtualizationType.Hvm,
        });
        _time.Advance(TimeSpan.FromHours(1)); // the snapshot completes, the image is available
        return (image.ImageId, snapshot.SnapshotId);
    }
}
