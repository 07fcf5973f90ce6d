using BenchmarkDotNet.Attributes;
using Ebs.Core.Domain;
using Ebs.Core.Services;
using Microsoft.Extensions.Time.Testing;

namespace Ebs.Core.Benchmarks;

/// <summary>
/// Data Lifecycle Manager runs are scheduled effects: catching up after a clock jump costs the
/// runs due, not the time simulated. <see cref="Volumes"/> tagged volumes (one written block
/// each) and one policy keeping 24 snapshots per volume; the clock jumps once and one call
/// applies every run. A year of daily runs (365 per volume) is the baseline; two weeks of hourly
/// runs (336) should cost about the same although they simulate 26 times less time, and a year of
/// hourly runs (8,760) about 24 times as much.
/// </summary>
[MemoryDiagnoser]
[SimpleJob(launchCount: 1, warmupCount: 1, iterationCount: 5)]
[InvocationCount(1)]
public class LifecyclePolicyBenchmarks
{
    private const int BlockSize = 4096;
    private const string Region = "us-east-1";

    private FakeTimeProvider _time = null!;
    private EbsCloud _cloud = null!;

    /// <summary>Gets or sets the number of targeted volumes.</summary>
    [Params(100)]
    public int Volumes { get; set; }

    [IterationSetup(Target = nameof(DailyForAYear))]
    public void SetupDaily() => Build(intervalHours: 24);

    [IterationSetup(Targets = [nameof(HourlyForTwoWeeks), nameof(HourlyForAYear)])]
    public void SetupHourly() => Build(intervalHours: 1);

    [IterationCleanup]
    public void Cleanup() => _cloud.DisposeAsync().AsTask().GetAwaiter().GetResult();

    [Benchmark(Baseline = true)]
    public ValueTask DailyForAYear() => JumpAsync(TimeSpan.FromDays(365));

    [Benchmark]
    public ValueTask HourlyForTwoWeeks() => JumpAsync(TimeSpan.FromDays(14));

    [Benchmark]
    public ValueTask HourlyForAYear() => JumpAsync(TimeSpan.FromDays(365));

    private ValueTask JumpAsync(TimeSpan by)
    {
        _time.Advance(by);
        return _cloud.ApplyDueWorkAsync();
    }

    private void Build(int intervalHours)
    {
        _time = new FakeTimeProvider(BenchData.Epoch);
        _cloud = EbsCloud.CreateInMemory(o => o.BlockSize = BlockSize, _time);
        var account = _cloud.Account("111111111111");
        var ec2 = account.Ec2(Region);
        var block = new byte[BlockSize];
        for (var i = 0; i < Volumes; i++)
        {
            var volume = ec2.CreateVolumeAsync(new CreateVolumeRequest
            {
                AvailabilityZone = "us-east-1a",
                Size = 1,
                TagSpecifications = [new TagSpecification { ResourceType = ResourceType.Volume, Tags = [new Tag("backup", "on")] }],
            }).AsTask().GetAwaiter().GetResult().Volume;
            BenchData.Stamp(block, 0, i);
            ec2.WriteVolumeAsync(new WriteVolumeRequest { VolumeId = volume.VolumeId, Writes = [new VolumeWrite(0, block)] }).AsTask().GetAwaiter().GetResult();
        }

        account.Dlm(Region).CreateLifecyclePolicyAsync(new CreateLifecyclePolicyRequest
        {
            ExecutionRoleArn = "arn:aws:iam::111111111111:role/AWSDataLifecycleManagerDefaultRole",
            Description = "Benchmark",
            State = SettablePolicyStateValues.Enabled,
            PolicyDetails = new PolicyDetails
            {
                ResourceTypes = [ResourceTypeValues.Volume],
                TargetTags = [new Tag("backup", "on")],
                Schedules =
                [
                    new Schedule
                    {
                        Name = "Runs",
                        CreateRule = new CreateRule { Interval = intervalHours, IntervalUnit = IntervalUnitValues.Hours, Times = ["00:30"] },
                        RetainRule = new RetainRule { Count = 24 },
                    },
                ],
            },
        }).AsTask().GetAwaiter().GetResult();
    }
}
