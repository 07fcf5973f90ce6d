using Ebs.Core.Domain;
using Ebs.Core.Services;

namespace Ebs.Core.Tests.Instances;

public sealed class StateTests
{
    private static readonly TimeSpan Transition = TimeSpan.FromSeconds(30);

    [Fact]
    public async Task Lifecycle_EachTransition_ChangesStateAtItsExactInstant()
    {
        await using var t = new TestCloud();
        var id = (await t.LaunchAsync(await t.RegisterImageAsync())).InstanceId;
        var launched = t.Time.GetUtcNow();

        await AssertStateAtAsync(t, id, launched + Transition, InstanceStateName.Pending, InstanceStateName.Running);

        var stop = (await t.Ec2.StopInstancesAsync(new() { InstanceIds = [id] })).StoppingInstances.Single();
        Assert.Equal((id, InstanceStateName.Running, 16, InstanceStateName.Stopping, 64), (stop.InstanceId, stop.PreviousState.Name, stop.PreviousState.Code, stop.CurrentState.Name, stop.CurrentState.Code));
        var stoppedAt = t.Time.GetUtcNow();
        await AssertStateAtAsync(t, id, stoppedAt + Transition, InstanceStateName.Stopping, InstanceStateName.Stopped);
        Assert.Equal($"User initiated ({stoppedAt.UtcDateTime:yyyy-MM-dd HH:mm:ss} GMT)", (await t.Ec2.DescribeInstanceAsync(id)).StateTransitionReason);

        t.Time.Advance(TimeSpan.FromMinutes(10));
        var start = (await t.Ec2.StartInstancesAsync(new() { InstanceIds = [id] })).StartingInstances.Single();
        Assert.Equal((InstanceStateName.Stopped, InstanceStateName.Pending), (start.PreviousState.Name, start.CurrentState.Name));
        var startedAt = t.Time.GetUtcNow();
        await AssertStateAtAsync(t, id, startedAt + Transition, InstanceStateName.Pending, InstanceStateName.Running);
        var running = await t.Ec2.DescribeInstanceAsync(id);
        Assert.Equal((startedAt, string.Empty), (running.LaunchTime, running.StateTransitionReason));

        await t.Ec2.RebootInstancesAsync(new() { InstanceIds = [id] });
        Assert.Equal(running, await t.Ec2.DescribeInstanceAsync(id));

        var terminate = (await t.Ec2.TerminateInstancesAsync(new() { InstanceIds = [id] })).TerminatingInstances.Single();
        Assert.Equal((InstanceStateName.Running, InstanceStateName.ShuttingDown, 32), (terminate.PreviousState.Name, terminate.CurrentState.Name, terminate.CurrentState.Code));
        await AssertStateAtAsync(t, id, t.Time.GetUtcNow() + Transition, InstanceStateName.ShuttingDown, InstanceStateName.Terminated);

        t.Time.Advance(TimeSpan.FromMinutes(59)); // still described for an hour after it terminated
        var terminated = await t.Ec2.DescribeInstanceAsync(id);
        Assert.Equal((InstanceStateName.Terminated, 48), (terminated.State.Name, terminated.State.Code));
        Assert.Empty(terminated.BlockDeviceMappings);
    }

    [Fact]
    public async Task StateChanges_AlreadyThereOrOnTheWay_ReportedUnchanged()
    {
        await using var t = new TestCloud();
        var id = (await t.LaunchAsync(await t.RegisterImageAsync())).InstanceId;

        var start = (await t.Ec2.StartInstancesAsync(new() { InstanceIds = [id] })).StartingInstances.Single();
        Assert.Equal((InstanceStateName.Pending, InstanceStateName.Pending), (start.PreviousState.Name, start.CurrentState.Name));
        t.Time.Advance(Transition);
        await t.Ec2.StopInstancesAsync(new() { InstanceIds = [id] });
        var again = (await t.Ec2.StopInstancesAsync(new() { InstanceIds = [id] })).StoppingInstances.Single();
        Assert.Equal((InstanceStateName.Stopping, InstanceStateName.Stopping), (again.PreviousState.Name, again.CurrentState.Name));
        await t.Ec2.TerminateInstancesAsync(new() { InstanceIds = [id] });
        t.Time.Advance(Transition);
        var twice = (await t.Ec2.TerminateInstancesAsync(new() { InstanceIds = [id] })).TerminatingInstances.Single();
        Assert.Equal((InstanceStateName.Terminated, InstanceStateName.Terminated), (twice.PreviousState.Name, twice.CurrentState.Name));
    }

    public enum Setup
    {
        Pending,
        Running,
        Stopping,
        Stopped,
        ShuttingDown,
        Terminated,
    }

    public static TheoryData<Setup, string, string> Refusals => new()
    {
        { Setup.Pending, "stop", EbsErrorCodes.IncorrectInstanceState },
        { Setup.Pending, "reboot", EbsErrorCodes.IncorrectInstanceState },
        { Setup.Stopping, "start", EbsErrorCodes.IncorrectInstanceState },
        { Setup.Stopping, "reboot", EbsErrorCodes.IncorrectInstanceState },
        { Setup.Stopped, "reboot", EbsErrorCodes.IncorrectInstanceState },
        { Setup.ShuttingDown, "stop", EbsErrorCodes.IncorrectInstanceState },
        { Setup.ShuttingDown, "start", EbsErrorCodes.IncorrectInstanceState },
        { Setup.Terminated, "stop", EbsErrorCodes.IncorrectInstanceState },
        { Setup.Terminated, "start", EbsErrorCodes.IncorrectInstanceState },
        { Setup.Terminated, "reboot", EbsErrorCodes.IncorrectInstanceState },
    };

    [Theory]
    [MemberData(nameof(Refusals))]
    public async Task StateChange_FromWrongState_IncorrectInstanceStateAndNoInstanceChanges(Setup setup, string call, string code)
    {
        await using var t = new TestCloud();
        var image = await t.RegisterImageAsync();
        var id = (await t.LaunchAsync(image)).InstanceId;
        var other = (await t.LaunchAsync(image)).InstanceId;
        await BringToAsync(t, setup, id);
        var before = await t.Ec2.StateOfAsync(id);
        var otherBefore = await t.Ec2.StateOfAsync(other);

        // The other instance could make the change: the whole call is refused all the same.
        await StateFingerprint.AssertUnchangedAsync(t.Cloud, () => Call(t.Ec2, call, [other, id]), code);

        Assert.Equal((before, otherBefore), (await t.Ec2.StateOfAsync(id), await t.Ec2.StateOfAsync(other)));
    }

    [Theory]
    [InlineData("stop")]
    [InlineData("start")]
    [InlineData("reboot")]
    [InlineData("terminate")]
    public async Task StateChange_UnknownMalformedOrNoIds_AwsCodesAndNothingChanged(string call)
    {
        await using var t = new TestCloud();
        await t.LaunchAsync(await t.RegisterImageAsync());
        await StateFingerprint.AssertUnchangedAsync(t.Cloud, () => Call(t.Ec2, call, [InstanceId.Parse("i-0123456789abcdef0")]), EbsErrorCodes.InvalidInstanceIdNotFound);
        await StateFingerprint.AssertUnchangedAsync(t.Cloud, () => Call(t.Ec2, call, [default]), EbsErrorCodes.InvalidInstanceIdMalformed);
        await StateFingerprint.AssertUnchangedAsync(t.Cloud, () => Call(t.Ec2, call, []), EbsErrorCodes.MissingParameter);
        Assert.Equal(EbsErrorCodes.InvalidInstanceIdMalformed, Assert.Throws<EbsException>(() => InstanceId.Parse("vol-0123456789abcdef0")).ErrorCode);
    }

    [Fact]
    public async Task DescribeInstances_FiltersAndPages_AsAwsModelSays()
    {
        await using var t = new TestCloud();
        var image = await t.RegisterImageAsync();
        var three = (await t.Ec2.RunInstancesAsync(new RunInstancesRequest { ImageId = image, MinCount = 3, MaxCount = 3 })).Reservation;
        var tagged = (await t.Ec2.RunInstancesAsync(new RunInstancesRequest
        {
            ImageId = image,
            MinCount = 3,
            MaxCount = 3,
            Placement = new() { AvailabilityZone = "us-east-1c" },
            TagSpecifications = Ec2Shorthands.Tags(ResourceType.Instance, new Dictionary<string, string> { ["env"] = "prod" }),
        })).Reservation;
        t.Time.Advance(Transition);
        await t.Ec2.StopInstancesAsync(new() { InstanceIds = [three.Instances[0].InstanceId] });

        async Task<string[]> Ids(params Filter[] filters)
            => [.. (await t.Ec2.DescribeInstancesAsync(new() { Filters = filters })).Reservations.SelectMany(r => r.Instances).Select(i => i.InstanceId.Value).Order(StringComparer.Ordinal)];
        string[] IdsOf(IEnumerable<Instance> instances) => [.. instances.Select(i => i.InstanceId.Value).Order(StringComparer.Ordinal)];

        Assert.Equal(IdsOf([three.Instances[0]]), await Ids(new Filter("instance-state-name", ["stopping"])));
        Assert.Equal(IdsOf(tagged.Instances), await Ids(new Filter("tag:env", ["prod"])));
        Assert.Equal(IdsOf(tagged.Instances), await Ids(new Filter("availability-zone", ["us-east-1c"])));
        Assert.Equal(IdsOf([.. three.Instances, .. tagged.Instances]), await Ids(new Filter("image-id", [image.Value])));
        Assert.Equal(IdsOf([three.Instances[1]]), await Ids(new Filter("instance-id", [three.Instances[1].InstanceId.Value])));

        var first = await t.Ec2.DescribeInstancesAsync(new() { MaxResults = 5 });
        Assert.Equal(5, first.Reservations.Sum(r => r.Instances.Count));
        var second = await t.Ec2.DescribeInstancesAsync(new() { MaxResults = 5, NextToken = first.NextToken });
        Assert.Null(second.NextToken);
        Assert.Equal(
            IdsOf([.. three.Instances, .. tagged.Instances]),
            IdsOf([.. first.Reservations.SelectMany(r => r.Instances), .. second.Reservations.SelectMany(r => r.Instances)]));
        var paged = new List<Reservation>();
        await foreach (var reservation in t.Ec2.Paginators.DescribeInstances(new() { MaxResults = 5 }).Reservations)
        {
            paged.Add(reservation);
        }

        Assert.Equal(6, paged.Sum(r => r.Instances.Count));
        Assert.Equal(EbsErrorCodes.InvalidParameterCombination, (await Assert.ThrowsAsync<EbsException>(() => t.Ec2.DescribeInstancesAsync(new() { InstanceIds = [three.Instances[0].InstanceId], MaxResults = 5 }).AsTask())).ErrorCode);
        Assert.Equal(EbsErrorCodes.InvalidParameterValue, (await Assert.ThrowsAsync<EbsException>(() => t.Ec2.DescribeInstancesAsync(new() { MaxResults = 4 }).AsTask())).ErrorCode);
        Assert.Equal(EbsErrorCodes.InvalidParameterValue, (await Assert.ThrowsAsync<EbsException>(() => t.Ec2.DescribeInstancesAsync(new() { Filters = [new Filter("nope", ["x"])] }).AsTask())).ErrorCode);
        Assert.Equal(EbsErrorCodes.InvalidInstanceIdNotFound, (await Assert.ThrowsAsync<EbsException>(() => t.Ec2.DescribeInstancesAsync(new() { InstanceIds = [InstanceId.Parse("i-0123456789abcdef0")] }).AsTask())).ErrorCode);
    }

    [Fact]
    public async Task Waiters_InstanceRunningStoppedTerminated_WaitUntilTheSettlingInstant()
    {
        await using var t = new TestCloud();
        var id = (await t.LaunchAsync(await t.RegisterImageAsync())).InstanceId;
        var launched = t.Time.GetUtcNow();
        var request = new DescribeInstancesRequest { InstanceIds = [id] };
        var options = new WaiterOptions { OnWaiting = t.Time.SetUtcNow };

        var running = await t.Ec2.Waiters.WaitUntilInstanceRunningAsync(request, options);
        Assert.Equal((InstanceStateName.Running, launched + Transition), (running.Reservations.Single().Instances.Single().State.Name, t.Time.GetUtcNow()));

        var stopFailure = await Assert.ThrowsAsync<EbsException>(() => t.Ec2.Waiters.WaitUntilInstanceStoppedAsync(request, new WaiterOptions { MaxWaitTime = TimeSpan.FromMinutes(1), OnWaiting = t.Time.SetUtcNow }).AsTask());
        Assert.Equal(EbsErrorCodes.WaiterTimeout, stopFailure.ErrorCode);

        await t.Ec2.StopInstancesAsync(new() { InstanceIds = [id] });
        var stopAt = t.Time.GetUtcNow() + Transition;
        await t.Ec2.Waiters.WaitUntilInstanceStoppedAsync(request, options);
        Assert.Equal(stopAt, t.Time.GetUtcNow());

        var volume = await t.CreateVolumeAsync();
        await t.Ec2.AttachVolumeAsync(new() { Device = "/dev/sdf", InstanceId = id, VolumeId = volume.VolumeId });
        await t.Ec2.Waiters.WaitUntilVolumeInUseAsync(new() { VolumeIds = [volume.VolumeId] }, options);

        await t.Ec2.TerminateInstancesAsync(new() { InstanceIds = [id] });
        var terminatedAt = t.Time.GetUtcNow() + Transition;
        await t.Ec2.Waiters.WaitUntilInstanceTerminatedAsync(request, options);
        Assert.Equal(terminatedAt, t.Time.GetUtcNow());
        Assert.Equal(EbsErrorCodes.WaiterFailure, (await Assert.ThrowsAsync<EbsException>(() => t.Ec2.Waiters.WaitUntilInstanceRunningAsync(request, options).AsTask())).ErrorCode);
    }

    [Fact]
    public async Task CreateTags_OnInstance_DescribedAndFiltered()
    {
        await using var t = new TestCloud();
        var id = (await t.LaunchAsync(await t.RegisterImageAsync())).InstanceId;
        await t.Ec2.CreateTagsAsync(new() { Resources = [id], Tags = [new Tag("Name", "web-1")] });
        Assert.Equal("web-1", (await t.Ec2.DescribeInstanceAsync(id)).Tags["Name"]);
        await t.Ec2.DeleteTagsAsync(new() { Resources = [id] });
        Assert.Empty((await t.Ec2.DescribeInstanceAsync(id)).Tags.Items);
    }

    private static async Task AssertStateAtAsync(TestCloud t, InstanceId id, DateTimeOffset instant, InstanceStateName before, InstanceStateName after)
    {
        t.Time.SetUtcNow(instant - TimeSpan.FromTicks(1));
        Assert.Equal(before, await t.Ec2.StateOfAsync(id));
        t.Time.SetUtcNow(instant);
        Assert.Equal(after, await t.Ec2.StateOfAsync(id));
    }

    private static async Task BringToAsync(TestCloud t, Setup setup, InstanceId id)
    {
        if (setup == Setup.Pending)
        {
            return;
        }

        t.Time.Advance(Transition);
        switch (setup)
        {
            case Setup.Stopping or Setup.Stopped:
                await t.Ec2.StopInstancesAsync(new() { InstanceIds = [id] });
                break;
            case Setup.ShuttingDown or Setup.Terminated:
                await t.Ec2.TerminateInstancesAsync(new() { InstanceIds = [id] });
                break;
        }

        if (setup is Setup.Stopped or Setup.Terminated)
        {
            t.Time.Advance(Transition);
        }
    }

    private static Task Call(Ec2Client ec2, string call, IReadOnlyList<InstanceId> ids) => call switch
    {
        "stop" => ec2.StopInstancesAsync(new() { InstanceIds = ids }).AsTask(),
        "start" => ec2.StartInstancesAsync(new() { InstanceIds = ids }).AsTask(),
        "reboot" => ec2.RebootInstancesAsync(new() { InstanceIds = ids }).AsTask(),
        _ => ec2.TerminateInstancesAsync(new() { InstanceIds = ids }).AsTask(),
    };
}
