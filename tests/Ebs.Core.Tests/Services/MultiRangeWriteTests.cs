using Ebs.Core.Services;
using Ebs.Core.Tests.Properties;
using FsCheck;
using FsCheck.Fluent;

namespace Ebs.Core.Tests.Services;

public sealed class MultiRangeWriteTests
{
    private const int B = TestCloud.BlockSize;
    private const int Span = 8 * B; // the stretch of volume the ranges fall in

    [Fact]
    public void RandomRanges_SameBytesAsWritingThemOneByOne()
    {
        // Sorted, non-overlapping ranges, often adjacent and sharing a block, often partial.
        var ranges = from cuts in Gen.Choose(0, Span).ListOf().Select(c => c.Distinct().Order().ToArray())
                     from keep in Gen.Elements(true, false).ArrayOf(Math.Max(0, cuts.Length - 1))
                     from seed in Gen.Choose(0, 1000)
                     select (Ranges: Enumerable.Range(0, keep.Length).Where(i => keep[i]).Select(i => (Offset: cuts[i], Length: cuts[i + 1] - cuts[i])).ToArray(), Seed: seed);
        Prop.ForAll(ranges.ToArbitrary(), x => CheckAsync(x.Ranges, x.Seed).GetAwaiter().GetResult())
            .Check(Config.QuickThrowOnFailure.WithMaxTest(Math.Max(1, ModelBasedTests.Runs / 4)));
    }

    [Fact]
    public async Task OverlappingOrUnorderedOrOutside_InvalidParameterValueAndNothingChanged()
    {
        await using var t = new TestCloud();
        var volume = await t.CreateVolumeAsync();
        await t.Ec2.WriteAtAsync(volume.VolumeId, 0, TestCloud.Block(1));
        var bytes = new byte[100];

        await StateFingerprint.AssertUnchangedAsync(t.Cloud, () => t.Ec2.WriteAtAsync(volume.VolumeId, [new(0, bytes), new(50, bytes)]).AsTask(), EbsErrorCodes.InvalidParameterValue);
        await StateFingerprint.AssertUnchangedAsync(t.Cloud, () => t.Ec2.WriteAtAsync(volume.VolumeId, [new(B, bytes), new(0, bytes)]).AsTask(), EbsErrorCodes.InvalidParameterValue);
        await StateFingerprint.AssertUnchangedAsync(t.Cloud, () => t.Ec2.WriteAtAsync(volume.VolumeId, [new(0, bytes), new(volume.SizeInBytes - 10, bytes)]).AsTask(), EbsErrorCodes.InvalidParameterValue);
        Assert.Equal(TestCloud.Block(1), await t.ReadAsync(volume.VolumeId, 0, B));
    }

    private static async Task CheckAsync((int Offset, int Length)[] ranges, int seed)
    {
        await using var t = new TestCloud();
        var together = await t.CreateVolumeAsync();
        var oneByOne = await t.CreateVolumeAsync();
        var background = new byte[Span];
        new Random(seed).NextBytes(background);
        await t.Ec2.WriteAtAsync(together.VolumeId, 0, background);
        await t.Ec2.WriteAtAsync(oneByOne.VolumeId, 0, background);

        var random = new Random(seed + 1);
        var writes = ranges.Select(r =>
        {
            var data = new byte[r.Length];
            random.NextBytes(data);
            return new VolumeWrite(r.Offset, data);
        }).ToArray();
        await t.Ec2.WriteAtAsync(together.VolumeId, writes);
        foreach (var write in writes)
        {
            await t.Ec2.WriteAtAsync(oneByOne.VolumeId, write.Offset, write.Data);
        }

        Assert.Equal(await t.ReadAsync(oneByOne.VolumeId, 0, Span), await t.ReadAsync(together.VolumeId, 0, Span));
        Assert.True((await t.Cloud.ScrubAsync()).IsClean);
    }
}
