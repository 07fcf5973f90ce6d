using System.Diagnostics;
using Ebs.Core;
using Ebs.Core.Chunks;
using Ebs.Core.Domain;
using Ebs.Core.Services;
using Ebs.Core.Tests;
using Ebs.Core.Tests.Storage;
using Ebs.Storage.Sqlite;
using Ebs.Storage.Sqlite.Tests;

namespace Ebs.Cli.Tests;

/// <summary>
/// <c>ebs</c> processes killed (SIGKILL) while they repack or move a first-layout store into
/// packs: after each kill the store reopens, fsck finds nothing missing or corrupt (leaks and
/// unrecorded pack tails are allowed, and repaired), the volume holds exactly its bytes, and no
/// chunk file was deleted before its chunk had a recorded location.
/// </summary>
public sealed class PackKillTests
{
    private const int B = EbsOptions.DefaultBlockSize;
    private const int Rounds = 5;

    [Fact]
    public async Task RepackKilledAtRandomMoments_StoreStaysConsistent()
    {
        using var dir = new TempDirectory();
        var template = Path.Combine(dir.Path, "template");
        var random = new Random(11);
        var (volume, image) = await SparsePacksAsync(template, random);
        var took = 1500;
        for (var round = 0; round < Rounds; round++)
        {
            var store = Path.Combine(dir.Path, $"store-{round}");
            CopyDirectory(template, store);
            var clock = Stopwatch.StartNew();
            using (var child = CliRunner.Start(["store", "repack", "--store", store]))
            {
                // The first round finishes, to learn how long a repack takes; the others are killed within that time.
                if (round > 0)
                {
                    await Task.Delay(random.Next(50, took));
                    if (!child.HasExited)
                    {
                        child.Kill(entireProcessTree: true);
                    }
                }

                await child.WaitForExitAsync();
                if (round == 0)
                {
                    Assert.True(child.ExitCode == 0, await child.StandardError.ReadToEndAsync());
                    took = Math.Max(100, (int)clock.ElapsedMilliseconds);
                }
            }

            await CheckAsync(store, volume, image);
        }
    }

    [Fact]
    public async Task MoveIntoPacksKilledAtRandomMoments_NoChunkFileDeletedBeforeItsLocationAndTheStoreStaysConsistent()
    {
        using var dir = new TempDirectory();
        var store = Path.Combine(dir.Path, "store");
        var chunkRoot = Path.Combine(store, LocalDirectory.ChunkFolderName);
        var image = RandomImage(new Random(13), 48 << 20);
        VolumeId volume;
        Directory.CreateDirectory(store);
        await using (var cloud = await EbsCloud.OpenAsync(new EbsOptions(), new FileChunkStore(chunkRoot), SqliteStateStore.Open(Path.Combine(store, LocalDirectory.StateFileName), B)))
        {
            volume = (await cloud.Account(StoreSettingsAccount).Ec2(StoreSettingsRegion).ImportVolumeAsync(new ImportVolumeRequest { AvailabilityZone = "us-east-1a", Source = new MemoryStream(image) })).Volume.VolumeId;
        }

        var chunks = PackedChunks.FirstLayoutFiles(chunkRoot).ToHashSet();
        Assert.Equal(image.Length / B, chunks.Count);
        var random = new Random(17);
        for (var round = 0; round < Rounds && PackedChunks.FirstLayoutFiles(chunkRoot).Count > 0; round++)
        {
            using (var child = CliRunner.Start(["volume", "list", "--store", store]))
            {
                await Task.Delay(random.Next(300, 3000));
                if (!child.HasExited)
                {
                    child.Kill(entireProcessTree: true);
                }

                await child.WaitForExitAsync();
            }

            // Every chunk is still a file of the first layout, or recorded in a pack, or both.
            var kept = PackedChunks.FirstLayoutFiles(chunkRoot).Concat(await PackedChunks.LocatedAsync(store, B)).ToHashSet();
            Assert.Subset(kept, chunks);
        }

        await CheckAsync(store, volume, image);
        Assert.Empty(PackedChunks.FirstLayoutFiles(chunkRoot));
    }

    private const string StoreSettingsAccount = "111111111111";
    private const string StoreSettingsRegion = "us-east-1";

    /// <summary>Opens the store: only leaks and unrecorded tails may be found (and are repaired), and the volume holds the image.</summary>
    private static async Task CheckAsync(string store, VolumeId volume, byte[] image)
    {
        await using var cloud = await LocalDirectory.OpenAsync(store, new EbsOptions());
        await CrashChecks.AssertOnlyLeaksThenRepairAsync(cloud);
        var packs = await LocalDirectory.CheckPacksAsync(cloud, repair: true, force: true);
        Assert.Empty(packs.Problems);
        Assert.True((await LocalDirectory.CheckPacksAsync(cloud)).IsClean);
        var read = new byte[image.Length];
        await cloud.Account(StoreSettingsAccount).Ec2(StoreSettingsRegion).ReadAtAsync(volume, 0, read);
        Assert.True(image.AsSpan().SequenceEqual(read), "the volume's bytes changed");
    }

    /// <summary>
    /// A store whose first pack is mostly dead: a 24-MiB image imported, then four blocks in
    /// five of it overwritten, so that the old blocks' chunks are freed.
    /// </summary>
    private static async Task<(VolumeId Volume, byte[] Image)> SparsePacksAsync(string store, Random random)
    {
        var image = RandomImage(random, 24 << 20);
        await using var cloud = await LocalDirectory.OpenAsync(store, new EbsOptions());
        var ec2 = cloud.Account(StoreSettingsAccount).Ec2(StoreSettingsRegion);
        var volume = (await ec2.ImportVolumeAsync(new ImportVolumeRequest { AvailabilityZone = "us-east-1a", Source = new MemoryStream(image) })).Volume.VolumeId;
        var changed = (byte[])image.Clone();
        for (var block = 0; block < image.Length / B; block++)
        {
            if (block % 5 < 4)
            {
                random.NextBytes(changed.AsSpan(block * B, B));
            }
        }

        await ec2.ImportVolumeAsync(new ImportVolumeRequest { VolumeId = volume, Source = new MemoryStream(changed) });
        return (volume, changed);
    }

    private static byte[] RandomImage(Random random, int length)
    {
        var image = new byte[length];
        random.NextBytes(image);
        return image;
    }

    private static void CopyDirectory(string from, string to)
    {
        foreach (var file in Directory.EnumerateFiles(from, "*", SearchOption.AllDirectories))
        {
            var target = Path.Combine(to, Path.GetRelativePath(from, file));
            Directory.CreateDirectory(Path.GetDirectoryName(target)!);
            File.Copy(file, target);
        }
    }
}
