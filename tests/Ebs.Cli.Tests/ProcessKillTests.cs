using System.Diagnostics;
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
/// mis-counted (leaks are allowed and repaired), every snapshot still holds exactly the
/// bytes it held when it was first seen, a volume appears only when its import completed
/// (holding the whole image) and no unfinished import is left in the store, and an export's
/// file exists only when complete.
/// </summary>
public sealed class ProcessKillTests
{
    private const int Kills = 10;

    /// <summary>Rounds run until <see cref="Kills"/> children were killed, but no more than this.</summary>
    private const int MaxRounds = 4 * Kills;

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
        var tried = new HashSet<string>();
        var took = new Dictionary<string, int>();
        for (var round = 0; killed < Kills && round < MaxRounds; round++)
        {
            var bytes = new byte[(4 + random.Next(12)) << 20];
            random.NextBytes(bytes);
            await File.WriteAllBytesAsync(image, bytes);
            var export = Path.Combine(dir.Path, $"export-{round}.img");
            string[] args = (round % 4 == 3 ? 4 : random.Next(6), volumes.Count, snapshots.Count) switch
            {
                (0, > 0, _) => ["volume", "import", image, "--volume", volumes[random.Next(volumes.Count)]],
                (1, > 0, _) => ["snapshot", "create", volumes[random.Next(volumes.Count)]],
                (2, _, > 0) => ["snapshot", "delete", snapshots[random.Next(snapshots.Count)]],
                (3, > 1, _) => ["volume", "delete", volumes[random.Next(volumes.Count)]],
                (4, > 0, _) => ["volume", "export", volumes[random.Next(volumes.Count)], export],
                _ => ["volume", "import", image],
            };
            var kind = $"{args[0]} {args[1]}";
            tried.Add(kind);
            var clock = Stopwatch.StartNew();
            using (var child = CliRunner.Start([.. args, "--store", store]))
            {
                // Every third child may finish, so that imports complete and the other commands
                // have volumes to work on; the others are killed at any point of the time the
                // last child of their kind took to finish.
                if (round % 3 != 2)
                {
                    await Task.Delay(random.Next(50, took.GetValueOrDefault(kind, 2000)));
                    if (!child.HasExited)
                    {
                        child.Kill(entireProcessTree: true);
                        killed++;
                    }
                }

                await child.WaitForExitAsync();
                if (child.ExitCode == 0)
                {
                    took[kind] = (int)clock.ElapsedMilliseconds;
                }
            }

            (volumes, snapshots) = await CheckAsync(store, seen, new Round(args, volumes, bytes, export));
        }

        Assert.True(killed == Kills, $"only {killed} of {MaxRounds} children were killed before they finished");
        Assert.True(tried.Count > 1, "no import completed, so nothing but imports was tried");
    }

    private static async Task<(List<string> Volumes, List<string> Snapshots)> CheckAsync(string store, Dictionary<SnapshotId, ulong> seen, Round round)
    {
        List<string> volumes, snapshotIds;

        // A clock a day ahead sees every snapshot completed.
        var clock = new FakeTimeProvider(DateTimeOffset.UtcNow.AddDays(1));
        await using (var cloud = await LocalDirectory.OpenAsync(store, new EbsOptions(), clock))
        {
            await CrashChecks.AssertOnlyLeaksThenRepairAsync(cloud);

            var ec2 = cloud.Account("111111111111").Ec2("us-east-1");
            var direct = cloud.Account("111111111111").EbsDirect("us-east-1");
            var listed = await ec2.ListVolumesAsync();
            await CheckImportAsync(ec2, round, listed);
            await CheckExportAsync(ec2, round);
            var snapshots = await ec2.ListSnapshotsAsync();
            foreach (var snapshot in snapshots)
            {
                var hash = await ContentHashAsync(ec2, direct, snapshot.SnapshotId);
                Assert.Equal(seen.GetValueOrDefault(snapshot.SnapshotId, hash), hash);
                seen[snapshot.SnapshotId] = hash;
            }

            (volumes, snapshotIds) = ([.. listed.Select(v => v.VolumeId.Value)], [.. snapshots.Select(s => s.SnapshotId.Value)]);
        }

        // Opening removed any import a kill left unfinished: the store holds only the listed volumes.
        await using var state = SqliteStateStore.Open(Path.Combine(store, LocalDirectory.StateFileName), EbsOptions.DefaultBlockSize);
        Assert.Equal(volumes.Count, (await state.LoadAsync()).Documents.Count(d => d.Kind == "volume"));
        return (volumes, snapshotIds);
    }

    /// <summary>A volume that appeared in a round is the round's new import, completed: it holds the whole image.</summary>
    private static async Task CheckImportAsync(Ec2Client ec2, Round round, IReadOnlyList<Volume> listed)
    {
        var added = listed.Where(v => !round.VolumesBefore.Contains(v.VolumeId.Value)).ToList();
        if (added.Count == 0)
        {
            return;
        }

        var volume = Assert.Single(added);
        Assert.Equal(["volume", "import", round.Args[2]], round.Args);
        Assert.Equal(round.Image.Length, volume.DiskImageSizeInBytes);
        var bytes = new byte[round.Image.Length];
        await ec2.ReadAtAsync(volume.VolumeId, 0, bytes);
        Assert.True(bytes.AsSpan().SequenceEqual(round.Image), $"{volume.VolumeId} is listed but does not hold the whole image");
    }

    /// <summary>An export's file, if the round left one, is complete: the volume's image, byte for byte.</summary>
    private static async Task CheckExportAsync(Ec2Client ec2, Round round)
    {
        if (round.Args[1] != "export" || !File.Exists(round.Export))
        {
            return;
        }

        var volume = await ec2.DescribeVolumeAsync(VolumeId.Parse(round.Args[2]));
        var bytes = new byte[volume.DiskImageSizeInBytes ?? volume.SizeInBytes];
        await ec2.ReadAtAsync(volume.VolumeId, 0, bytes);
        var exported = await File.ReadAllBytesAsync(round.Export);
        Assert.True(bytes.AsSpan().SequenceEqual(exported), $"{round.Export} exists but is not {volume.VolumeId}'s image");
    }

    private static async Task<ulong> ContentHashAsync(Ec2Client ec2, EbsDirectClient direct, SnapshotId snapshot)
    {
        var volume = await ec2.CreateVolumeAsync(new CreateVolumeRequest { AvailabilityZone = "us-east-1b", SnapshotId = snapshot });
        var hash = new XxHash64();
        var block = new byte[EbsOptions.DefaultBlockSize];
        await foreach (var index in direct.Paginators.ListChangedBlocks(new() { SecondSnapshotId = snapshot }).ChangedBlocks.Select(b => b.BlockIndex))
        {
            await ec2.ReadAtAsync(volume.Volume.VolumeId, index * block.Length, block);
            hash.Append(BitConverter.GetBytes(index));
            hash.Append(block);
        }

        await ec2.DeleteVolumeAsync(volume.Volume.VolumeId);
        return hash.GetCurrentHashAsUInt64();
    }

    /// <summary>One round's command, the volumes listed before it, the image it may import and the file it may export.</summary>
    private sealed record Round(string[] Args, List<string> VolumesBefore, byte[] Image, string Export);
}
