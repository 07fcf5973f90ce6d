using Ebs.Core.Chunks;
using Ebs.Core.Domain;
using Ebs.Core.Services;
using Ebs.Core.Storage;
using Ebs.Core.Tests.Storage;

namespace Ebs.Core.Tests.Services;

public sealed class ImportVolumeTests
{
    private const int B = TestCloud.BlockSize;

    /// <summary>Three 16-MiB batches: enough for an import to be interrupted between commits.</summary>
    private const int LongImage = 40 << 20;

    [Fact]
    public async Task ImportVolume_NewVolume_HoldsImageAndItsLengthAndStoresOnlyWrittenBlocks()
    {
        await using var t = new TestCloud();
        var image = TestCloud.Image((3 << 20) + 1234, seed: 1);
        var reported = new List<long>();

        var volume = await t.Ec2.ImportVolumeAsync(new ImportVolumeRequest { AvailabilityZone = "us-east-1b", Source = new MemoryStream(image), Progress = new SyncProgress(reported.Add) });

        Assert.Equal((VolumeState.Available, 1, "us-east-1b", (long?)image.Length), (volume.Volume.State, volume.Volume.Size, volume.Volume.AvailabilityZone, volume.Volume.DiskImageSizeInBytes));
        Assert.Equal(image, await t.ReadAsync(volume.Volume.VolumeId, 0, image.Length));
        Assert.Equal([image.Length], reported);
        var blocks = (image.Length + B - 1) / B;
        Assert.Equal(blocks - ((blocks + 2) / 3), t.StoredChunks);
        Assert.Equal([volume.Volume.VolumeId], (await t.Ec2.ListVolumesAsync()).Select(v => v.VolumeId));
    }

    [Fact]
    public async Task ImportVolume_ImageLongerThanSize_RefusedAndNothingCreated()
    {
        using var dir = new TempDirectory();
        await using var t = new TestCloud();
        await using var big = SparseFile(dir, (1L << 30) + 1);

        var error = await Assert.ThrowsAsync<EbsException>(() => t.Ec2.ImportVolumeAsync(new ImportVolumeRequest { AvailabilityZone = "us-east-1a", Size = 1, Source = big }).AsTask());

        Assert.Equal(EbsErrorCodes.InvalidParameterValue, error.ErrorCode);
        Assert.Empty(t.Cloud.Engine.World.Volumes);
        Assert.Equal(0, big.Position);
    }

    [Fact]
    public async Task ImportVolume_UnknownZone_RefusedAndNothingCreated()
    {
        await using var t = new TestCloud();

        var error = await Assert.ThrowsAsync<EbsException>(() => t.Ec2.ImportVolumeAsync(new ImportVolumeRequest { AvailabilityZone = "eu-west-1a", Source = new MemoryStream(TestCloud.Image(B, 1)) }).AsTask());

        Assert.Equal(EbsErrorCodes.InvalidZoneNotFound, error.ErrorCode);
        Assert.Empty(t.Cloud.Engine.World.Volumes);
    }

    [Fact]
    public async Task ImportVolume_SizeGivenWithExistingVolume_RefusedAndVolumeUnchanged()
    {
        await using var t = new TestCloud();
        var volume = await t.CreateVolumeAsync();

        var error = await Assert.ThrowsAsync<EbsException>(() => t.Ec2.ImportVolumeAsync(new ImportVolumeRequest { VolumeId = volume.VolumeId, Size = 2, Source = new MemoryStream(TestCloud.Image(B, 1)) }).AsTask());

        Assert.Equal(EbsErrorCodes.InvalidParameterCombination, error.ErrorCode);
        Assert.Equal(volume, await t.Ec2.DescribeVolumeAsync(volume.VolumeId));
        Assert.Equal(0, t.StoredChunks);
    }

    [Fact]
    public async Task ImportVolume_UnseekableSourceWithoutSize_Refused()
    {
        await using var t = new TestCloud();
        var pipe = new InterruptedStream(TestCloud.Image(B, 1), long.MaxValue, () => { }, seekable: false);

        var error = await Assert.ThrowsAsync<EbsException>(() => t.Ec2.ImportVolumeAsync(new ImportVolumeRequest { AvailabilityZone = "us-east-1a", Source = pipe }).AsTask());

        Assert.Equal(EbsErrorCodes.InvalidParameterValue, error.ErrorCode);
        Assert.Empty(t.Cloud.Engine.World.Volumes);
    }

    [Fact]
    public async Task ImportVolume_UnseekableSource_ImportsWithGivenSize()
    {
        await using var t = new TestCloud();
        var image = TestCloud.Image(LongImage, seed: 2);

        var volume = await t.Ec2.ImportVolumeAsync(new ImportVolumeRequest { AvailabilityZone = "us-east-1a", Size = 1, Source = new InterruptedStream(image, long.MaxValue, () => { }, seekable: false) });

        Assert.Equal(image.Length, volume.Volume.DiskImageSizeInBytes);
        Assert.Equal(image, await t.ReadAsync(volume.Volume.VolumeId, 0, image.Length));
    }

    [Fact]
    public async Task ImportVolume_UnseekableSourceLongerThanVolume_FailsPastTheEndAndLeavesNoVolume()
    {
        await using var t = new TestCloud();

        var error = await Assert.ThrowsAsync<EbsException>(() => t.Ec2.ImportVolumeAsync(new ImportVolumeRequest { AvailabilityZone = "us-east-1a", Size = 1, Source = new EndlessStream() }).AsTask());

        Assert.Equal(EbsErrorCodes.InvalidParameterValue, error.ErrorCode);
        Assert.Empty(t.Cloud.Engine.World.Volumes);
        Assert.Equal(0, t.StoredChunks);
    }

    [Fact]
    public async Task ImportVolume_SourceFailsMidway_LeavesNoVolumeAndNoChunk()
    {
        await using var t = new TestCloud();
        var source = new InterruptedStream(TestCloud.Image(LongImage, seed: 3), 20 << 20, () => throw new IOException("The disk went away."));

        await Assert.ThrowsAsync<IOException>(() => t.Ec2.ImportVolumeAsync(new ImportVolumeRequest { AvailabilityZone = "us-east-1a", Source = source }).AsTask());

        Assert.Empty(t.Cloud.Engine.World.Volumes);
        Assert.Equal(0, t.StoredChunks);
        Assert.True((await t.Cloud.ScrubAsync()).IsClean);
    }

    [Fact]
    public async Task ImportVolume_CancelledMidway_LeavesNoVolumeAndNoChunk()
    {
        await using var t = new TestCloud();
        using var cancel = new CancellationTokenSource();
        var source = new InterruptedStream(TestCloud.Image(LongImage, seed: 4), 20 << 20, cancel.Cancel);

        await Assert.ThrowsAnyAsync<OperationCanceledException>(() => t.Ec2.ImportVolumeAsync(new ImportVolumeRequest { AvailabilityZone = "us-east-1a", Source = source }, cancel.Token).AsTask());

        Assert.Empty(t.Cloud.Engine.World.Volumes);
        Assert.Equal(0, t.StoredChunks);
        Assert.True((await t.Cloud.ScrubAsync()).IsClean);
    }

    [Fact]
    public async Task ImportVolume_WhileRunning_VolumeInvisibleAndUnusable()
    {
        await using var t = new TestCloud();
        VolumeId hidden = default;
        (int Listed, EbsException? Describe, EbsException? Snapshot, EbsException? Write) seen = default;
        var source = new InterruptedStream(TestCloud.Image(LongImage, seed: 5), 20 << 20, () =>
        {
            hidden = t.Cloud.Engine.World.Volumes.Keys.Single();
            seen = (
                t.Ec2.ListVolumesAsync().AsTask().GetAwaiter().GetResult().Count,
                Assert.Throws<EbsException>(() => t.Ec2.DescribeVolumeAsync(hidden).AsTask().GetAwaiter().GetResult()),
                Assert.Throws<EbsException>(() => t.Ec2.TakeSnapshotAsync(hidden).AsTask().GetAwaiter().GetResult()),
                Assert.Throws<EbsException>(() => t.Ec2.WriteAtAsync(hidden, 0, new byte[B]).AsTask().GetAwaiter().GetResult()));
        });

        var volume = await t.Ec2.ImportVolumeAsync(new ImportVolumeRequest { AvailabilityZone = "us-east-1a", Source = source });

        Assert.Equal(hidden, volume.Volume.VolumeId);
        Assert.Equal(0, seen.Listed);
        Assert.All([seen.Describe, seen.Snapshot, seen.Write], e => Assert.Equal(EbsErrorCodes.InvalidVolumeNotFound, e?.ErrorCode));
        Assert.Single(await t.Ec2.ListVolumesAsync());
    }

    [Fact]
    public async Task ImportVolume_AgainIntoVolumeWithOnePercentChanged_SnapshotCopiesOnlyTheChange()
    {
        await using var t = new TestCloud();
        var image = TestCloud.Image(2048 * B, seed: 6);
        var volume = await t.Ec2.ImportVolumeAsync(new ImportVolumeRequest { AvailabilityZone = "us-east-1a", Source = new MemoryStream(image) });
        var first = await t.CompleteAsync(await t.Ec2.TakeSnapshotAsync(volume.Volume.VolumeId));
        var changed = Enumerable.Range(0, 20).Select(i => (i * 101) + 1).ToList();
        foreach (var block in changed)
        {
            image[(block * B) + 7] ^= 0x5a;
        }

        await t.Ec2.ImportVolumeAsync(new ImportVolumeRequest { VolumeId = volume.Volume.VolumeId, Source = new MemoryStream(image) });
        var second = await t.CompleteAsync(await t.Ec2.TakeSnapshotAsync(volume.Volume.VolumeId));

        Assert.Equal((2048L - 683) * B, first.IncrementalSizeInBytes);
        Assert.Equal(20L * B, second.IncrementalSizeInBytes);
        var copyTime = new EbsOptions().SnapshotSetupTime + TimeSpan.FromSeconds(20.0 * B / new EbsOptions().SnapshotThroughputBytesPerSecond);
        Assert.Equal(copyTime, second.CompletionTime - second.StartTime);
        var diff = await t.Cloud.Account(TestCloud.Account).EbsDirect(TestCloud.Region).Paginators.ListChangedBlocks(new() { FirstSnapshotId = first.SnapshotId, SecondSnapshotId = second.SnapshotId }).ChangedBlocks.Select(b => b.BlockIndex).ToListAsync();
        Assert.Equal(changed.Select(b => (long)b), diff);
        Assert.Equal(image, await t.ReadAsync(volume.Volume.VolumeId, 0, image.Length));
    }

    [Fact]
    public async Task ImportVolume_DiskImageSize_TravelsToSnapshotRestoredVolumeAndCopies()
    {
        await using var t = new TestCloud();
        var image = TestCloud.Image((2 << 20) + 77, seed: 7);
        var dr = t.Cloud.Account(TestCloud.Account).Ec2("eu-west-1");
        var volume = await t.Ec2.ImportVolumeAsync(new ImportVolumeRequest { AvailabilityZone = "us-east-1a", Source = new MemoryStream(image) });

        var snapshot = await t.CompleteAsync(await t.Ec2.TakeSnapshotAsync(volume.Volume.VolumeId));
        var restored = await t.Ec2.CreateVolumeAsync(new CreateVolumeRequest { AvailabilityZone = "us-east-1c", SnapshotId = snapshot.SnapshotId, Size = 3 });
        var copy = await dr.CopySnapshotHereAsync(TestCloud.Region, snapshot.SnapshotId);
        t.Time.Advance(TimeSpan.FromHours(1));
        var fromCopy = await dr.CreateVolumeAsync(new CreateVolumeRequest { AvailabilityZone = "eu-west-1a", SnapshotId = copy.SnapshotId });
        var plain = await t.CreateVolumeAsync();

        Assert.All([snapshot.DiskImageSizeInBytes, restored.Volume.DiskImageSizeInBytes, copy.DiskImageSizeInBytes, fromCopy.Volume.DiskImageSizeInBytes], size => Assert.Equal(image.Length, size));
        Assert.Null(plain.DiskImageSizeInBytes);
        Assert.Null((await t.CompleteAsync(await t.Ec2.TakeSnapshotAsync(plain.VolumeId))).DiskImageSizeInBytes);
    }

    [Fact]
    public async Task OpenAsync_StoreHoldsUnfinishedImport_RemovesItAndScrubIsClean()
    {
        var options = new EbsOptions { BlockSize = B, IdSeed = 9 };
        var chunks = new InMemoryChunkStore(B);
        var state = new InMemoryStateStore();
        Volume kept;
        await using (var cloud = await EbsCloud.OpenAsync(options, chunks, new DyingStateStore(state, commits: 5)))
        {
            var ec2 = cloud.Account(TestCloud.Account).Ec2(TestCloud.Region);
            kept = (await ec2.ImportVolumeAsync(new ImportVolumeRequest { AvailabilityZone = "us-east-1a", Source = new MemoryStream(TestCloud.Image(B * 10, seed: 8)) })).Volume;

            // Created and its first batch committed; the process dies before the second lands.
            await Assert.ThrowsAsync<IOException>(() => ec2.ImportVolumeAsync(new ImportVolumeRequest { AvailabilityZone = "us-east-1a", Source = new MemoryStream(TestCloud.Image(LongImage, seed: 9)) }).AsTask());
        }

        Assert.Equal(2, (await state.LoadAsync()).Documents.Count(d => d.Kind == RecordKinds.Volume.Name));
        await using (var cloud = await EbsCloud.OpenAsync(options, chunks, state))
        {
            Assert.Equal([kept.VolumeId], cloud.Engine.World.Volumes.Keys);
            await CrashChecks.AssertOnlyLeaksThenRepairAsync(cloud);
        }

        Assert.Equal(6, chunks.Count);

        var stored = await state.LoadAsync();
        Assert.Single(stored.Documents, d => d.Kind == RecordKinds.Volume.Name);
        Assert.Equal(6, stored.Documents.Count(d => d.Kind == StateCodec.BlockKind));
    }

    private static FileStream SparseFile(TempDirectory dir, long length)
    {
        var file = new FileStream(Path.Combine(dir.Path, "big.img"), FileMode.CreateNew, FileAccess.ReadWrite);
        file.SetLength(length);
        return file;
    }

    /// <summary>A pipe that never ends: one block of data, then zeros.</summary>
    private sealed class EndlessStream : Stream
    {
        private long _position;

        public override bool CanRead => true;

        public override bool CanSeek => false;

        public override bool CanWrite => false;

        public override long Length => throw new NotSupportedException();

        public override long Position
        {
            get => throw new NotSupportedException();
            set => throw new NotSupportedException();
        }

        public override int Read(byte[] buffer, int offset, int count)
        {
            Array.Clear(buffer, offset, count);
            if (_position == 0 && count >= B)
            {
                TestCloud.Block(1).CopyTo(buffer, offset);
            }

            _position += count;
            return count;
        }

        public override void Flush()
        {
        }

        public override long Seek(long offset, SeekOrigin origin) => throw new NotSupportedException();

        public override void SetLength(long value) => throw new NotSupportedException();

        public override void Write(byte[] buffer, int offset, int count) => throw new NotSupportedException();
    }

    /// <summary>Reports on the calling thread, so every report has arrived when the call returns.</summary>
    private sealed class SyncProgress(Action<long> report) : IProgress<long>
    {
        public void Report(long value) => report(value);
    }
}
