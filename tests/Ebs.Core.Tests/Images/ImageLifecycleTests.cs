using Ebs.Core.Domain;
using Ebs.Core.Services;
using Ebs.Core.Tests.Instances;

namespace Ebs.Core.Tests.Images;

public sealed class ImageLifecycleTests
{
    [Fact]
    public async Task A_disabled_image_is_hidden_unless_asked_for_and_cannot_launch_until_enabled()
    {
        await using var t = new TestCloud();
        var image = await t.RegisterImageAsync();

        await t.Ec2.DisableImageAsync(new DisableImageRequest { ImageId = image });

        Assert.Empty(await t.Ec2.ListImagesAsync());
        Assert.Empty(await t.Ec2.ListImagesAsync(new DescribeImagesRequest { ImageIds = [image] }));
        var listed = Assert.Single(await t.Ec2.ListImagesAsync(new DescribeImagesRequest { IncludeDisabled = true }));
        Assert.Equal(ImageState.Disabled, listed.State);
        await StateFingerprint.AssertUnchangedAsync(t.Cloud, () => t.LaunchAsync(image), EbsErrorCodes.InvalidAmiIdUnavailable);

        await t.Ec2.EnableImageAsync(new EnableImageRequest { ImageId = image });

        Assert.Equal(ImageState.Available, (await t.Ec2.DescribeImageAsync(image)).State);
        Assert.Equal(InstanceStateName.Pending, (await t.LaunchAsync(image)).State.Name);
    }

    [Fact]
    public async Task Disabling_needs_an_available_image_and_enabling_a_disabled_one()
    {
        await using var t = new TestCloud();
        var image = await t.RegisterImageAsync();
        await StateFingerprint.AssertUnchangedAsync(t.Cloud, async () => await t.Ec2.EnableImageAsync(new EnableImageRequest { ImageId = image }), EbsErrorCodes.IncorrectState);
        await t.Ec2.DisableImageAsync(new DisableImageRequest { ImageId = image });
        await StateFingerprint.AssertUnchangedAsync(t.Cloud, async () => await t.Ec2.DisableImageAsync(new DisableImageRequest { ImageId = image }), EbsErrorCodes.IncorrectState);

        var volume = await t.CreateVolumeAsync();
        var snapshot = await t.Ec2.TakeSnapshotAsync(volume.VolumeId);
        var pending = (await t.Ec2.RegisterImageAsync(new RegisterImageRequest
        {
            Name = "pending",
            RootDeviceName = InstanceShorthands.Root,
            BlockDeviceMappings = [Ec2Shorthands.Mapping(InstanceShorthands.Root, snapshot.SnapshotId)],
        })).ImageId;
        await StateFingerprint.AssertUnchangedAsync(t.Cloud, async () => await t.Ec2.DisableImageAsync(new DisableImageRequest { ImageId = pending }), EbsErrorCodes.IncorrectState);
    }

    [Fact]
    public async Task Lifecycle_calls_refuse_unknown_malformed_and_other_accounts_images()
    {
        await using var t = new TestCloud();
        var image = await t.RegisterImageAsync();
        var other = t.Cloud.Account("222222222222").Ec2(TestCloud.Region);
        var missing = ImageId.Parse("ami-0123456789abcdef0");
        foreach (var (client, id, code) in new[] { (t.Ec2, missing, EbsErrorCodes.InvalidAmiIdNotFound), (other, image, EbsErrorCodes.AuthFailure), (t.Ec2, default(ImageId), EbsErrorCodes.InvalidAmiIdMalformed) })
        {
            await StateFingerprint.AssertUnchangedAsync(t.Cloud, async () => await client.DisableImageAsync(new DisableImageRequest { ImageId = id }), code);
            await StateFingerprint.AssertUnchangedAsync(t.Cloud, async () => await client.EnableImageAsync(new EnableImageRequest { ImageId = id }), code);
            await StateFingerprint.AssertUnchangedAsync(t.Cloud, async () => await client.EnableImageDeprecationAsync(new EnableImageDeprecationRequest { ImageId = id, DeprecateAt = t.Time.GetUtcNow().AddDays(1) }), code);
            await StateFingerprint.AssertUnchangedAsync(t.Cloud, async () => await client.DisableImageDeprecationAsync(new DisableImageDeprecationRequest { ImageId = id }), code);
            await StateFingerprint.AssertUnchangedAsync(t.Cloud, async () => await client.EnableImageDeregistrationProtectionAsync(new EnableImageDeregistrationProtectionRequest { ImageId = id }), code);
            await StateFingerprint.AssertUnchangedAsync(t.Cloud, async () => await client.DisableImageDeregistrationProtectionAsync(new DisableImageDeregistrationProtectionRequest { ImageId = id }), code);
        }
    }

    [Fact]
    public async Task Deprecation_time_is_rounded_to_the_nearest_minute_and_can_be_cancelled()
    {
        await using var t = new TestCloud();
        var image = await t.RegisterImageAsync();
        var now = t.Time.GetUtcNow();

        await t.Ec2.EnableImageDeprecationAsync(new EnableImageDeprecationRequest { ImageId = image, DeprecateAt = now.AddDays(1).AddSeconds(30) });
        Assert.Equal(now.AddDays(1).AddMinutes(1), (await t.Ec2.DescribeImageAsync(image)).DeprecationTime);
        await t.Ec2.EnableImageDeprecationAsync(new EnableImageDeprecationRequest { ImageId = image, DeprecateAt = now.AddDays(1).AddSeconds(29) });
        Assert.Equal(now.AddDays(1), (await t.Ec2.DescribeImageAsync(image)).DeprecationTime);

        await t.Ec2.DisableImageDeprecationAsync(new DisableImageDeprecationRequest { ImageId = image });
        Assert.Null((await t.Ec2.DescribeImageAsync(image)).DeprecationTime);
    }

    [Fact]
    public async Task Deprecation_refuses_the_past_and_more_than_ten_years_ahead()
    {
        await using var t = new TestCloud();
        var image = await t.RegisterImageAsync();
        var now = t.Time.GetUtcNow();
        foreach (var at in new[] { now.AddMinutes(-1), now.AddYears(10).AddMinutes(1) })
        {
            await StateFingerprint.AssertUnchangedAsync(t.Cloud, async () => await t.Ec2.EnableImageDeprecationAsync(new EnableImageDeprecationRequest { ImageId = image, DeprecateAt = at }), EbsErrorCodes.InvalidParameterValue);
        }

        await t.Ec2.EnableImageDeprecationAsync(new EnableImageDeprecationRequest { ImageId = image, DeprecateAt = now.AddYears(10) });
        Assert.Equal(now.AddYears(10), (await t.Ec2.DescribeImageAsync(image)).DeprecationTime);
    }

    [Fact]
    public async Task A_deprecated_image_is_still_listed_for_its_owner_and_still_launches()
    {
        await using var t = new TestCloud();
        var image = await t.RegisterImageAsync();
        await t.Ec2.EnableImageDeprecationAsync(new EnableImageDeprecationRequest { ImageId = image, DeprecateAt = t.Time.GetUtcNow().AddMinutes(5) });
        t.Time.Advance(TimeSpan.FromMinutes(10));

        Assert.Equal(image, Assert.Single(await t.Ec2.ListImagesAsync()).ImageId);
        await t.LaunchAsync(image);
    }

    [Fact]
    public async Task Protection_refuses_deregistration_until_disabled()
    {
        await using var t = new TestCloud();
        var image = await t.RegisterImageAsync();
        Assert.Equal("disabled", (await t.Ec2.DescribeImageAsync(image)).DeregistrationProtection);

        await t.Ec2.EnableImageDeregistrationProtectionAsync(new EnableImageDeregistrationProtectionRequest { ImageId = image });
        Assert.Equal("enabled-without-cooldown", (await t.Ec2.DescribeImageAsync(image)).DeregistrationProtection);
        await StateFingerprint.AssertUnchangedAsync(t.Cloud, async () => await t.Ec2.DeregisterImageAsync(image), EbsErrorCodes.OperationNotPermitted);

        await t.Ec2.DisableImageDeregistrationProtectionAsync(new DisableImageDeregistrationProtectionRequest { ImageId = image });
        Assert.Equal("disabled", (await t.Ec2.DescribeImageAsync(image)).DeregistrationProtection);
        await t.Ec2.DeregisterImageAsync(image);
        Assert.Empty(await t.Ec2.ListImagesAsync());
    }

    [Fact]
    public async Task Protection_with_cooldown_outlives_its_disabling_by_24_hours()
    {
        await using var t = new TestCloud();
        var image = await t.RegisterImageAsync();
        await t.Ec2.EnableImageDeregistrationProtectionAsync(new EnableImageDeregistrationProtectionRequest { ImageId = image, WithCooldown = true });
        Assert.Equal("enabled-with-cooldown", (await t.Ec2.DescribeImageAsync(image)).DeregistrationProtection);
        t.Time.Advance(TimeSpan.FromHours(3));

        await t.Ec2.DisableImageDeregistrationProtectionAsync(new DisableImageDeregistrationProtectionRequest { ImageId = image });
        var until = t.Time.GetUtcNow().AddHours(24);
        Assert.Equal("disabled-until " + until.UtcDateTime.ToString("yyyy-MM-dd'T'HH:mm:ss.fff'Z'", System.Globalization.CultureInfo.InvariantCulture), (await t.Ec2.DescribeImageAsync(image)).DeregistrationProtection);

        // Disabling again does not restart the cooldown.
        t.Time.Advance(TimeSpan.FromHours(1));
        await t.Ec2.DisableImageDeregistrationProtectionAsync(new DisableImageDeregistrationProtectionRequest { ImageId = image });
        t.Time.Advance(TimeSpan.FromHours(23) - TimeSpan.FromSeconds(1));
        await StateFingerprint.AssertUnchangedAsync(t.Cloud, async () => await t.Ec2.DeregisterImageAsync(image), EbsErrorCodes.OperationNotPermitted);

        t.Time.Advance(TimeSpan.FromSeconds(1));
        Assert.Equal("disabled", (await t.Ec2.DescribeImageAsync(image)).DeregistrationProtection);
        await t.Ec2.DeregisterImageAsync(image);
        Assert.Empty(await t.Ec2.ListImagesAsync());
    }
}
