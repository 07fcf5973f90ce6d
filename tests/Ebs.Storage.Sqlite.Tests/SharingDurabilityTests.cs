using Ebs.Core;
using Ebs.Core.Domain;
using Ebs.Core.Services;
using Ebs.Core.Tests;
using Microsoft.Extensions.Time.Testing;

namespace Ebs.Storage.Sqlite.Tests;

public sealed class SharingDurabilityTests
{
    private const string Recipient = "222222222222";
    private static readonly EbsOptions Options = new() { BlockSize = TestCloud.BlockSize, IdSeed = 1 };

    [Fact]
    public async Task Permissions_block_public_access_and_a_launched_provider_root_survive_reopening()
    {
        using var dir = new TempDirectory();
        var time = new FakeTimeProvider(DateTimeOffset.UnixEpoch);
        SnapshotId snapshot;
        ImageId image;
        ImageId provider;
        await using (var cloud = await LocalDirectory.OpenAsync(dir.Path, Options, time))
        {
            var ec2 = cloud.Account(TestCloud.Account).Ec2(TestCloud.Region);
            var source = (await ec2.CreateVolumeAsync(new CreateVolumeRequest { AvailabilityZone = "us-east-1a", Size = 1 })).Volume.VolumeId;
            snapshot = (await ec2.TakeSnapshotAsync(source)).SnapshotId;
            time.Advance(TimeSpan.FromHours(1));
            image = (await ec2.RegisterImageAsync(new RegisterImageRequest { Name = "shared", RootDeviceName = "/dev/xvda", BlockDeviceMappings = [Ec2Shorthands.Mapping("/dev/xvda", snapshot)] })).ImageId;
            await ec2.ModifySnapshotAttributeAsync(new() { SnapshotId = snapshot, OperationType = OperationType.Add, UserIds = [Recipient], GroupNames = [PermissionGroup.All] });
            await ec2.ModifyImageAttributeAsync(new() { ImageId = image, OperationType = OperationType.Add, UserIds = [Recipient] });
            await ec2.EnableSnapshotBlockPublicAccessAsync(new() { State = SnapshotBlockPublicAccessState.BlockAllSharing });
            await ec2.EnableImageBlockPublicAccessAsync(new() { ImageBlockPublicAccessState = ImageBlockPublicAccessState.BlockNewSharing });
            provider = (await ec2.DescribeImagesAsync(new() { Owners = ["amazon"] })).Images[0].ImageId;
            await cloud.Account(Recipient).Ec2(TestCloud.Region).RunInstancesAsync(new() { ImageId = provider, MinCount = 1, MaxCount = 1 });
        }

        await using (var cloud = await LocalDirectory.OpenAsync(dir.Path, Options, time))
        {
            var ec2 = cloud.Account(TestCloud.Account).Ec2(TestCloud.Region);
            var granted = (await ec2.DescribeSnapshotAttributeAsync(new() { SnapshotId = snapshot, Attribute = SnapshotAttributeName.CreateVolumePermission })).CreateVolumePermissions;
            Assert.Equal([new CreateVolumePermission { UserId = Recipient }, new CreateVolumePermission { Group = PermissionGroup.All }], granted.OrderBy(p => p.Group.HasValue));
            Assert.Equal(SnapshotBlockPublicAccessState.BlockAllSharing, (await ec2.GetSnapshotBlockPublicAccessStateAsync(new())).State);
            Assert.Equal(ImageBlockPublicAccessState.BlockNewSharing, (await ec2.GetImageBlockPublicAccessStateAsync(new())).ImageBlockPublicAccessState);
            var recipient = cloud.Account(Recipient).Ec2(TestCloud.Region);
            Assert.Single((await recipient.DescribeSnapshotsAsync(new() { OwnerIds = [TestCloud.Account] })).Snapshots);
            Assert.Empty((await cloud.Account("333333333333").Ec2(TestCloud.Region).DescribeSnapshotsAsync(new())).Snapshots);
            await recipient.RunInstancesAsync(new() { ImageId = image, MinCount = 1, MaxCount = 1 });
            await recipient.RunInstancesAsync(new() { ImageId = provider, MinCount = 1, MaxCount = 1 });
            Assert.True((await cloud.ScrubAsync()).IsClean);
        }
    }
}
