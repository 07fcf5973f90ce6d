using Ebs.Core.Domain;
using Ebs.Core.Services;

namespace Ebs.Core.Tests.FastSnapshotRestore;

public sealed class FastSnapshotRestoreStateTests
{
    private const string UserInitiated = "Client.UserInitiated";
    private const string Lifecycle = "Client.UserInitiated - Lifecycle state transition";
    private static readonly TimeSpan Tick = TimeSpan.FromTicks(1);

    [Fact]
    public async Task Enable_TwoTiBSnapshot_EnablingOneMinuteThenOptimizes120MinutesThenEnabled()
    {
        await using var t = new TestCloud();
        var snapshot = await t.CompletedSnapshotAsync(sizeGiB: 2048);
        var t0 = t.Time.GetUtcNow();

        var response = await t.Ec2.EnableAsync(snapshot.SnapshotId, "us-east-1a");

        var enabling = Assert.Single(response.Successful);
        Assert.Empty(response.Unsuccessful);
        Assert.Equal((FastSnapshotRestoreStateCode.Enabling, UserInitiated, TestCloud.Account, (DateTimeOffset?)t0, (DateTimeOffset?)null), (enabling.State, enabling.StateTransitionReason, enabling.OwnerId, enabling.EnablingTime, enabling.OptimizingTime));
        Assert.Equal("us-east-1a", enabling.AvailabilityZone);

        t.Time.Advance(TimeSpan.FromMinutes(1) - Tick);
        Assert.Equal(FastSnapshotRestoreStateCode.Enabling, (await t.Ec2.DescribeFsrAsync(snapshot.SnapshotId, "us-east-1a")).State);
        t.Time.Advance(Tick);
        var optimizing = await t.Ec2.DescribeFsrAsync(snapshot.SnapshotId, "us-east-1a");
        Assert.Equal((FastSnapshotRestoreStateCode.Optimizing, Lifecycle, (DateTimeOffset?)t0.AddMinutes(1), (DateTimeOffset?)null), (optimizing.State, optimizing.StateTransitionReason, optimizing.OptimizingTime, optimizing.EnabledTime));

        t.Time.Advance(TimeSpan.FromMinutes(120) - Tick);
        Assert.Equal(FastSnapshotRestoreStateCode.Optimizing, (await t.Ec2.DescribeFsrAsync(snapshot.SnapshotId, "us-east-1a")).State);
        t.Time.Advance(Tick);
        var enabled = await t.Ec2.DescribeFsrAsync(snapshot.SnapshotId, "us-east-1a");
        Assert.Equal((FastSnapshotRestoreStateCode.Enabled, Lifecycle, (DateTimeOffset?)t0, (DateTimeOffset?)t0.AddMinutes(1), (DateTimeOffset?)t0.AddMinutes(121), (DateTimeOffset?)null), (enabled.State, enabled.StateTransitionReason, enabled.EnablingTime, enabled.OptimizingTime, enabled.EnabledTime, enabled.DisablingTime));
    }

    [Fact]
    public async Task Disable_Enabled_DisablingOneMinuteThenDisabledKeepingEarlierInstants()
    {
        await using var t = new TestCloud();
        var snapshot = await t.CompletedSnapshotAsync(sizeGiB: 1024);
        var t0 = t.Time.GetUtcNow();
        await t.Ec2.EnableAsync(snapshot.SnapshotId, "us-east-1a");
        t.Time.Advance(TimeSpan.FromMinutes(61));
        Assert.Equal(FastSnapshotRestoreStateCode.Enabled, (await t.Ec2.DescribeFsrAsync(snapshot.SnapshotId, "us-east-1a")).State);
        t.Time.Advance(TimeSpan.FromMinutes(9));

        var disabling = Assert.Single((await t.Ec2.DisableAsync(snapshot.SnapshotId, "us-east-1a")).Successful);

        Assert.Equal((FastSnapshotRestoreStateCode.Disabling, UserInitiated, (DateTimeOffset?)t0.AddMinutes(61), (DateTimeOffset?)t0.AddMinutes(70), (DateTimeOffset?)null), (disabling.State, disabling.StateTransitionReason, disabling.EnabledTime, disabling.DisablingTime, disabling.DisabledTime));
        t.Time.Advance(TimeSpan.FromMinutes(1) - Tick);
        Assert.Equal(FastSnapshotRestoreStateCode.Disabling, (await t.Ec2.DescribeFsrAsync(snapshot.SnapshotId, "us-east-1a")).State);
        t.Time.Advance(Tick);
        var disabled = await t.Ec2.DescribeFsrAsync(snapshot.SnapshotId, "us-east-1a");
        Assert.Equal((FastSnapshotRestoreStateCode.Disabled, Lifecycle, (DateTimeOffset?)t0, (DateTimeOffset?)t0.AddMinutes(71)), (disabled.State, disabled.StateTransitionReason, disabled.EnablingTime, disabled.DisabledTime));
    }

    [Fact]
    public async Task Disable_WhileOptimizing_NeverShowsEnabledTime()
    {
        await using var t = new TestCloud();
        var snapshot = await t.CompletedSnapshotAsync(sizeGiB: 2048);
        await t.Ec2.EnableAsync(snapshot.SnapshotId, "us-east-1a");
        t.Time.Advance(TimeSpan.FromMinutes(30));
        await t.Ec2.DisableAsync(snapshot.SnapshotId, "us-east-1a");
        t.Time.Advance(TimeSpan.FromHours(5));

        var disabled = await t.Ec2.DescribeFsrAsync(snapshot.SnapshotId, "us-east-1a");

        Assert.Equal(FastSnapshotRestoreStateCode.Disabled, disabled.State);
        Assert.NotNull(disabled.OptimizingTime);
        Assert.Null(disabled.EnabledTime);
    }

    [Fact]
    public async Task Enable_AlreadyEnabled_SameEnablementReturnedAndBilledOnce()
    {
        await using var t = new TestCloud();
        var snapshot = await t.CompletedSnapshotAsync();
        var first = Assert.Single((await t.Ec2.EnableAsync(snapshot.SnapshotId, "us-east-1a")).Successful);
        t.Time.Advance(TimeSpan.FromMinutes(5));

        var again = Assert.Single((await t.Ec2.EnableAsync(snapshot.SnapshotId, "us-east-1a")).Successful);

        Assert.Equal(first.EnablingTime, again.EnablingTime);
        Assert.Equal(FastSnapshotRestoreStateCode.Enabled, again.State);
        Assert.Single(FsrLedger.Entries(t), e => e.Type == UsageType.FastSnapshotRestore);
    }

    [Fact]
    public async Task Enable_SixthSnapshot_ResourceLimitExceededInEachZoneUntilOneIsDisabled()
    {
        await using var t = new TestCloud();
        var snapshots = new List<Snapshot>();
        for (var i = 0; i < 6; i++)
        {
            snapshots.Add(await t.CompletedSnapshotAsync());
        }

        foreach (var s in snapshots.Take(5))
        {
            Assert.Equal(2, (await t.Ec2.EnableAsync(s.SnapshotId, "us-east-1a", "us-east-1b")).Successful.Count);
        }

        var refused = await t.Ec2.EnableAsync(snapshots[5].SnapshotId, "us-east-1a", "us-east-1b");

        Assert.Empty(refused.Successful);
        var item = Assert.Single(refused.Unsuccessful);
        Assert.Equal(snapshots[5].SnapshotId, item.SnapshotId);
        Assert.Equal(["us-east-1a", "us-east-1b"], item.FastSnapshotRestoreStateErrors.Select(e => e.AvailabilityZone));
        Assert.All(item.FastSnapshotRestoreStateErrors, e => Assert.Equal(EbsErrorCodes.ResourceLimitExceeded, e.Error.Code));
        Assert.Equal(10, (await t.Ec2.DescribeFastSnapshotRestoresAsync(new())).FastSnapshotRestores.Count);

        // A snapshot already counted can be enabled in another zone; disabling frees its place once disabled.
        Assert.Single((await t.Ec2.EnableAsync(snapshots[0].SnapshotId, "us-east-1c")).Successful);
        await t.Ec2.DisableAsync(snapshots[0].SnapshotId, "us-east-1a", "us-east-1b", "us-east-1c");
        Assert.Single((await t.Ec2.EnableAsync(snapshots[5].SnapshotId, "us-east-1a")).Unsuccessful);
        t.Time.Advance(TimeSpan.FromMinutes(1));
        Assert.Single((await t.Ec2.EnableAsync(snapshots[5].SnapshotId, "us-east-1a")).Successful);
    }

    [Theory]
    [InlineData("us-east-1z", "The zone 'us-east-1z' does not exist.")]
    [InlineData("us-west-2a", "The zone 'us-west-2a' is in Region 'us-west-2', not in 'us-east-1'.")]
    public async Task Enable_ZoneOutsideTheRegion_InvalidZoneNotFoundForThatZoneOnly(string zone, string message)
    {
        await using var t = new TestCloud();
        var snapshot = await t.CompletedSnapshotAsync();

        var response = await t.Ec2.EnableAsync(snapshot.SnapshotId, zone, "us-east-1a");

        Assert.Equal("us-east-1a", Assert.Single(response.Successful).AvailabilityZone);
        var error = Assert.Single(Assert.Single(response.Unsuccessful).FastSnapshotRestoreStateErrors);
        Assert.Equal(new FastSnapshotRestoreStateErrorItem(zone, new FastSnapshotRestoreStateError(EbsErrorCodes.InvalidZoneNotFound, message)), error);
        Assert.Single((await t.Ec2.DescribeFastSnapshotRestoresAsync(new())).FastSnapshotRestores);
    }

    [Fact]
    public async Task Enable_UnknownAndPendingSnapshots_PerZoneErrorsAndNothingEnabledOrBilled()
    {
        await using var t = new TestCloud();
        var volume = await t.CreateVolumeAsync();
        await t.WriteBlocksAsync(volume.VolumeId, [0], seedBase: 1);
        var pending = await t.Ec2.TakeSnapshotAsync(volume.VolumeId);
        var unknown = SnapshotId.Parse("snap-0123456789abcdef0");
        var ledger = FsrLedger.Entries(t).Count;

        var response = await t.Ec2.EnableFastSnapshotRestoresAsync(new() { AvailabilityZones = ["us-east-1a", "us-east-1b"], SourceSnapshotIds = [unknown, pending.SnapshotId] });

        Assert.Empty(response.Successful);
        Assert.Equal([unknown, pending.SnapshotId], response.Unsuccessful.Select(u => u.SnapshotId));
        Assert.Equal(
            [EbsErrorCodes.InvalidSnapshotNotFound, EbsErrorCodes.InvalidSnapshotNotFound, EbsErrorCodes.InvalidSnapshotInvalidState, EbsErrorCodes.InvalidSnapshotInvalidState],
            response.Unsuccessful.SelectMany(u => u.FastSnapshotRestoreStateErrors).Select(e => e.Error.Code));
        Assert.Empty((await t.Ec2.DescribeFastSnapshotRestoresAsync(new())).FastSnapshotRestores);
        Assert.Equal(ledger, FsrLedger.Entries(t).Count);
    }

    [Fact]
    public async Task Enable_AnotherAccountsSnapshot_InvalidSnapshotNotFound()
    {
        await using var t = new TestCloud();
        var snapshot = await t.CompletedSnapshotAsync();
        var other = t.Cloud.Account("222222222222").Ec2(TestCloud.Region);

        var response = await other.EnableAsync(snapshot.SnapshotId, "us-east-1a");

        Assert.Equal(EbsErrorCodes.InvalidSnapshotNotFound, Assert.Single(Assert.Single(response.Unsuccessful).FastSnapshotRestoreStateErrors).Error.Code);
    }

    public static TheoryData<string, Func<SnapshotId, EnableFastSnapshotRestoresRequest>> WholeRequestErrors => new()
    {
        { EbsErrorCodes.MissingParameter, id => new() { AvailabilityZones = [], SourceSnapshotIds = [id] } },
        { EbsErrorCodes.MissingParameter, id => new() { AvailabilityZones = ["us-east-1a"], SourceSnapshotIds = [] } },
        { EbsErrorCodes.InvalidRequest, id => new() { AvailabilityZones = ["us-east-1a"], SourceSnapshotIds = [.. Enumerable.Repeat(id, 11)] } },
        { EbsErrorCodes.InvalidSnapshotIdMalformed, id => new() { AvailabilityZones = ["us-east-1a"], SourceSnapshotIds = [id, default] } },
    };

    [Theory]
    [MemberData(nameof(WholeRequestErrors))]
    public async Task EnableAndDisable_BadRequest_RefusedWholeAndNothingChanges(string code, Func<SnapshotId, EnableFastSnapshotRestoresRequest> request)
    {
        await using var t = new TestCloud();
        var snapshot = await t.CompletedSnapshotAsync();
        await t.Ec2.EnableAsync(snapshot.SnapshotId, "us-east-1b");
        var enable = request(snapshot.SnapshotId);

        await StateFingerprint.AssertUnchangedAsync(t.Cloud, () => t.Ec2.EnableFastSnapshotRestoresAsync(enable).AsTask(), code);
        await StateFingerprint.AssertUnchangedAsync(
            t.Cloud,
            () => t.Ec2.DisableFastSnapshotRestoresAsync(new() { AvailabilityZones = enable.AvailabilityZones, SourceSnapshotIds = enable.SourceSnapshotIds }).AsTask(),
            code);
    }

    [Fact]
    public async Task Enable_ElevenSnapshots_AwsMessage()
    {
        await using var t = new TestCloud();
        var id = SnapshotId.Parse("snap-0123456789abcdef0");

        var error = await Assert.ThrowsAsync<EbsException>(() => t.Ec2.EnableFastSnapshotRestoresAsync(new() { AvailabilityZones = ["us-east-1a"], SourceSnapshotIds = [.. Enumerable.Repeat(id, 11)] }).AsTask());

        Assert.Equal("Number of values of parameter SourceSnapshotIds must be less than or equal to 10.", error.Message);
    }

    [Fact]
    public async Task Disable_NeverEnabledOrUnknown_PerZoneErrors()
    {
        await using var t = new TestCloud();
        var snapshot = await t.CompletedSnapshotAsync();
        var unknown = SnapshotId.Parse("snap-0123456789abcdef0");

        var response = await t.Ec2.DisableFastSnapshotRestoresAsync(new() { AvailabilityZones = ["us-east-1a"], SourceSnapshotIds = [snapshot.SnapshotId, unknown] });

        Assert.Empty(response.Successful);
        Assert.Equal(
            [EbsErrorCodes.IncorrectState, EbsErrorCodes.InvalidSnapshotNotFound],
            response.Unsuccessful.Select(u => Assert.Single(u.FastSnapshotRestoreStateErrors).Error.Code));
    }

    [Fact]
    public async Task Enable_WhileDisabling_IncorrectStateThenAllowedOnceDisabled()
    {
        await using var t = new TestCloud();
        var snapshot = await t.CompletedSnapshotAsync();
        await t.Ec2.EnableAsync(snapshot.SnapshotId, "us-east-1a");
        await t.Ec2.DisableAsync(snapshot.SnapshotId, "us-east-1a");

        var refused = await t.Ec2.EnableAsync(snapshot.SnapshotId, "us-east-1a");
        t.Time.Advance(TimeSpan.FromMinutes(1));
        var enabled = await t.Ec2.EnableAsync(snapshot.SnapshotId, "us-east-1a");

        Assert.Equal(EbsErrorCodes.IncorrectState, Assert.Single(Assert.Single(refused.Unsuccessful).FastSnapshotRestoreStateErrors).Error.Code);
        var again = Assert.Single(enabled.Successful);
        Assert.Equal((FastSnapshotRestoreStateCode.Enabling, (DateTimeOffset?)t.Time.GetUtcNow(), (DateTimeOffset?)null), (again.State, again.EnablingTime, again.DisablingTime));
    }

    [Fact]
    public async Task Describe_FiltersAndPages_ByStateZoneOwnerAndSnapshot()
    {
        await using var t = new TestCloud();
        var small = await t.CompletedSnapshotAsync(sizeGiB: 1);
        var large = await t.CompletedSnapshotAsync(sizeGiB: 4096);
        await t.Ec2.EnableAsync(small.SnapshotId, "us-east-1a", "us-east-1b");
        await t.Ec2.EnableAsync(large.SnapshotId, "us-east-1a");
        t.Time.Advance(TimeSpan.FromMinutes(2));

        async Task<List<(SnapshotId, string)>> ListAsync(params Filter[] filters)
            => [.. (await t.Ec2.DescribeFastSnapshotRestoresAsync(new() { Filters = filters })).FastSnapshotRestores.Select(r => (r.SnapshotId, r.AvailabilityZone))];

        Assert.Equal([(small.SnapshotId, "us-east-1a"), (small.SnapshotId, "us-east-1b")], await ListAsync(new Filter("state", "enabled")));
        Assert.Equal([(large.SnapshotId, "us-east-1a")], await ListAsync(new Filter("state", "optimizing")));
        Assert.Equal(2, (await ListAsync(new Filter("availability-zone", "us-east-1a"))).Count);
        Assert.Equal(3, (await ListAsync(new Filter("owner-id", TestCloud.Account))).Count);
        Assert.Empty(await ListAsync(new Filter("owner-id", "222222222222")));
        Assert.Empty((await t.Cloud.Account("222222222222").Ec2(TestCloud.Region).DescribeFastSnapshotRestoresAsync(new())).FastSnapshotRestores);

        var first = await t.Ec2.DescribeFastSnapshotRestoresAsync(new() { MaxResults = 2 });
        var second = await t.Ec2.DescribeFastSnapshotRestoresAsync(new() { MaxResults = 2, NextToken = first.NextToken });
        Assert.Equal(2, first.FastSnapshotRestores.Count);
        Assert.Single(second.FastSnapshotRestores);
        Assert.Null(second.NextToken);
    }

    [Theory]
    [InlineData(0)]
    [InlineData(201)]
    public async Task Describe_MaxResultsOutside1To200_InvalidParameterValue(int maxResults)
    {
        await using var t = new TestCloud();

        var error = await Assert.ThrowsAsync<EbsException>(() => t.Ec2.DescribeFastSnapshotRestoresAsync(new() { MaxResults = maxResults }).AsTask());

        Assert.Equal(EbsErrorCodes.InvalidParameterValue, error.ErrorCode);
    }

    [Fact]
    public async Task Describe_UnknownFilter_InvalidParameterValue()
    {
        await using var t = new TestCloud();

        var error = await Assert.ThrowsAsync<EbsException>(() => t.Ec2.DescribeFastSnapshotRestoresAsync(new() { Filters = [new Filter("volume-id", "vol-1")] }).AsTask());

        Assert.Equal(EbsErrorCodes.InvalidParameterValue, error.ErrorCode);
    }

    [Fact]
    public async Task Paginator_PagesOfTwo_YieldsEveryPairOnce()
    {
        await using var t = new TestCloud();
        var snapshot = await t.CompletedSnapshotAsync();
        await t.Ec2.EnableAsync(snapshot.SnapshotId, "us-east-1a", "us-east-1b", "us-east-1c", "us-east-1d", "us-east-1e");

        var zones = new List<string>();
        await foreach (var item in t.Ec2.Paginators.DescribeFastSnapshotRestores(new() { MaxResults = 2 }).FastSnapshotRestores)
        {
            zones.Add(item.AvailabilityZone);
        }

        Assert.Equal(["us-east-1a", "us-east-1b", "us-east-1c", "us-east-1d", "us-east-1e"], zones);
    }

    [Fact]
    public async Task Responses_SerializedAsAwsJson_RoundTripEqual()
    {
        await using var t = new TestCloud();
        var snapshot = await t.CompletedSnapshotAsync();
        var enabled = await t.Ec2.EnableAsync(snapshot.SnapshotId, "us-east-1a", "us-west-2a");
        var described = await t.Ec2.DescribeFastSnapshotRestoresAsync(new());

        var enabledJson = System.Text.Json.JsonSerializer.Serialize(enabled);

        Assert.Contains("\"State\":\"enabling\"", enabledJson, StringComparison.Ordinal);
        Assert.Contains("\"Code\":\"InvalidZone.NotFound\"", enabledJson, StringComparison.Ordinal);
        Assert.Equal(enabled, System.Text.Json.JsonSerializer.Deserialize<EnableFastSnapshotRestoresResponse>(enabledJson));
        Assert.Equal(described, System.Text.Json.JsonSerializer.Deserialize<DescribeFastSnapshotRestoresResponse>(System.Text.Json.JsonSerializer.Serialize(described)));
    }
}
