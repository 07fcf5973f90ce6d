using System.Text.Json;
using Ebs.Core;
using Ebs.Core.Domain;
using Ebs.Core.Services;
using Ebs.Core.Tests;
using Ebs.Storage.Sqlite;
using Microsoft.Extensions.Time.Testing;

namespace Ebs.Cli.Tests;

/// <summary><c>ebs dlm create|list|get|enable|disable|delete</c>: AWS CLI shapes; runs happen in the store between invocations, in order.</summary>
public sealed class DlmTests : IDisposable
{
    private readonly TempDirectory _dir = new();
    private readonly FakeTimeProvider _time = new(new DateTimeOffset(2026, 1, 1, 0, 0, 0, TimeSpan.Zero));

    public void Dispose() => _dir.Dispose();

    [Fact]
    public async Task CreateListGetDisableDelete_DailyRetain3_RunsBetweenInvocations()
    {
        await SeedTaggedVolumeAsync();

        var policyId = (await Ebs().JsonAsync("dlm", "create", "--target-tag", "backup=daily", "--time", "02:00", "--retain", "3")).GetProperty("PolicyId").GetString()!;
        var listed = (await Ebs().JsonAsync("dlm", "list")).GetProperty("Policies").EnumerateArray().Single();
        var policy = (await Ebs().JsonAsync("dlm", "get", policyId)).GetProperty("Policy");
        _time.Advance(TimeSpan.FromDays(5));
        var afterFive = await SnapshotsAsync();
        await Ebs().JsonAsync("dlm", "disable", policyId);
        _time.Advance(TimeSpan.FromDays(2));
        var whileDisabled = await SnapshotsAsync();
        await Ebs().JsonAsync("dlm", "delete", policyId);

        Assert.Matches("^policy-[0-9a-f]{17}$", policyId);
        Assert.Equal(["PolicyId", "Description", "State", "Tags", "PolicyType"], listed.EnumerateObject().Select(p => p.Name));
        Assert.Equal(("ENABLED", "EBS_SNAPSHOT_MANAGEMENT"), (listed.GetProperty("State").GetString(), listed.GetProperty("PolicyType").GetString()));
        Assert.Equal(3, policy.GetProperty("PolicyDetails").GetProperty("Schedules")[0].GetProperty("RetainRule").GetProperty("Count").GetInt32());
        Assert.Equal($"arn:aws:dlm:us-east-1:111111111111:policy/{policyId}", policy.GetProperty("PolicyArn").GetString());
        Assert.Equal(["2026-01-03T02:00:00.000Z", "2026-01-04T02:00:00.000Z", "2026-01-05T02:00:00.000Z"], afterFive);
        Assert.Equal(afterFive, whileDisabled);
        Assert.Empty((await Ebs().JsonAsync("dlm", "list")).GetProperty("Policies").EnumerateArray());
        Assert.Equal(afterFive, await SnapshotsAsync());
    }

    [Fact]
    public async Task Create_RetainZero_InvalidRequestException()
    {
        var (exitCode, _, error) = await Ebs().RunAsync("dlm", "create", "--retain", "0");

        Assert.Equal(1, exitCode);
        Assert.Contains("InvalidRequestException", error, StringComparison.Ordinal);
    }

    private async Task<string[]> SnapshotsAsync()
        => [.. (await Ebs().JsonAsync("snapshot", "list")).GetProperty("Snapshots").EnumerateArray().Select(s => s.GetProperty("StartTime").GetString()!).Order(StringComparer.Ordinal)];

    private async Task SeedTaggedVolumeAsync()
    {
        await using var cloud = await LocalDirectory.OpenAsync(_dir.Path, new EbsOptions(), _time);
        await cloud.Account("111111111111").Ec2("us-east-1").CreateVolumeAsync(new CreateVolumeRequest
        {
            AvailabilityZone = "us-east-1a",
            Size = 1,
            TagSpecifications = [new TagSpecification { ResourceType = ResourceType.Volume, Tags = [new Tag("backup", "daily")] }],
        });
    }

    private CliRunner Ebs() => new(_dir.Path, asProcess: false, _time);
}
