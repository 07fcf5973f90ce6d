using System.Runtime.Versioning;
using System.Security.Cryptography;
using Ebs.Cli.Transfer;
using Ebs.Core.Tests;

namespace Ebs.Cli.Tests;

/// <summary>
/// <c>volume export</c> writes only what the user named: never the store, never over a device
/// node or pipe with a new file, through symbolic links, with the replaced file's permissions.
/// Unix only: pipes, device nodes and modes.
/// </summary>
[UnsupportedOSPlatform("windows")]
public sealed class ExportTargetTests
{
    private const UnixFileMode Private = UnixFileMode.UserRead | UnixFileMode.UserWrite;

    [Theory]
    [InlineData("store/state.db")]
    [InlineData("store/chunks/../state.db")]
    [InlineData("alias/state.db")]
    [InlineData("alias/new.img")]
    public async Task VolumeExport_TargetInsideStore_RefusedAndStoreUnchanged(string target)
    {
        using var dir = new TempDirectory();
        var (ebs, volume, _) = await ImportAsync(dir);
        File.CreateSymbolicLink(Path.Combine(dir.Path, "alias"), Path.Combine(dir.Path, "store"));
        var before = StoreHash(dir);

        var (exitCode, output, error) = await ebs.RunAsync("volume", "export", volume, Path.Combine(dir.Path, target), "--force");

        Assert.Equal(1, exitCode);
        Assert.Empty(output);
        Assert.Equal($"ebs: '{Path.Combine(dir.Path, target)}' is inside the store '{Path.Combine(dir.Path, "store")}'; export to a file outside it.\n", error);
        Assert.Equal(before, StoreHash(dir));
        Assert.Single((await ebs.JsonAsync("volume", "list")).GetProperty("Volumes").EnumerateArray());
    }

    [Fact]
    public async Task VolumeExport_Pipe_StreamsTheImageIntoIt()
    {
        using var dir = new TempDirectory();
        var (ebs, volume, image) = await ImportAsync(dir);
        var pipe = Path.Combine(dir.Path, "pipe");
        await TestFiles.RunAsync("mkfifo", pipe);
        var read = Task.Run(() => File.ReadAllBytesAsync(pipe));

        var (exitCode, output, error) = await ebs.RunAsync("volume", "export", volume, pipe);

        Assert.True(exitCode == 0, error);
        Assert.Equal(string.Empty, output); // the pipe may be standard output itself
        Assert.Equal(await File.ReadAllBytesAsync(image), await read.WaitAsync(TimeSpan.FromMinutes(1)));
        Assert.Equal(FileKind.Pipe, FileKinds.Of(pipe));
    }

    [Fact]
    public async Task VolumeExport_CharacterDevice_WrittenInPlace()
    {
        using var dir = new TempDirectory();
        var (ebs, volume, _) = await ImportAsync(dir);
        var device = Path.Combine(dir.Path, "null");
        await TestFiles.RunAsync("mknod", device, "c", "1", "3");

        var (exitCode, _, error) = await ebs.RunAsync("volume", "export", volume, device);

        Assert.True(exitCode == 0, error);
        Assert.Equal(FileKind.CharacterDevice, FileKinds.Of(device));
        Assert.Equal(["big.img", "null", "store"], TestFiles.Entries(dir));
    }

    [Fact]
    public async Task VolumeExport_BlockDeviceWithoutForce_RefusedAndKept()
    {
        using var dir = new TempDirectory();
        var (ebs, volume, _) = await ImportAsync(dir);
        var device = Path.Combine(dir.Path, "disk");
        await TestFiles.RunAsync("mknod", device, "b", "7", "0");

        var (exitCode, _, error) = await ebs.RunAsync("volume", "export", volume, device);

        Assert.Equal(1, exitCode);
        Assert.Equal($"ebs: '{device}' is a block device; pass --force to write the image over it.\n", error);
        Assert.Equal(FileKind.BlockDevice, FileKinds.Of(device));
    }

    [Fact]
    public async Task VolumeExport_SymbolicLink_ReplacesItsTargetAndKeepsTheLink()
    {
        using var dir = new TempDirectory();
        var (ebs, volume, image) = await ImportAsync(dir);
        var real = Path.Combine(dir.Path, "real.img");
        await File.WriteAllTextAsync(real, "old");
        var link = Path.Combine(dir.Path, "link.img");
        File.CreateSymbolicLink(link, real);

        await ebs.JsonAsync("volume", "export", volume, link, "--force");

        Assert.Equal(real, new FileInfo(link).LinkTarget);
        Assert.Equal(await File.ReadAllBytesAsync(image), await File.ReadAllBytesAsync(real));
    }

    [Fact]
    public async Task VolumeExport_ReplacingPrivateFile_StaysPrivate()
    {
        using var dir = new TempDirectory();
        var (ebs, volume, image) = await ImportAsync(dir);
        var target = Path.Combine(dir.Path, "out.img");
        await File.WriteAllTextAsync(target, "old");
        File.SetUnixFileMode(target, Private);

        await ebs.JsonAsync("volume", "export", volume, target, "--force");

        Assert.Equal(Private, File.GetUnixFileMode(target));
        Assert.Equal(await File.ReadAllBytesAsync(image), await File.ReadAllBytesAsync(target));
    }

    [Fact]
    public async Task VolumeExport_NewFile_GetsTheModeOfAnyNewFile()
    {
        using var dir = new TempDirectory();
        var (ebs, volume, _) = await ImportAsync(dir);
        var target = Path.Combine(dir.Path, "out.img");
        var sibling = Path.Combine(dir.Path, "sibling");
        await File.WriteAllTextAsync(sibling, "made the usual way");

        await ebs.JsonAsync("volume", "export", volume, target);

        Assert.Equal(File.GetUnixFileMode(sibling), File.GetUnixFileMode(target));
    }

    [Fact]
    public async Task ExportAsync_WhileWriting_PartialFileIsPrivate()
    {
        using var dir = new TempDirectory();
        await using var t = new TestCloud();
        var volume = await t.Ec2.ImportVolumeAsync(new Core.Services.ImportVolumeRequest { AvailabilityZone = "us-east-1a", Source = new MemoryStream(TestCloud.Image(1 << 20, seed: 5)) });
        var target = ExportTarget.Resolve(Path.Combine(dir.Path, "out.img"), Path.Combine(dir.Path, "store"), force: false);
        var modes = new List<UnixFileMode>();

        await DiskImage.ExportAsync(t.Ec2, volume.Volume.VolumeId, 1 << 20, TestCloud.BlockSize, target, new ModeOnReport(dir.Path, modes), CancellationToken.None);

        Assert.Equal([Private], modes);
        Assert.NotEqual(Private, File.GetUnixFileMode(target.Path));
    }

    [Fact]
    public async Task VolumeExport_PartialFilesLeftBehind_RemovesOnlyAbandonedOnesOfThatName()
    {
        using var dir = new TempDirectory();
        var (ebs, volume, _) = await ImportAsync(dir);
        var abandoned = Path.Combine(dir.Path, $".out.img.{Guid.NewGuid():N}.partial");
        var held = Path.Combine(dir.Path, $".out.img.{Guid.NewGuid():N}.partial");
        string[] others = [$".other.img.{Guid.NewGuid():N}.partial", ".out.img.notaguid.partial", $".out.img.{Guid.NewGuid():N}.partial.bak"];
        foreach (var name in (string[])[abandoned, held, .. others.Select(o => Path.Combine(dir.Path, o))])
        {
            await File.WriteAllTextAsync(name, "x");
        }

        using (new FileStream(held, FileMode.Open, FileAccess.Write, FileShare.None))
        {
            await ebs.JsonAsync("volume", "export", volume, Path.Combine(dir.Path, "out.img"));
        }

        Assert.Equal([.. others.Append(Path.GetFileName(held)).Append("big.img").Append("out.img").Append("store").Order(StringComparer.Ordinal)], TestFiles.Entries(dir));
    }

    [Fact]
    public async Task VolumeExport_Directory_RefusedNamingIt()
    {
        using var dir = new TempDirectory();
        var (ebs, volume, _) = await ImportAsync(dir);
        var folder = Directory.CreateDirectory(Path.Combine(dir.Path, "folder")).FullName;

        var (plain, _, error) = await ebs.RunAsync("volume", "export", volume, folder);
        var (forced, _, forcedError) = await ebs.RunAsync("volume", "export", volume, folder, "--force");

        Assert.Equal((1, 1), (plain, forced));
        Assert.Equal($"ebs: '{folder}' is a directory; give the name of the image file to write.\n", error);
        Assert.Equal(error, forcedError);
        Assert.Empty(Directory.EnumerateFileSystemEntries(folder));
    }

    [Fact]
    public async Task VolumeExport_MissingFolder_RefusedNamingIt()
    {
        using var dir = new TempDirectory();
        var (ebs, volume, _) = await ImportAsync(dir);
        var target = Path.Combine(dir.Path, "missing", "x.img");

        var (exitCode, _, error) = await ebs.RunAsync("volume", "export", volume, target);

        Assert.Equal(1, exitCode);
        Assert.Equal($"ebs: Cannot write '{target}': the folder '{Path.Combine(dir.Path, "missing")}' does not exist.\n", error);
    }

    /// <summary>Imports a small image of random bytes with holes, <c>big.img</c>, into a new store, <c>store</c>.</summary>
    private static async Task<(CliRunner Ebs, string Volume, string Image)> ImportAsync(TempDirectory dir)
    {
        var ebs = new CliRunner(Path.Combine(dir.Path, "store"), asProcess: false);
        var image = await TestFiles.WriteImageAsync(dir);
        var volume = (await ebs.JsonAsync("volume", "import", image)).GetProperty("VolumeId").GetString()!;
        return (ebs, volume, image);
    }

    private static string StoreHash(TempDirectory dir)
        => string.Join(',', Directory.EnumerateFiles(Path.Combine(dir.Path, "store"), "*", SearchOption.AllDirectories)
            .Order(StringComparer.Ordinal)
            .Select(f => $"{f}:{Convert.ToHexString(SHA256.HashData(File.ReadAllBytes(f)))}"));

    /// <summary>Records the mode of the partial file each time the export reports progress.</summary>
    private sealed class ModeOnReport(string folder, List<UnixFileMode> modes) : IProgress<long>
    {
        public void Report(long value) => modes.AddRange(Directory.EnumerateFiles(folder, "*.partial").Select(File.GetUnixFileMode));
    }
}
