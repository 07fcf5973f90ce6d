using Ebs.Core.Tests;
using Microsoft.Extensions.Time.Testing;

namespace Ebs.Cli.Tests;

public sealed class WorkflowTests
{
    private const int BlockSize = 512 * 1024;
    private const int ImageBytes = 64 << 20;

    [Theory]
    [InlineData(false)]
    [InlineData(true)]
    public async Task ImportSnapshotModifyDiffExportFsck_EndToEnd(bool asProcess)
    {
        using var dir = new TempDirectory();
        var ebs = new CliRunner(Path.Combine(dir.Path, "store"), asProcess);
        var image = Path.Combine(dir.Path, "disk.img");
        var random = new Random(asProcess ? 1 : 2);
        var bytes = new byte[ImageBytes];
        random.NextBytes(bytes);
        for (var block = 0; block < ImageBytes / BlockSize; block += 3)
        {
            Array.Clear(bytes, block * BlockSize, BlockSize); // holes
        }

        await File.WriteAllBytesAsync(image, bytes);

        var volume = (await ebs.JsonAsync("volume", "import", image)).GetProperty("VolumeId").GetString()!;
        var first = (await ebs.JsonAsync("snapshot", "create", volume, "-d", "before")).GetProperty("SnapshotId").GetString()!;
        int[] modified = [1, 2, 64];
        foreach (var block in modified)
        {
            random.NextBytes(bytes.AsSpan((block * BlockSize) + 1000, 5000));
        }

        await File.WriteAllBytesAsync(image, bytes);
        await ebs.JsonAsync("volume", "import", image, "--volume", volume);
        var second = (await ebs.JsonAsync("snapshot", "create", volume)).GetProperty("SnapshotId").GetString()!;

        var diff = await ebs.JsonAsync("snapshot", "diff", first, second);
        Assert.Equal(modified.Select(b => (long)b), diff.GetProperty("ChangedBlocks").EnumerateArray().Select(e => e.GetProperty("BlockIndex").GetInt64()));
        var exported = Path.Combine(dir.Path, "out.img");
        await ebs.JsonAsync("volume", "export", volume, exported);
        var back = await File.ReadAllBytesAsync(exported);
        Assert.True(bytes.AsSpan().SequenceEqual(back), "the export differs from the image");
        Assert.Equal(0, (await ebs.RunAsync("snapshot", "delete", first)).ExitCode);
        var fsck = await ebs.JsonAsync("fsck");
        Assert.True(fsck.GetProperty("Clean").GetBoolean());
        var usage = (await ebs.JsonAsync("usage", "--region", "us-east-1")).GetProperty("Regions").EnumerateArray().Single();
        var written = (ImageBytes / BlockSize) - ((ImageBytes / BlockSize + 2) / 3);
        Assert.Equal((long)written * BlockSize, usage.GetProperty("StoredBytes").GetInt64());
        Assert.Equal((long)written * BlockSize, usage.GetProperty("BilledBytes").GetInt64()); // the survivor now pays for every block
    }

    [Fact]
    public async Task ImageRegisterListDeregister_SnapshotInUseUntilDeregistered()
    {
        using var dir = new TempDirectory();
        var ebs = new CliRunner(Path.Combine(dir.Path, "store"), asProcess: false);
        var image = Path.Combine(dir.Path, "boot.img");
        await File.WriteAllBytesAsync(image, Enumerable.Range(0, 3 << 20).Select(i => (byte)(i * 7)).ToArray());
        var volume = (await ebs.JsonAsync("volume", "import", image)).GetProperty("VolumeId").GetString()!;
        var snapshot = (await ebs.JsonAsync("snapshot", "create", volume)).GetProperty("SnapshotId").GetString()!;

        var ami = (await ebs.JsonAsync("image", "register", "golden-1", "--snapshot", snapshot)).GetProperty("ImageId").GetString()!;
        var listed = (await ebs.JsonAsync("image", "list")).GetProperty("Images").EnumerateArray().Single();
        var (inUse, _, inUseError) = await ebs.RunAsync("snapshot", "delete", snapshot);
        var deregistered = await ebs.JsonAsync("image", "deregister", ami, "--delete-snapshots");

        Assert.Equal(("golden-1", "/dev/xvda"), (listed.GetProperty("Name").GetString(), listed.GetProperty("RootDeviceName").GetString()));
        Assert.Equal(1, inUse);
        Assert.StartsWith("ebs: InvalidSnapshot.InUse:", inUseError, StringComparison.Ordinal);
        Assert.Equal("success", deregistered.GetProperty("DeleteSnapshotResults")[0].GetProperty("ReturnCode").GetString());
        Assert.Empty((await ebs.JsonAsync("snapshot", "list")).GetProperty("Snapshots").EnumerateArray());
    }

    [Fact]
    public async Task SnapshotCopy_ToOtherRegion_ListedThereWithItsOwnId()
    {
        using var dir = new TempDirectory();
        var time = new FakeTimeProvider(DateTimeOffset.UnixEpoch);
        var ebs = new CliRunner(Path.Combine(dir.Path, "store"), asProcess: false, time);
        var image = Path.Combine(dir.Path, "data.img");
        await File.WriteAllBytesAsync(image, Enumerable.Range(0, 2 << 20).Select(i => (byte)(i % 253)).ToArray());
        var volume = (await ebs.JsonAsync("volume", "import", image)).GetProperty("VolumeId").GetString()!;
        var snapshot = (await ebs.JsonAsync("snapshot", "create", volume)).GetProperty("SnapshotId").GetString()!;
        var (pending, _, pendingError) = await ebs.RunAsync("snapshot", "copy", snapshot, "--region", "eu-west-1", "--source-region", "us-east-1");
        Assert.Equal(1, pending);
        Assert.StartsWith("ebs: IncorrectState:", pendingError, StringComparison.Ordinal);

        time.Advance(TimeSpan.FromMinutes(1)); // the source snapshot completes
        var copy = await ebs.JsonAsync("snapshot", "copy", snapshot, "--region", "eu-west-1", "--source-region", "us-east-1", "-d", "DR copy");
        var listed = (await ebs.JsonAsync("snapshot", "list", "--region", "eu-west-1")).GetProperty("Snapshots").EnumerateArray().Single();

        Assert.NotEqual(snapshot, copy.GetProperty("SnapshotId").GetString());
        Assert.Equal(copy.GetProperty("SnapshotId").GetString(), listed.GetProperty("SnapshotId").GetString());
        Assert.Equal("DR copy", listed.GetProperty("Description").GetString());
        Assert.Equal(4L * 512 * 1024, listed.GetProperty("FullSnapshotSizeInBytes").GetInt64());
    }

    [Fact]
    public async Task ExitCodes_UsageErrorIs2AwsErrorIs1WithCodeOnStderr()
    {
        using var dir = new TempDirectory();
        var ebs = new CliRunner(dir.Path, asProcess: false);

        var (usage, _, usageError) = await ebs.RunAsync("volume", "frobnicate");
        var (aws, _, awsError) = await ebs.RunAsync("snapshot", "delete", "snap-0123456789abcdef0");
        var (ok, output, _) = await ebs.RunAsync("volume", "list");

        Assert.Equal(2, usage);
        Assert.Contains("frobnicate", usageError, StringComparison.Ordinal);
        Assert.Equal(1, aws);
        Assert.StartsWith("ebs: InvalidSnapshot.NotFound:", awsError, StringComparison.Ordinal);
        Assert.Equal(0, ok);
        Assert.Contains("Volume", output, StringComparison.Ordinal);
    }

    [Fact]
    public async Task SecondProcessOnOpenStore_ClearErrorAndNothingChanged()
    {
        using var dir = new TempDirectory();
        var store = Path.Combine(dir.Path, "store");
        var ebs = new CliRunner(store, asProcess: true);
        await ebs.JsonAsync("volume", "create", "--size", "1");

        int exitCode;
        string error;
        await using (await Storage.Sqlite.LocalDirectory.OpenAsync(store, new Core.EbsOptions()))
        {
            (exitCode, _, error) = await ebs.RunAsync("volume", "create", "--size", "1");
        }

        Assert.Equal(1, exitCode);
        Assert.Contains("in use by another process", error, StringComparison.Ordinal);
        Assert.Single((await ebs.JsonAsync("volume", "list")).GetProperty("Volumes").EnumerateArray());
    }
}
