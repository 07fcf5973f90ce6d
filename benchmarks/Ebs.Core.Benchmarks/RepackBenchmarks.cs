using BenchmarkDotNet.Attributes;
using Ebs.Core.Domain;
using Ebs.Core.Services;
using Ebs.Storage.Sqlite;

namespace Ebs.Core.Benchmarks;

/// <summary>
/// Repacking the local directory (<c>ebs store repack</c>): a 96-MiB volume of random bytes
/// (512-KiB blocks, incompressible, so three packs) is imported, then all but
/// <see cref="LivePercent"/>% of its blocks are overwritten by a second import, which leaves the
/// first packs that sparse. The repack copies the live records out and removes the old packs;
/// the baseline reads the whole volume back, what any full read of the store costs.
/// </summary>
[MemoryDiagnoser]
[SimpleJob(launchCount: 1, warmupCount: 2, iterationCount: 8)]
[InvocationCount(1)]
public class RepackBenchmarks
{
    private const int BlockSize = EbsOptions.DefaultBlockSize;
    private const int Blocks = 192;

    private string _dir = string.Empty;
    private EbsCloud? _cloud;
    private VolumeId _volume;
    private readonly byte[] _read = new byte[Blocks * BlockSize];

    /// <summary>Gets or sets the share of the first import's blocks left unchanged, in percent.</summary>
    [Params(10, 40)]
    public int LivePercent { get; set; }

    [IterationSetup]
    public void Setup()
    {
        _dir = Path.Combine(Path.GetTempPath(), "ebs-repack-" + Guid.NewGuid().ToString("N"));
        var random = new Random(5);
        var image = new byte[Blocks * BlockSize];
        random.NextBytes(image);
        using (var cloud = Open())
        {
            var ec2 = cloud.Account("111111111111").Ec2("us-east-1");
            _volume = ec2.ImportVolumeAsync(new ImportVolumeRequest { AvailabilityZone = "us-east-1a", Source = new MemoryStream(image) }).AsTask().GetAwaiter().GetResult().Volume.VolumeId;
            for (var block = 0; block < Blocks; block++)
            {
                if (block % 10 >= LivePercent / 10)
                {
                    random.NextBytes(image.AsSpan(block * BlockSize, BlockSize));
                }
            }

            ec2.ImportVolumeAsync(new ImportVolumeRequest { VolumeId = _volume, Source = new MemoryStream(image) }).AsTask().GetAwaiter().GetResult();
        }

        _cloud = Open();
    }

    [IterationCleanup]
    public void Cleanup()
    {
        _cloud!.DisposeAsync().AsTask().GetAwaiter().GetResult();
        Directory.Delete(_dir, recursive: true);
    }

    /// <summary>Reads the whole volume: every live chunk once, decoded.</summary>
    [Benchmark(Baseline = true)]
    public async ValueTask<int> ReadVolume()
    {
        await using var stream = _cloud!.Account("111111111111").Ec2("us-east-1").OpenVolume(_volume);
        await stream.ReadExactlyAsync(_read).ConfigureAwait(false);
        return _read.Length;
    }

    [Benchmark]
    public async ValueTask<long> Repack() => (await LocalDirectory.RepackAsync(_cloud!).ConfigureAwait(false)).BytesFreed;

    private EbsCloud Open() => LocalDirectory.OpenAsync(_dir, new EbsOptions()).AsTask().GetAwaiter().GetResult();
}
