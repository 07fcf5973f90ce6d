using BenchmarkDotNet.Attributes;
using Ebs.Core.Domain;
using Ebs.Core.Services;
using Ebs.Storage.Sqlite;
using Microsoft.Extensions.Time.Testing;

namespace Ebs.Core.Benchmarks;

/// <summary>
/// CreateSnapshot on the durable local directory after changing 100%, 10% or 1% of a fully
/// written 1-GiB volume (the writes happen in setup, as one run of consecutive blocks, the way
/// files and databases change): the cost must follow the change, not the volume. A snapshot
/// after no change measures the fixed cost every durable call pays (one synchronous commit).
/// </summary>
[MemoryDiagnoser]
[SimpleJob(launchCount: 1, warmupCount: 2, iterationCount: 8)]
[InvocationCount(1)]
public class IncrementalSnapshotBenchmarks
{
    private const int Blocks = 2048; // 1 GiB of 512-KiB blocks

    private readonly byte[] _block = new byte[EbsOptions.DefaultBlockSize];
    private readonly FakeTimeProvider _time = new(BenchData.Epoch);
    private string _root = string.Empty;
    private EbsCloud _cloud = null!;
    private Ec2Client _ec2 = null!;
    private VolumeId _volume;
    private long _round;

    [GlobalSetup]
    public void Setup()
    {
        _root = Directory.CreateTempSubdirectory("ebs-incremental-").FullName;
        _cloud = LocalDirectory.OpenAsync(_root, new EbsOptions(), _time).AsTask().GetAwaiter().GetResult();
        _ec2 = _cloud.Account("111111111111").Ec2("us-east-1");
        _volume = _ec2.CreateVolumeAsync(new CreateVolumeRequest { AvailabilityZone = "us-east-1a", Size = 1 }).AsTask().GetAwaiter().GetResult().Volume.VolumeId;
        Change(Blocks);
        _ec2.CreateSnapshotAsync(new CreateSnapshotRequest { VolumeId = _volume }).AsTask().GetAwaiter().GetResult();
    }

    [GlobalCleanup]
    public void Cleanup()
    {
        _cloud.Dispose();
        Directory.Delete(_root, recursive: true);
    }

    [IterationSetup(Target = nameof(AfterFullChange))]
    public void ChangeAll() => Change(Blocks);

    [IterationSetup(Target = nameof(AfterTenPercentChange))]
    public void ChangeTenPercent() => Change(Blocks / 10);

    [IterationSetup(Target = nameof(AfterOnePercentChange))]
    public void ChangeOnePercent() => Change(Blocks / 100);

    [IterationSetup(Target = nameof(AfterNoChange))]
    public void ChangeNothing() => Change(0);

    [Benchmark(Baseline = true)]
    public ValueTask<CreateSnapshotResponse> AfterFullChange() => _ec2.CreateSnapshotAsync(new CreateSnapshotRequest { VolumeId = _volume });

    [Benchmark]
    public ValueTask<CreateSnapshotResponse> AfterTenPercentChange() => _ec2.CreateSnapshotAsync(new CreateSnapshotRequest { VolumeId = _volume });

    [Benchmark]
    public ValueTask<CreateSnapshotResponse> AfterOnePercentChange() => _ec2.CreateSnapshotAsync(new CreateSnapshotRequest { VolumeId = _volume });

    [Benchmark]
    public ValueTask<CreateSnapshotResponse> AfterNoChange() => _ec2.CreateSnapshotAsync(new CreateSnapshotRequest { VolumeId = _volume });

    private void Change(int count)
    {
        _time.Advance(TimeSpan.FromHours(1)); // earlier snapshots complete: no pending-snapshot limit
        _round++;
        var start = (int)(_round * 97 % (Blocks - count + 1));
        for (var i = start; i < start + count; i++)
        {
            BenchData.Stamp(_block, _round, i);
            _ec2.WriteVolumeAsync(new WriteVolumeRequest { VolumeId = _volume, Writes = [new VolumeWrite((long)i * _block.Length, _block)] }).AsTask().GetAwaiter().GetResult();
        }
    }
}
