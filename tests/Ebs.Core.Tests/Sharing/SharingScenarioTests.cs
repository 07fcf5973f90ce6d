using Ebs.Core.Domain;
using Ebs.Core.Services;
using Ebs.Core.Tests.Instances;
using Ebs.Core.Tests.RecycleBin;
using static Ebs.Core.Tests.Sharing.SharingShorthands;

namespace Ebs.Core.Tests.Sharing;

public sealed class SharingScenarioTests
{
    [Fact]
    public async Task Shared_snapshot_and_image_are_used_copied_and_reshared_and_a_revocation_leaves_what_was_made()
    {
        await using var t = new TestCloud();
        var a = t.Ec2;
        var b = t.Ec2Of(Recipient);
        var c = t.Ec2Of(Anyone);
        var volume = await t.CreateVolumeAsync();
        await t.WriteBlocksAsync(volume.VolumeId, [0, 3], seedBase: 50);
        var snapshot = await t.CompleteAsync(await a.TakeSnapshotAsync(volume.VolumeId));
        var image = await t.RegisterImageAsync();
        await a.ShareAsync(snapshot.SnapshotId, Recipient);
        await a.ShareAsync(image, Recipient);
        Assert.Equal([Recipient], await a.SharedWithAsync(snapshot.SnapshotId));

        // B sees both, and lists the snapshot among those restorable by itself; C sees neither.
        Assert.Equal([snapshot.SnapshotId], (await b.ListSnapshotsAsync(new() { RestorableByUserIds = ["self"] })).Select(s => s.SnapshotId));
        Assert.Equal([image], (await b.ListImagesAsync(new() { ExecutableUsers = ["self"], Owners = [Owner] })).Select(i => i.ImageId));
        Assert.Empty(await c.ListSnapshotsAsync());
        await StateFingerprint.AssertUnchangedAsync(t.Cloud, () => c.DescribeSnapshotsAsync(new() { SnapshotIds = [snapshot.SnapshotId] }).AsTask(), EbsErrorCodes.InvalidSnapshotNotFound);

        // B launches A's image: its instance and volumes are B's, with A's bytes.
        var instance = await b.LaunchAsync(image);
        Assert.Equal(Recipient, (await b.DescribeInstancesAsync(new() { InstanceIds = [instance.InstanceId] })).Reservations.Single().OwnerId);
        var root = await b.VolumeAtAsync(instance.InstanceId, InstanceShorthands.Root);
        Assert.Equal(Recipient, (await b.DescribeVolumeAsync(root)).OwnerId);
        Assert.Equal(TestCloud.Block(101), await ReadAsync(b, root, 1));

        // B copies A's snapshot: the copy is B's, in B's storage; A's snapshot is unchanged.
        var before = await a.DescribeSnapshotAsync(snapshot.SnapshotId);
        var copy = await b.CopySnapshotHereAsync(TestCloud.Region, snapshot.SnapshotId);
        t.Time.Advance(TimeSpan.FromHours(1));
        Assert.Equal(Recipient, (await b.DescribeSnapshotAsync(copy.SnapshotId)).OwnerId);
        Assert.Equal(before with { }, await a.DescribeSnapshotAsync(snapshot.SnapshotId) with { });
        Assert.Equal(1, (await b.GetStorageUsageAsync(new())).SnapshotCount);

        // B shares its copy with C, who makes a volume of it: A's bytes.
        await b.ShareAsync(copy.SnapshotId, Anyone);
        var cVolume = (await c.CreateVolumeAsync(new() { AvailabilityZone = "us-east-1a", SnapshotId = copy.SnapshotId })).Volume;
        Assert.Equal(TestCloud.Block(53), await ReadAsync(c, cVolume.VolumeId, 3));

        // B cannot re-share, tag or delete A's snapshot or image.
        await StateFingerprint.AssertUnchangedAsync(t.Cloud, () => b.ShareAsync(snapshot.SnapshotId, Anyone).AsTask(), EbsErrorCodes.UnauthorizedOperation);
        await StateFingerprint.AssertUnchangedAsync(t.Cloud, () => b.DeleteSnapshotAsync(snapshot.SnapshotId).AsTask(), EbsErrorCodes.UnauthorizedOperation);
        await StateFingerprint.AssertUnchangedAsync(t.Cloud, () => b.ShareAsync(image, Anyone).AsTask(), EbsErrorCodes.AuthFailure);
        await StateFingerprint.AssertUnchangedAsync(t.Cloud, () => b.DeregisterImageAsync(image).AsTask(), EbsErrorCodes.AuthFailure);

        // A revokes: B's copy, instance and volumes keep working; A's originals are out of B's reach.
        await a.ShareAsync(snapshot.SnapshotId, Recipient, OperationType.Remove);
        await a.ShareAsync(image, Recipient, OperationType.Remove);
        Assert.Empty(await a.SharedWithAsync(snapshot.SnapshotId));
        await StateFingerprint.AssertUnchangedAsync(t.Cloud, () => b.CreateVolumeAsync(new() { AvailabilityZone = "us-east-1a", SnapshotId = snapshot.SnapshotId }).AsTask(), EbsErrorCodes.InvalidSnapshotNotFound);
        await StateFingerprint.AssertUnchangedAsync(t.Cloud, () => b.LaunchAsync(image), EbsErrorCodes.AuthFailure);
        Assert.Equal(TestCloud.Block(101), await ReadAsync(b, root, 1));
        var fromCopy = (await b.CreateVolumeAsync(new() { AvailabilityZone = "us-east-1a", SnapshotId = copy.SnapshotId })).Volume;
        Assert.Equal(TestCloud.Block(50), await ReadAsync(b, fromCopy.VolumeId, 0));
        Assert.Equal(TestCloud.Block(53), await ReadAsync(c, cVolume.VolumeId, 3));
    }

    [Fact]
    public async Task A_deregistered_shared_image_no_longer_launches_but_its_instances_run()
    {
        await using var t = new TestCloud();
        var b = t.Ec2Of(Recipient);
        var binned = await t.RegisterImageAsync("binned");
        var gone = await t.RegisterImageAsync("gone");
        foreach (var image in new[] { binned, gone })
        {
            await t.Ec2.ShareAsync(image, Recipient);
        }

        var running = await b.LaunchAsync(gone);
        await t.CreateRuleAsync(7, RecycleBinResourceType.Ec2Image, resourceTags: [Rules.Tag("keep", "yes")]);
        await t.Ec2.CreateTagsAsync(new() { Resources = [binned], Tags = [new Tag("keep", "yes")] });
        await t.Ec2.DeregisterImageAsync(binned);
        await t.Ec2.DeregisterImageAsync(gone);

        await StateFingerprint.AssertUnchangedAsync(t.Cloud, () => b.LaunchAsync(binned), EbsErrorCodes.InvalidAmiIdUnavailable);
        await StateFingerprint.AssertUnchangedAsync(t.Cloud, () => b.LaunchAsync(gone), EbsErrorCodes.InvalidAmiIdNotFound);
        await StateFingerprint.AssertUnchangedAsync(t.Cloud, () => t.Ec2Of(Stranger).LaunchAsync(binned), EbsErrorCodes.InvalidAmiIdNotFound);
        t.Time.Advance(TimeSpan.FromMinutes(1));
        Assert.Equal(InstanceStateName.Running, await b.StateOfAsync(running.InstanceId));

        // Restored from the bin, it launches for B again: its launch permission came back with it.
        await t.Ec2.RestoreImageFromRecycleBinAsync(new() { ImageId = binned });
        await b.LaunchAsync(binned);
    }

    [Fact]
    public async Task A_public_community_image_is_found_and_launched_by_any_account()
    {
        await using var t = new TestCloud();
        var image = await t.RegisterImageAsync("community");
        var b = t.Ec2Of(Stranger);
        Assert.Empty(await b.ListImagesAsync(new() { Owners = [Owner] }));
        await t.Ec2.ShareAsync(image, "all");

        Assert.True((await t.Ec2.DescribeImageAsync(image)).Public);
        Assert.Equal([image], (await b.ListImagesAsync(new() { ExecutableUsers = ["all"], Owners = [Owner] })).Select(i => i.ImageId));
        Assert.Equal([image], (await b.ListImagesAsync(new() { Owners = [Owner] })).Select(i => i.ImageId));
        Assert.Equal([image], (await b.ListImagesAsync(new() { Owners = [Owner], Filters = [new Filter("is-public", "true")] })).Select(i => i.ImageId));
        Assert.Empty(await b.ListImagesAsync(new() { ExecutableUsers = ["self"], Owners = [Owner] }));
        var instance = await b.LaunchAsync(image);
        Assert.Equal(TestCloud.Block(100), await ReadAsync(b, await b.VolumeAtAsync(instance.InstanceId, InstanceShorthands.Root), 0));

        // Other Regions do not have it.
        await StateFingerprint.AssertUnchangedAsync(t.Cloud, () => t.Ec2Of(Stranger, OtherRegion).LaunchAsync(image), EbsErrorCodes.InvalidAmiIdNotFound);
    }

    [Fact]
    public async Task Block_public_access_refuses_new_public_sharing_and_block_all_hides_what_is_public()
    {
        await using var t = new TestCloud();
        var volume = await t.CreateVolumeAsync();
        var shared = await t.CompleteAsync(await t.Ec2.TakeSnapshotAsync(volume.VolumeId));
        var other = await t.CompleteAsync(await t.Ec2.TakeSnapshotAsync(volume.VolumeId));
        var image = await t.RegisterImageAsync();
        var stranger = t.Ec2Of(Stranger);
        await t.Ec2.ShareAsync(shared.SnapshotId, "all");
        Assert.Equal(SnapshotBlockPublicAccessState.Unblocked, (await t.Ec2.GetSnapshotBlockPublicAccessStateAsync(new())).State);

        // block-new-sharing: the public snapshot stays public, no other can be made public; sharing with an account still works.
        Assert.Equal(SnapshotBlockPublicAccessState.BlockNewSharing, (await t.Ec2.EnableSnapshotBlockPublicAccessAsync(new() { State = SnapshotBlockPublicAccessState.BlockNewSharing })).State);
        await StateFingerprint.AssertUnchangedAsync(t.Cloud, () => t.Ec2.ShareAsync(other.SnapshotId, "all").AsTask(), EbsErrorCodes.OperationNotPermitted);
        await t.Ec2.ShareAsync(other.SnapshotId, Recipient);
        Assert.Equal([shared.SnapshotId], (await stranger.ListSnapshotsAsync(new() { RestorableByUserIds = ["all"] })).Select(s => s.SnapshotId));

        // block-all-sharing: the public snapshot is private to others, yet its permission still says all.
        await t.Ec2.EnableSnapshotBlockPublicAccessAsync(new() { State = SnapshotBlockPublicAccessState.BlockAllSharing });
        Assert.Empty(await stranger.ListSnapshotsAsync());
        await StateFingerprint.AssertUnchangedAsync(t.Cloud, () => stranger.CreateVolumeAsync(new() { AvailabilityZone = "us-east-1a", SnapshotId = shared.SnapshotId }).AsTask(), EbsErrorCodes.InvalidSnapshotNotFound);
        Assert.Equal(["all"], await t.Ec2.SharedWithAsync(shared.SnapshotId));
        Assert.Single(await t.Ec2Of(Recipient).ListSnapshotsAsync());

        // Another Region of the same account is not blocked; disabling makes the snapshot public again.
        Assert.Equal(SnapshotBlockPublicAccessState.Unblocked, (await t.Ec2Of(Owner, OtherRegion).GetSnapshotBlockPublicAccessStateAsync(new())).State);
        Assert.Equal(SnapshotBlockPublicAccessState.Unblocked, (await t.Ec2.DisableSnapshotBlockPublicAccessAsync(new())).State);
        Assert.Single(await stranger.ListSnapshotsAsync());
        await StateFingerprint.AssertUnchangedAsync(t.Cloud, () => t.Ec2.EnableSnapshotBlockPublicAccessAsync(new() { State = SnapshotBlockPublicAccessState.Unblocked }).AsTask(), EbsErrorCodes.InvalidParameterValue);

        // Images: block-new-sharing refuses making one public; one already public stays so.
        await t.Ec2.EnableImageBlockPublicAccessAsync(new() { ImageBlockPublicAccessState = ImageBlockPublicAccessState.BlockNewSharing });
        Assert.Equal(ImageBlockPublicAccessState.BlockNewSharing, (await t.Ec2.GetImageBlockPublicAccessStateAsync(new())).ImageBlockPublicAccessState);
        await StateFingerprint.AssertUnchangedAsync(t.Cloud, () => t.Ec2.ShareAsync(image, "all").AsTask(), EbsErrorCodes.OperationNotPermitted);
        await t.Ec2.DisableImageBlockPublicAccessAsync(new());
        await t.Ec2.ShareAsync(image, "all");
        await t.Ec2.EnableImageBlockPublicAccessAsync(new() { ImageBlockPublicAccessState = ImageBlockPublicAccessState.BlockNewSharing });
        await stranger.LaunchAsync(image);
    }

    [Fact]
    public async Task Archiving_a_shared_snapshot_unshares_it_and_an_archived_one_cannot_be_shared()
    {
        await using var t = new TestCloud();
        var volume = await t.CreateVolumeAsync();
        var snapshot = await t.CompleteAsync(await t.Ec2.TakeSnapshotAsync(volume.VolumeId));
        await t.Ec2.ShareAsync(snapshot.SnapshotId, Recipient);
        await t.Ec2.ModifySnapshotTierAsync(new() { SnapshotId = snapshot.SnapshotId });
        Assert.Empty(await t.Ec2.SharedWithAsync(snapshot.SnapshotId));
        Assert.Empty(await t.Ec2Of(Recipient).ListSnapshotsAsync());
        await StateFingerprint.AssertUnchangedAsync(t.Cloud, () => t.Ec2.ShareAsync(snapshot.SnapshotId, Recipient).AsTask(), EbsErrorCodes.IncorrectState);
    }

    [Fact]
    public async Task Unsharing_disables_the_recipients_fast_snapshot_restore()
    {
        await using var t = new TestCloud();
        var volume = await t.CreateVolumeAsync();
        var snapshot = await t.CompleteAsync(await t.Ec2.TakeSnapshotAsync(volume.VolumeId));
        var b = t.Ec2Of(Recipient);
        await t.Ec2.ShareAsync(snapshot.SnapshotId, Recipient);
        var enabled = await b.EnableFastSnapshotRestoresAsync(new() { AvailabilityZones = ["us-east-1a"], SourceSnapshotIds = [snapshot.SnapshotId] });
        Assert.Equal(Recipient, Assert.Single(enabled.Successful).OwnerId);
        await t.Ec2.ResetSnapshotAttributeAsync(new() { SnapshotId = snapshot.SnapshotId, Attribute = SnapshotAttributeName.CreateVolumePermission });
        var state = Assert.Single((await b.DescribeFastSnapshotRestoresAsync(new())).FastSnapshotRestores);
        Assert.Equal(FastSnapshotRestoreStateCode.Disabling, state.State);
        Assert.Equal("Client.InvalidSnapshot.InvalidState - The requested snapshot was deleted or access permissions were revoked", state.StateTransitionReason);
    }

    [Fact]
    public async Task Bad_permission_changes_are_refused_and_change_nothing()
    {
        await using var t = new TestCloud();
        var volume = await t.CreateVolumeAsync();
        var snapshot = (await t.Ec2.TakeSnapshotAsync(volume.VolumeId)).SnapshotId;
        var image = await t.RegisterImageAsync();
        foreach (var (call, code) in new (Func<Task>, string)[]
        {
            (() => t.Ec2.ModifySnapshotAttributeAsync(new() { SnapshotId = snapshot }).AsTask(), EbsErrorCodes.MissingParameter),
            (() => t.Ec2.ModifySnapshotAttributeAsync(new() { SnapshotId = snapshot, UserIds = [Recipient] }).AsTask(), EbsErrorCodes.InvalidParameterValue),
            (() => t.Ec2.ModifySnapshotAttributeAsync(new() { SnapshotId = snapshot, OperationType = OperationType.Add, UserIds = ["12345"] }).AsTask(), EbsErrorCodes.InvalidUserIdMalformed),
            (() => t.Ec2.ModifySnapshotAttributeAsync(new() { SnapshotId = snapshot, Attribute = SnapshotAttributeName.ProductCodes, OperationType = OperationType.Add, UserIds = [Recipient] }).AsTask(), EbsErrorCodes.InvalidParameterValue),
            (() => t.Ec2.ModifySnapshotAttributeAsync(new() { SnapshotId = snapshot, CreateVolumePermission = new() { Add = [new CreateVolumePermission { UserId = Recipient, Group = PermissionGroup.All }] } }).AsTask(), EbsErrorCodes.InvalidParameterValue),
            (() => t.Ec2.ResetSnapshotAttributeAsync(new() { SnapshotId = snapshot, Attribute = SnapshotAttributeName.ProductCodes }).AsTask(), EbsErrorCodes.InvalidParameterValue),
            (() => t.Ec2.ModifyImageAttributeAsync(new() { ImageId = image, Attribute = ImageAttributeName.ProductCodes }).AsTask(), EbsErrorCodes.InvalidParameterValue),
            (() => t.Ec2.ModifyImageAttributeAsync(new() { ImageId = image, Description = new string('d', 256) }).AsTask(), EbsErrorCodes.InvalidParameterValue),
            (() => t.Ec2.ResetImageAttributeAsync(new() { ImageId = image, Attribute = ImageAttributeName.Description }).AsTask(), EbsErrorCodes.InvalidParameterValue),
            (() => t.Ec2.DescribeSnapshotsAsync(new() { RestorableByUserIds = ["nobody"] }).AsTask(), EbsErrorCodes.InvalidUserIdMalformed),
            (() => t.Ec2.DescribeImagesAsync(new() { ExecutableUsers = ["amazon"] }).AsTask(), EbsErrorCodes.InvalidUserIdMalformed),
        })
        {
            await StateFingerprint.AssertUnchangedAsync(t.Cloud, call, code);
        }

        // The description attribute is cheap: set and described.
        await t.Ec2.ModifyImageAttributeAsync(new() { ImageId = image, Description = "golden, v2" });
        Assert.Equal("golden, v2", (await t.Ec2.DescribeImageAttributeAsync(new() { ImageId = image, Attribute = ImageAttributeName.Description })).Description);
    }

    private static async Task<byte[]> ReadAsync(Ec2Client ec2, VolumeId volume, int block)
    {
        var buffer = new byte[TestCloud.BlockSize];
        await ec2.ReadAtAsync(volume, (long)block * TestCloud.BlockSize, buffer);
        return buffer;
    }
}
