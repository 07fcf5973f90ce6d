using Ebs.Core.Tests;
using Microsoft.Extensions.Time.Testing;

namespace Ebs.Cli.Tests;

public sealed class SharingCommandTests
{
    [Fact]
    public async Task A_shared_snapshot_is_listed_and_used_by_the_other_account_until_unshared()
    {
        using var dir = new TempDirectory();
        var time = new FakeTimeProvider(DateTimeOffset.UnixEpoch);
        var ebs = new CliRunner(Path.Combine(dir.Path, "store"), asProcess: false, time);
        var image = Path.Combine(dir.Path, "data.img");
        await File.WriteAllBytesAsync(image, Enumerable.Range(0, 1 << 20).Select(i => (byte)(i % 251)).ToArray());
        var volume = (await ebs.JsonAsync("volume", "import", image)).GetProperty("VolumeId").GetString()!;
        var snapshot = (await ebs.JsonAsync("snapshot", "create", volume)).GetProperty("SnapshotId").GetString()!;
        time.Advance(TimeSpan.FromHours(1));

        var shared = await ebs.JsonAsync("snapshot", "share", snapshot, "--with", "222222222222");
        Assert.Equal("222222222222", shared.GetProperty("CreateVolumePermissions")[0].GetProperty("UserId").GetString());
        var seen = (await ebs.JsonAsync("snapshot", "list", "--account", "222222222222")).GetProperty("Snapshots").EnumerateArray().Single();
        Assert.Equal(snapshot, seen.GetProperty("SnapshotId").GetString());
        await ebs.JsonAsync("volume", "create", "--snapshot", snapshot, "--account", "222222222222");

        var unshared = await ebs.JsonAsync("snapshot", "unshare", snapshot, "--with", "222222222222");
        Assert.Empty(unshared.GetProperty("CreateVolumePermissions").EnumerateArray());
        var (code, _, error) = await ebs.RunAsync("volume", "create", "--snapshot", snapshot, "--account", "222222222222");
        Assert.Equal(1, code);
        Assert.StartsWith("ebs: InvalidSnapshot.NotFound:", error, StringComparison.Ordinal);
        var (missing, _, usage) = await ebs.RunAsync("snapshot", "share", snapshot);
        Assert.NotEqual(0, missing);
        Assert.Contains("--with ACCOUNT or --public", usage, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Image_list_shows_the_amazon_base_images_with_their_owner_and_public_flag()
    {
        using var dir = new TempDirectory();
        var ebs = new CliRunner(Path.Combine(dir.Path, "store"), asProcess: false);
        await ebs.JsonAsync("volume", "create", "--size", "1");
        var images = (await ebs.JsonAsync("image", "list", "--owner", "amazon")).GetProperty("Images").EnumerateArray().ToList();
        Assert.Equal(3, images.Count);
        Assert.All(images, i =>
        {
            Assert.Equal("137112412989", i.GetProperty("OwnerId").GetString());
            Assert.Equal("amazon", i.GetProperty("ImageOwnerAlias").GetString());
            Assert.True(i.GetProperty("Public").GetBoolean());
        });
        Assert.Empty((await ebs.JsonAsync("image", "list")).GetProperty("Images").EnumerateArray());
    }
    [Fact]
    public async Task Snapshot_copy_to_account_is_made_by_that_account_only_once_shared_with_it()
    {
        using var dir = new TempDirectory();
        var time = new FakeTimeProvider(DateTimeOffset.UnixEpoch);
        var ebs = new CliRunner(Path.Combine(dir.Path, "store"), asProcess: false, time);
        var image = Path.Combine(dir.Path, "data.img");
        await File.WriteAllBytesAsync(image, Enumerable.Range(0, 1 << 20).Select(i => (byte)(i % 241)).ToArray());
        var volume = (await ebs.JsonAsync("volume", "import", image)).GetProperty("VolumeId").GetString()!;
        var snapshot = (await ebs.JsonAsync("snapshot", "create", volume)).GetProperty("SnapshotId").GetString()!;
        time.Advance(TimeSpan.FromHours(1));

        // Not shared yet: refused with what to do, and the other account has nothing.
        var (refused, _, error) = await ebs.RunAsync("snapshot", "copy", snapshot, "--to-account", "222222222222", "--region", "us-west-2", "--source-region", "us-east-1");
        Assert.Equal(1, refused);
        Assert.StartsWith("ebs: InvalidSnapshot.NotFound:", error, StringComparison.Ordinal);
        Assert.Contains($"ebs snapshot share {snapshot} --with 222222222222", error, StringComparison.Ordinal);
        Assert.Empty((await ebs.JsonAsync("snapshot", "list", "--account", "222222222222", "--region", "us-west-2")).GetProperty("Snapshots").EnumerateArray());

        await ebs.JsonAsync("snapshot", "share", snapshot, "--with", "222222222222");
        var copy = await ebs.JsonAsync("snapshot", "copy", snapshot, "--to-account", "222222222222", "--region", "us-west-2", "--source-region", "us-east-1");
        Assert.Equal("222222222222", copy.GetProperty("OwnerId").GetString());
        var copyId = copy.GetProperty("SnapshotId").GetString()!;
        Assert.NotEqual(snapshot, copyId);
        var listed = (await ebs.JsonAsync("snapshot", "list", "--account", "222222222222", "--region", "us-west-2")).GetProperty("Snapshots").EnumerateArray().Single();
        Assert.Equal(copyId, listed.GetProperty("SnapshotId").GetString());
        // The owner's own copies in us-west-2 are untouched: none.
        Assert.Empty((await ebs.JsonAsync("snapshot", "list", "--region", "us-west-2")).GetProperty("Snapshots").EnumerateArray());

        var (bad, _, usage) = await ebs.RunAsync("snapshot", "copy", snapshot, "--to-account", "22");
        Assert.Equal(2, bad);
        Assert.Contains("--to-account must be a 12-digit account id", usage, StringComparison.Ordinal);
        var (_, help, _) = await ebs.RunAsync("snapshot", "copy", "--help");
        Assert.Contains("--to-account", help, StringComparison.Ordinal);
        var words = string.Join(' ', help.Split((char[])[' ', '\n', '\r'], StringSplitOptions.RemoveEmptyEntries));
        Assert.Contains("its owner shared it with the account", words, StringComparison.Ordinal);
    }
}
