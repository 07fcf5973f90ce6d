using System.IO.Hashing;
using Ebs.Core;
using Ebs.Core.Domain;
using Ebs.Core.Services;
using Ebs.Core.Tests;
using Ebs.Core.Tests.Storage;
using Ebs.Storage.Sqlite;
using Microsoft.Extensions.Time.Testing;

namespace Ebs.Cli.Tests;

/// <summary>
/// <c>ebs</c> processes doing random work on one directory are killed (SIGKILL) at random
/// moments; after each kill the directory reopens, fsck finds nothing missing, corrupt or
/// mis-counted (leaks are allowed and repaired), and every snapshot still holds exactly the
/// bytes it held when it was first seen.
/// </summary>
public sealed class ProcessKillTests
{
    private const int Kills = 12;

    [Fact]
    public async Task RandomWorkKilledAtRandomMoments_DirectoryStaysConsistent()
    {
        using var dir = new TempDirectory();
        var store = Path.Combine(dir.Path, "store");
        var random = new Random(7);
        var image = Path.Combine(dir.Path, "disk.img");
        var seen = new Dictionary<SnapshotId, ulong>();
        var (volumes, snapshots) = (new List<string>(), new List<string>());
        var killed = 0;
        for (var round = 0; round < Kills; round++)
        {
            var bytes = new byte[(4 + random.Next(12)) << 20];
            random.NextBytes(bytes);
            await File.WriteAllBytesAsync(image, bytes);
            string[] args = (random.Next(5), volumes.Count, snapshots.Count) switch
            {
                (0, > 0, _) => ["volume", "import", image, "--volume", volumes[random.Next(volumes.Count)]],
                (1, > 0, _) => ["snapshot", "create", volumes[random.Next(volumes.Count)]],
                (2, _, > 0) => ["snapshot", "delete", snapshots[random.Next(snapshots.Count)]],
                (3, > 1, _) => ["volume", "delete", volumes[random.Next(volumes.Count)]],
                _ => ["volume", "import", image],
            };
            using (var child = CliRunner.Start([.. args, "--store", store]))
            {
                await Task.Delay(random.Next(50, 600));
                if (!child.HasExited)
                {
                    child.Kill(entireProcessTree: true);
                    killed++;
                }

                await child.WaitForExitAsync();
            }

            (volumes, snapshots) = await CheckAsync(store, seen);
        }

        Assert.True(killed >= Kills / 3, $"only {killed} of {Kills} children were killed before they finished");
    }

    private static async Task<(List<string> Volumes, List<string> Snapshots)> CheckAsync(string store, Dictionary<SnapshotId, ulong> seen)
    {
        // A clock a day ahead sees every snapshot completed.
        var clock = new FakeTimeProvider(DateTimeOffset.UtcNow.AddDays(1));
        await using var cloud = await LocalDirectory.OpenAsync(store, new EbsOptions(), clock);
        await CrashChecks.AssertOnlyLeaksThenRepairAsync(cloud);

        var ec2 = cloud.Account("111111111111").Ec2("us-east-1");
        var direct = cloud.Account("111111111111").EbsDirect("us-east-1");
        var snapshots = await ec2.DescribeSnapshotsAsync();
        foreach (var snapshot in snapshots)
        {
            var hash = await ContentHashAsync(ec2, direct, snapshot.Id);
            Assert.Equal(seen.GetValueOrDefault(snapshot.Id, hash), hash);
            seen[snapshot.Id] = hash;
        }

        return ([.. (await ec2.DescribeVolumesAsync()).Select(v => v.Id.Value)], [.. snapshots.Select(s => s.Id.Value)]);
    }

    private static async Task<ulong> ContentHashAsync(Ec2Client ec2, EbsDirectClient direct, SnapshotId snapshot)
    {
        var volume = await ec2.CreateVolumeAsync(new CreateVolumeRequest { AvailabilityZone = "us-east-1b", SnapshotId = snapshot });
        var hash = new XxHash64();
        var block = new byte[EbsOptions.DefaultBlockSize];
        await foreach (var index in direct.ListAllChangedBlocksAsync(null, snapshot))
        {
            await ec2.ReadVolumeAsync(volume.Id, index * block.Length, block);
            hash.Append(BitConverter.GetBytes(index));
            hash.Append(block);
        }

        await ec2.DeleteVolumeAsync(volume.Id);
        return hash.GetCurrentHashAsUInt64();
    }
}
