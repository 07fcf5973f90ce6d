using Ebs.Core;
using Ebs.Core.Domain;
using Ebs.Core.Services;
using Ebs.Core.Tests;
using Microsoft.Extensions.Time.Testing;

namespace Ebs.Storage.Sqlite.Tests;

public sealed class ImageLifecycleDurabilityTests
{
    private static readonly EbsOptions Options = new() { BlockSize = TestCloud.BlockSize, IdSeed = 1 };

    [Fact]
    public async Task Image_StoreReopened_KeepsDisabledStateDeprecationAndProtectionCooldown()
    {
        using var dir = new TempDirectory();
        var time = new FakeTimeProvider(DateTimeOffset.UnixEpoch);
        ImageId image;
        Image before;
        await using (var cloud = await LocalDirectory.OpenAsync(dir.Path, Options, time))
        {
            var ec2 = cloud.Account(TestCloud.Account).Ec2(TestCloud.Region);
            var source = (await ec2.CreateVolumeAsync(new CreateVolumeRequest { AvailabilityZone = "us-east-1a", Size = 1 })).Volume.VolumeId;
            var snapshot = await ec2.TakeSnapshotAsync(source);
            time.Advance(TimeSpan.FromHours(1));
            image = (await ec2.RegisterImageAsync(new RegisterImageRequest { Name = "durable", RootDeviceName = "/dev/xvda", BlockDeviceMappings = [Ec2Shorthands.Mapping("/dev/xvda", snapshot.SnapshotId)] })).ImageId;
            await ec2.DisableImageAsync(new DisableImageRequest { ImageId = image });
            await ec2.EnableImageDeprecationAsync(new EnableImageDeprecationRequest { ImageId = image, DeprecateAt = time.GetUtcNow().AddDays(7) });
            await ec2.EnableImageDeregistrationProtectionAsync(new EnableImageDeregistrationProtectionRequest { ImageId = image, WithCooldown = true });
            await ec2.DisableImageDeregistrationProtectionAsync(new DisableImageDeregistrationProtectionRequest { ImageId = image });
            before = Assert.Single(await ec2.ListImagesAsync(new DescribeImagesRequest { IncludeDisabled = true }));
        }

        await using (var cloud = await LocalDirectory.OpenAsync(dir.Path, Options, time))
        {
            var ec2 = cloud.Account(TestCloud.Account).Ec2(TestCloud.Region);
            var after = Assert.Single(await ec2.ListImagesAsync(new DescribeImagesRequest { IncludeDisabled = true }));
            Assert.Equal(before, after);
            Assert.Equal(ImageState.Disabled, after.State);
            Assert.Equal(time.GetUtcNow().AddDays(7), after.DeprecationTime);
            Assert.StartsWith("disabled-until ", after.DeregistrationProtection, StringComparison.Ordinal);
            var error = await Assert.ThrowsAsync<EbsException>(async () => await ec2.DeregisterImageAsync(image));
            Assert.Equal(EbsErrorCodes.OperationNotPermitted, error.ErrorCode);

            time.Advance(TimeSpan.FromHours(24));
            await ec2.DeregisterImageAsync(image);
        }
    }
}
