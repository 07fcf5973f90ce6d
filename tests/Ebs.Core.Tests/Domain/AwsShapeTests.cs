using System.Text.Json;
using Ebs.Core.Domain;
using Ebs.Core.Services;

namespace Ebs.Core.Tests.Domain;

public sealed class AwsShapeTests
{
    [Fact]
    public async Task DescribeSnapshots_Serialized_AwsJsonShape()
    {
        await using var t = new TestCloud();
        var volume = await t.CreateVolumeAsync();
        var snapshot = await t.CompleteAsync(await t.Ec2.TakeSnapshotAsync(volume.VolumeId, "nightly", new Dictionary<string, string> { ["Name"] = "db" }));

        using var json = JsonDocument.Parse(JsonSerializer.Serialize(await t.Ec2.DescribeSnapshotsAsync(new())));
        var element = json.RootElement.GetProperty("Snapshots")[0];

        Assert.Equal(snapshot.SnapshotId.Value, element.GetProperty("SnapshotId").GetString());
        Assert.Equal(volume.VolumeId.Value, element.GetProperty("VolumeId").GetString());
        Assert.Equal("completed", element.GetProperty("State").GetString());
        Assert.Equal("100%", element.GetProperty("Progress").GetString());
        Assert.Equal(1, element.GetProperty("VolumeSize").GetInt32());
        Assert.Equal("""[{"Key":"Name","Value":"db"}]""", element.GetProperty("Tags").GetRawText());
        Assert.False(element.TryGetProperty("ProgressPercent", out _));
    }

    [Fact]
    public async Task DescribeImages_Serialized_EnumsAsAwsStringsAndNestedEbs()
    {
        await using var t = new TestCloud();
        var volume = await t.CreateVolumeAsync();
        var snapshot = await t.CompleteAsync(await t.Ec2.TakeSnapshotAsync(volume.VolumeId));
        await t.Ec2.RegisterImageAsync(Services.ImageTests.Request("golden", snapshot.SnapshotId) with { Architecture = ArchitectureValues.X86_64, VirtualizationType = VirtualizationType.Hvm, BootMode = BootModeValues.UefiPreferred });

        using var json = JsonDocument.Parse(JsonSerializer.Serialize(await t.Ec2.DescribeImagesAsync(new())));
        var image = json.RootElement.GetProperty("Images")[0];

        Assert.Equal(("x86_64", "hvm", "uefi-preferred", "ebs", "available"), (image.GetProperty("Architecture").GetString(), image.GetProperty("VirtualizationType").GetString(), image.GetProperty("BootMode").GetString(), image.GetProperty("RootDeviceType").GetString(), image.GetProperty("State").GetString()));
        Assert.Equal(snapshot.SnapshotId.Value, image.GetProperty("BlockDeviceMappings")[0].GetProperty("Ebs").GetProperty("SnapshotId").GetString());
    }

    [Fact]
    public void TagsAndMappings_RoundTripThroughJson_Equal()
    {
        var tags = TagList.From(new Dictionary<string, string> { ["b"] = "2", ["a"] = "1" });
        var mappings = ValueList<BlockDeviceMapping>.From([Ec2Shorthands.Mapping("/dev/xvda", SnapshotId.Parse("snap-0123456789abcdef0"), volumeSize: 8)]);

        Assert.Equal(tags, JsonSerializer.Deserialize<TagList>(JsonSerializer.Serialize(tags)));
        Assert.Equal(mappings, JsonSerializer.Deserialize<ValueList<BlockDeviceMapping>>(JsonSerializer.Serialize(mappings)));
        Assert.Equal("a", tags[0].Key);
    }

    [Fact]
    public async Task EveryDescribe_RoundTripsThroughJson_Equal()
    {
        await using var t = new TestCloud();
        var volume = await t.CreateVolumeAsync();
        await t.WriteBlocksAsync(volume.VolumeId, [0, 3], seedBase: 1);
        var snapshot = await t.CompleteAsync(await t.Ec2.TakeSnapshotAsync(volume.VolumeId, "daily", new Dictionary<string, string> { ["k"] = "v" }));
        await t.Ec2.CreateVolumeAsync(new() { SnapshotId = snapshot.SnapshotId, AvailabilityZone = "us-east-1b" });
        await t.Ec2.RegisterImageAsync(Services.ImageTests.Request("golden", snapshot.SnapshotId) with { BootMode = BootModeValues.Uefi });

        var volumes = await t.Ec2.DescribeVolumesAsync(new());
        var snapshots = await t.Ec2.DescribeSnapshotsAsync(new());
        var images = await t.Ec2.DescribeImagesAsync(new());

        Assert.Equal(volumes, JsonSerializer.Deserialize<DescribeVolumesResponse>(JsonSerializer.Serialize(volumes)));
        Assert.Equal(snapshots, JsonSerializer.Deserialize<DescribeSnapshotsResponse>(JsonSerializer.Serialize(snapshots)));
        Assert.Equal(images, JsonSerializer.Deserialize<DescribeImagesResponse>(JsonSerializer.Serialize(images)));
    }

    [Fact]
    public async Task Describe_Twice_EqualByValueTagsAndMappingsIncluded()
    {
        await using var t = new TestCloud();
        var volume = await t.CreateVolumeAsync();
        var snapshot = await t.CompleteAsync(await t.Ec2.TakeSnapshotAsync(volume.VolumeId, tags: new Dictionary<string, string> { ["k"] = "v" }));
        await t.Ec2.RegisterImageAsync(Services.ImageTests.Request("golden", snapshot.SnapshotId));

        Assert.Equal(await t.Ec2.DescribeImagesAsync(new()), await t.Ec2.DescribeImagesAsync(new()));
        Assert.Equal(await t.Ec2.DescribeSnapshotsAsync(new()), await t.Ec2.DescribeSnapshotsAsync(new()));
        Assert.Equal((await t.Ec2.DescribeSnapshotsAsync(new())).GetHashCode(), (await t.Ec2.DescribeSnapshotsAsync(new())).GetHashCode());
        Assert.Contains("k=v", snapshot.ToString(), StringComparison.Ordinal);
    }

    [Fact]
    public void Ids_ParseAsSpanParsable_SameAsString()
    {
        Assert.Equal(VolumeId.Parse("vol-0123456789abcdef0"), Parse<VolumeId>("vol-0123456789abcdef0"));
        Assert.Equal(SnapshotId.Parse("snap-0123456789abcdef0"), Parse<SnapshotId>("snap-0123456789abcdef0"));
        Assert.Equal(ImageId.Parse("ami-0123456789abcdef0"), Parse<ImageId>("ami-0123456789abcdef0"));
        Assert.Equal((ResourceId)SnapshotId.Parse("snap-0123456789abcdef0"), Parse<ResourceId>("snap-0123456789abcdef0"));
        Assert.Equal(InstanceId.Parse("i-0123456789abcdef0"), Parse<InstanceId>("i-0123456789abcdef0"));
        Assert.Equal((ResourceId)InstanceId.Parse("i-0123456789abcdef0"), Parse<ResourceId>("i-0123456789abcdef0"));
        Assert.False(VolumeId.TryParse("snap-0123456789abcdef0".AsSpan(), null, out _));
        Assert.Equal(EbsErrorCodes.InvalidId, Assert.Throws<EbsException>(() => ResourceId.Parse("eni-0123456789abcdef0")).ErrorCode);

        static T Parse<T>(string text)
            where T : ISpanParsable<T> => T.Parse(text.AsSpan(), null);
    }

    [Fact]
    public void AwsEnum_WireStrings_RoundTrip()
    {
        Assert.Equal("in-use", VolumeState.InUse.ToAwsString());
        Assert.Equal(ArchitectureValues.X86_64Mac, AwsEnum.Parse<ArchitectureValues>("x86_64_mac"));
        Assert.Equal("\"legacy-bios\"", JsonSerializer.Serialize(BootModeValues.LegacyBios));
        Assert.Equal(EbsErrorCodes.InvalidParameterValue, Assert.Throws<EbsException>(() => AwsEnum.Parse<VolumeState>("InUse")).ErrorCode);
    }

    [Fact]
    public async Task CreateTags_OnImageThenDeleteTagsByValue_AwsRules()
    {
        await using var t = new TestCloud();
        var volume = await t.CreateVolumeAsync();
        var snapshot = await t.CompleteAsync(await t.Ec2.TakeSnapshotAsync(volume.VolumeId));
        var image = await t.Ec2.RegisterImageAsync(Services.ImageTests.Request("golden", snapshot.SnapshotId));

        await t.Ec2.CreateTagsAsync(new() { Resources = [image.ImageId, snapshot.SnapshotId], Tags = [new Tag("a", "1"), new Tag("b", "2")] });
        await t.Ec2.DeleteTagsAsync(new() { Resources = [image.ImageId], Tags = [new Tag("a", "other"), new Tag("b", "2")] });
        await t.Ec2.DeleteTagsAsync(new() { Resources = [snapshot.SnapshotId] });

        Assert.Equal([new Tag("a", "1")], (await t.Ec2.DescribeImageAsync(image.ImageId)).Tags);
        Assert.Empty((await t.Ec2.DescribeSnapshotAsync(snapshot.SnapshotId)).Tags);
    }

    [Fact]
    public async Task CreateVolume_TagSpecificationOfAnotherType_InvalidParameterValueAndNothingChanged()
    {
        await using var t = new TestCloud();

        await StateFingerprint.AssertUnchangedAsync(
            t.Cloud,
            () => t.Ec2.CreateVolumeAsync(new() { AvailabilityZone = "us-east-1a", Size = 1, TagSpecifications = Ec2Shorthands.Tags(ResourceType.Snapshot, new Dictionary<string, string> { ["a"] = "b" }) }).AsTask(),
            EbsErrorCodes.InvalidParameterValue);
    }
}
