using Ebs.Core.Domain;
using Ebs.Core.Services;

namespace Ebs.Core.Tests.Services;

public sealed class PaginationTests
{
    [Fact]
    public async Task DescribeVolumes_MaxResults_PagesInIdOrderWithOpaqueToken()
    {
        await using var t = new TestCloud();
        var ids = new List<VolumeId>();
        for (var i = 0; i < 12; i++)
        {
            ids.Add((await t.CreateVolumeAsync()).VolumeId);
        }

        var first = await t.Ec2.DescribeVolumesAsync(new() { MaxResults = 5 });
        var second = await t.Ec2.DescribeVolumesAsync(new() { MaxResults = 5, NextToken = first.NextToken });
        var third = await t.Ec2.DescribeVolumesAsync(new() { MaxResults = 5, NextToken = second.NextToken });

        Assert.Equal(ids.OrderBy(i => i.Value, StringComparer.Ordinal).Take(5), first.Volumes.Select(v => v.VolumeId));
        Assert.DoesNotContain(ids[0].Value, first.NextToken);
        Assert.Equal(ids.OrderBy(i => i.Value, StringComparer.Ordinal).Skip(5).Take(5), second.Volumes.Select(v => v.VolumeId));
        Assert.Equal(2, third.Volumes.Count);
        Assert.Null(third.NextToken);
    }

    [Fact]
    public async Task DescribeSnapshots_DeletionBetweenPages_NeitherRepeatsNorSkips()
    {
        await using var t = new TestCloud();
        var volume = await t.CreateVolumeAsync();
        var taken = new List<Snapshot>();
        for (var i = 0; i < 8; i++)
        {
            taken.Add(await t.Ec2.TakeSnapshotAsync(volume.VolumeId));
            t.Time.Advance(TimeSpan.FromMinutes(1));
        }

        var first = await t.Ec2.DescribeSnapshotsAsync(new() { MaxResults = 5 });
        await t.Ec2.DeleteSnapshotAsync(first.Snapshots[^1].SnapshotId);
        var second = await t.Ec2.DescribeSnapshotsAsync(new() { MaxResults = 5, NextToken = first.NextToken });

        Assert.Equal(taken.Select(s => s.SnapshotId), first.Snapshots.Concat(second.Snapshots).Select(s => s.SnapshotId));
    }

    [Fact]
    public async Task Paginators_DescribeVolumes_VisitEveryVolumeOncePageByPage()
    {
        await using var t = new TestCloud();
        for (var i = 0; i < 11; i++)
        {
            await t.CreateVolumeAsync();
        }

        var paginator = t.Ec2.Paginators.DescribeVolumes(new() { MaxResults = 5 });
        var pages = await paginator.Responses.ToListAsync();
        var volumes = await paginator.Volumes.ToListAsync();

        Assert.Equal([5, 5, 1], pages.Select(p => p.Volumes.Count));
        Assert.Equal((await t.Ec2.DescribeVolumesAsync(new())).Volumes, volumes);
    }

    [Fact]
    public async Task Paginators_DescribeSnapshotsAndImages_YieldWhatOneDescribeReturns()
    {
        await using var t = new TestCloud();
        var volume = await t.CreateVolumeAsync();
        for (var i = 0; i < 6; i++)
        {
            var snapshot = await t.CompleteAsync(await t.Ec2.TakeSnapshotAsync(volume.VolumeId));
            await t.Ec2.RegisterImageAsync(ImageTests.Request($"image-{i}", snapshot.SnapshotId));
        }

        Assert.Equal((await t.Ec2.DescribeSnapshotsAsync(new())).Snapshots, await t.Ec2.Paginators.DescribeSnapshots(new() { MaxResults = 5 }).Snapshots.ToListAsync());
        Assert.Equal((await t.Ec2.DescribeImagesAsync(new())).Images, await t.Ec2.Paginators.DescribeImages(new() { MaxResults = 5 }).Images.ToListAsync());
    }

    public static TheoryData<string, Func<Ec2Client, Task>> BadPaging => new()
    {
        { EbsErrorCodes.InvalidParameterValue, ec2 => ec2.DescribeVolumesAsync(new() { MaxResults = 4 }).AsTask() },
        { EbsErrorCodes.InvalidParameterValue, ec2 => ec2.DescribeSnapshotsAsync(new() { MaxResults = 0 }).AsTask() },
        { EbsErrorCodes.InvalidParameterCombination, ec2 => ec2.DescribeVolumesAsync(new() { MaxResults = 5, VolumeIds = [VolumeId.Parse("vol-0123456789abcdef0")] }).AsTask() },
        { EbsErrorCodes.InvalidParameterCombination, ec2 => ec2.DescribeSnapshotsAsync(new() { MaxResults = 5, SnapshotIds = [SnapshotId.Parse("snap-0123456789abcdef0")] }).AsTask() },
        { EbsErrorCodes.InvalidPaginationToken, ec2 => ec2.DescribeVolumesAsync(new() { MaxResults = 5, NextToken = "not-a-token" }).AsTask() },
        { EbsErrorCodes.InvalidPaginationToken, ec2 => ec2.DescribeImagesAsync(new() { NextToken = "bm8=" }).AsTask() },
    };

    [Theory]
    [MemberData(nameof(BadPaging))]
    public async Task Describe_BadPaging_AwsErrorCodeAndNothingChanged(string expectedCode, Func<Ec2Client, Task> call)
    {
        await using var t = new TestCloud();
        await t.CreateVolumeAsync();

        await StateFingerprint.AssertUnchangedAsync(t.Cloud, () => call(t.Ec2), expectedCode);
    }

    [Fact]
    public async Task DescribeSnapshots_TokenOfAnotherOperation_InvalidPaginationToken()
    {
        await using var t = new TestCloud();
        for (var i = 0; i < 6; i++)
        {
            await t.CreateVolumeAsync();
        }

        var token = (await t.Ec2.DescribeVolumesAsync(new() { MaxResults = 5 })).NextToken;

        var error = await Assert.ThrowsAsync<EbsException>(() => t.Ec2.DescribeSnapshotsAsync(new() { NextToken = token }).AsTask());
        Assert.Equal(EbsErrorCodes.InvalidPaginationToken, error.ErrorCode);
    }
}
