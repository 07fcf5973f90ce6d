using System.Text;
using Ebs.Core.Domain;
using Ebs.Core.Services;
using Ebs.Core.Tests.Instances;
using static Ebs.Core.Tests.Sharing.SharingShorthands;

namespace Ebs.Core.Tests.Sharing;

public sealed class ProviderImageTests
{
    [Fact]
    public async Task The_catalogue_is_in_every_region_owned_by_amazon_and_public()
    {
        await using var t = new TestCloud();
        var names = ProviderImage.Defaults().Select(i => i.Name).Order(StringComparer.Ordinal).ToList();
        var ids = new HashSet<ImageId>();
        foreach (var region in t.Cloud.Regions.Keys)
        {
            var images = await t.Ec2Of(Stranger, region).ListImagesAsync(new() { Owners = ["amazon"] });
            Assert.Equal(names, images.Select(i => i.Name).Order(StringComparer.Ordinal));
            Assert.All(images, i =>
            {
                Assert.Equal(Ec2Client.ProviderAccountId, i.OwnerId);
                Assert.Equal("137112412989", i.OwnerId);
                Assert.Equal("amazon", i.ImageOwnerAlias);
                Assert.True(i.Public);
                Assert.Equal(ImageState.Available, i.State);
                Assert.Equal(region, i.Region);
                Assert.True(ids.Add(i.ImageId), $"{i.ImageId} is in two Regions");
            });
        }

        var x86 = await t.Ec2.ListImagesAsync(new() { Owners = [Ec2Client.ProviderAccountId], Filters = [new Filter("architecture", "arm64")] });
        Assert.Equal("al2023-ami-2023.6.20241121.0-kernel-6.1-arm64", Assert.Single(x86).Name);
        Assert.Equal(names.Count, (await t.Ec2.ListImagesAsync(new() { Owners = ["amazon"], ExecutableUsers = ["all"], Filters = [new Filter("is-public", "true")] })).Count);
    }

    [Fact]
    public async Task Any_account_launches_one_and_reads_its_os_release_yet_stores_and_pays_for_no_snapshot()
    {
        await using var t = new TestCloud();
        var image = (await t.Ec2.ListImagesAsync(new() { Owners = ["amazon"], Filters = [new Filter("name", "al2023-ami-*-x86_64")] })).Single();
        var accounts = new[] { Owner, Stranger };
        foreach (var account in accounts)
        {
            var ec2 = t.Ec2Of(account);
            var instance = await ec2.LaunchAsync(image.ImageId);
            var root = await ec2.VolumeAtAsync(instance.InstanceId, ProviderImages.RootDeviceName);
            var volume = await ec2.DescribeVolumeAsync(root);
            Assert.Equal(account, volume.OwnerId);
            Assert.Equal(8, volume.Size);
            var header = new byte[TestCloud.BlockSize];
            await ec2.ReadAtAsync(root, 0, header);
            Assert.StartsWith("NAME=\"Amazon Linux\"\nVERSION=\"2023\"", Encoding.UTF8.GetString(header), StringComparison.Ordinal);
            var hole = new byte[TestCloud.BlockSize];
            await ec2.ReadAtAsync(root, 7L << 30, hole);
            Assert.All(hole, b => Assert.Equal(0, b));
            Assert.Equal(0, (await ec2.GetStorageUsageAsync(new())).SnapshotCount);
            Assert.Empty(await ec2.ListSnapshotsAsync());
        }

        // One root snapshot, stored once, in the provider's scope: a block of header, the rest holes.
        Assert.Equal(1, t.StoredChunks);
        t.Time.Advance(TimeSpan.FromDays(30));
        foreach (var account in accounts)
        {
            var bill = await t.Cloud.Account(account).Billing().GetCostAndUsageAsync(new() { TimePeriod = new() { Start = DateTimeOffset.UnixEpoch, End = t.Time.GetUtcNow() } });
            Assert.DoesNotContain(bill.Regions.SelectMany(r => r.Lines), l => l.UsageType == UsageType.SnapshotStorage && l.UsageQuantity > 0);
        }

        // Nobody changes a provider image.
        await StateFingerprint.AssertUnchangedAsync(t.Cloud, () => t.Ec2.DeregisterImageAsync(image.ImageId).AsTask(), EbsErrorCodes.AuthFailure);
        await StateFingerprint.AssertUnchangedAsync(t.Cloud, () => t.Ec2Of(Ec2Client.ProviderAccountId).DeregisterImageAsync(image.ImageId).AsTask(), EbsErrorCodes.AuthFailure);
    }

    [Fact]
    public async Task An_empty_catalogue_has_no_provider_images()
    {
        await using var t = new TestCloud(o => o.ProviderImages = []);
        Assert.Empty(await t.Ec2.ListImagesAsync(new() { Owners = ["amazon"] }));
        Assert.Empty((await t.Ec2.DescribeImagesAsync(new())).Images);
    }
}
