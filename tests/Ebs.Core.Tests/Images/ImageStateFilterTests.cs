using Ebs.Core.Domain;
using Ebs.Core.Services;
using Ebs.Core.Tests.Instances;

namespace Ebs.Core.Tests.Images;

public sealed class ImageStateFilterTests
{
    [Fact]
    public async Task DescribeImages_StateFilter_PendingAvailableDisabledAndNeverFailed()
    {
        await using var t = new TestCloud();
        var available = await t.RegisterImageAsync("available");
        var disabled = await t.RegisterImageAsync("disabled");
        await t.Ec2.DisableImageAsync(new DisableImageRequest { ImageId = disabled });
        var copy = (await t.Ec2.CopyImageAsync(new CopyImageRequest { SourceRegion = TestCloud.Region, SourceImageId = available, Name = "pending copy" })).ImageId;

        async Task<ImageId[]> InState(params string[] states)
            => [.. (await t.Ec2.DescribeImagesAsync(new DescribeImagesRequest { Owners = ["self"], IncludeDisabled = true, Filters = [new Filter("state", states)] })).Images.Select(i => i.ImageId)];

        Assert.Equal([copy], await InState("pending"));
        Assert.Equal([available], await InState("available"));
        Assert.Equal([disabled], await InState("disabled"));
        Assert.Empty(await InState("failed")); // no snapshot fails in the library, so no image does (docs/images.md)
        t.Time.Advance(TimeSpan.FromHours(1));
        Assert.Equal(new[] { available, copy }.OrderBy(i => i.Value, StringComparer.Ordinal), await InState("available", "failed"));
    }
}
