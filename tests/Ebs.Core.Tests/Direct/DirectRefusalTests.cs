using Ebs.Core.Domain;
using Ebs.Core.Services;

namespace Ebs.Core.Tests.Direct;

/// <summary>Every ValidationException reason of the direct APIs' writes, each refused with the state unchanged and nothing half-written stored.</summary>
public sealed class DirectRefusalTests
{
    private static readonly byte[] Data = TestCloud.Block(1);

    public static TheoryData<string, string> Cases => new()
    {
        { "start: size 0", EbsErrorReasons.InvalidVolumeSize },
        { "start: size over 64 TiB", EbsErrorReasons.InvalidVolumeSize },
        { "start: smaller than parent", EbsErrorReasons.InvalidVolumeSize },
        { "start: timeout 9", EbsErrorReasons.InvalidParameterValue },
        { "start: timeout 4321", EbsErrorReasons.InvalidParameterValue },
        { "start: long description", EbsErrorReasons.InvalidParameterValue },
        { "start: bad tag", EbsErrorReasons.InvalidTag },
        { "start: parent still being written", EbsErrorReasons.InvalidSnapshotId },
        { "start: malformed parent", EbsErrorReasons.InvalidSnapshotId },
        { "put: data length", EbsErrorReasons.InvalidParameterValue },
        { "put: negative index", EbsErrorReasons.InvalidParameterValue },
        { "put: progress 101", EbsErrorReasons.InvalidParameterValue },
        { "put: checksum not base64", EbsErrorReasons.InvalidParameterValue },
        { "put: checksum mismatch", EbsErrorReasons.InvalidBlock },
        { "put: short body", EbsErrorReasons.InvalidBlock },
        { "put: long body", EbsErrorReasons.InvalidBlock },
        { "put: index beyond volume", EbsErrorReasons.InvalidBlock },
        { "put: ec2 snapshot", EbsErrorReasons.InvalidSnapshotId },
        { "put: completed", EbsErrorReasons.InvalidSnapshotId },
        { "complete: count", EbsErrorReasons.InvalidParameterValue },
        { "complete: checksum", EbsErrorReasons.InvalidParameterValue },
        { "complete: checksum without method", EbsErrorReasons.InvalidParameterValue },
        { "complete: ec2 snapshot", EbsErrorReasons.InvalidSnapshotId },
        { "changed: unrelated", EbsErrorReasons.UnrelatedSnapshots },
        { "list: page token", EbsErrorReasons.InvalidPageToken },
        { "list: max results", EbsErrorReasons.InvalidParameterValue },
    };

    [Theory]
    [MemberData(nameof(Cases))]
    public async Task Refused_ValidationExceptionWithReasonAndStateUnchanged(string call, string reason)
    {
        await using var t = new TestCloud();
        var direct = t.Direct();
        var volume = await t.CreateVolumeAsync();
        await t.WriteBlocksAsync(volume.VolumeId, [0], 5);
        var ec2Snapshot = (await t.CompleteAsync(await t.Ec2.TakeSnapshotAsync(volume.VolumeId))).SnapshotId;
        var otherVolume = await t.CreateVolumeAsync();
        var unrelated = (await t.CompleteAsync(await t.Ec2.TakeSnapshotAsync(otherVolume.VolumeId))).SnapshotId;
        var big = await DirectWriteTests.WrittenAsync(t, (0, TestCloud.Block(9)));
        var twoGiB = (await direct.StartSnapshotAsync(new StartSnapshotRequest { VolumeSize = 2 })).SnapshotId;
        await direct.CompleteSnapshotAsync(new CompleteSnapshotRequest { SnapshotId = twoGiB, ChangedBlocksCount = 0 });
        t.Time.Advance(TimeSpan.FromHours(1));
        var writing = (await direct.StartSnapshotAsync(new StartSnapshotRequest { VolumeSize = 1 })).SnapshotId;
        await direct.PutAsync(writing, 2, Data);
        var completed = (await direct.StartSnapshotAsync(new StartSnapshotRequest { VolumeSize = 1 })).SnapshotId;
        await direct.CompleteSnapshotAsync(new CompleteSnapshotRequest { SnapshotId = completed, ChangedBlocksCount = 0 });
        var blocksPerGiB = (1 << 30) / TestCloud.BlockSize;
        var sum = new CompleteSnapshotRequest { SnapshotId = writing, ChangedBlocksCount = 1, ChecksumAlgorithm = ChecksumAlgorithm.Sha256, ChecksumAggregationMethod = ChecksumAggregationMethod.Linear };

        Func<Task> refused = call switch
        {
            "start: size 0" => () => direct.StartSnapshotAsync(new StartSnapshotRequest { VolumeSize = 0 }).AsTask(),
            "start: size over 64 TiB" => () => direct.StartSnapshotAsync(new StartSnapshotRequest { VolumeSize = 65537 }).AsTask(),
            "start: smaller than parent" => () => direct.StartSnapshotAsync(new StartSnapshotRequest { VolumeSize = 1, ParentSnapshotId = twoGiB }).AsTask(),
            "start: timeout 9" => () => direct.StartSnapshotAsync(new StartSnapshotRequest { VolumeSize = 1, Timeout = 9 }).AsTask(),
            "start: timeout 4321" => () => direct.StartSnapshotAsync(new StartSnapshotRequest { VolumeSize = 1, Timeout = 4321 }).AsTask(),
            "start: long description" => () => direct.StartSnapshotAsync(new StartSnapshotRequest { VolumeSize = 1, Description = new string('d', 256) }).AsTask(),
            "start: bad tag" => () => direct.StartSnapshotAsync(new StartSnapshotRequest { VolumeSize = 1, Tags = [new Tag("aws:reserved", "v")] }).AsTask(),
            "start: parent still being written" => () => direct.StartSnapshotAsync(new StartSnapshotRequest { VolumeSize = 1, ParentSnapshotId = writing }).AsTask(),
            "start: malformed parent" => () => direct.StartSnapshotAsync(new StartSnapshotRequest { VolumeSize = 1, ParentSnapshotId = default(SnapshotId) }).AsTask(),
            "put: data length" => () => direct.PutSnapshotBlockAsync(DirectShorthands.Put(writing, 1, Data) with { DataLength = 524288 }).AsTask(),
            "put: negative index" => () => direct.PutAsync(writing, -1, Data).AsTask(),
            "put: progress 101" => () => direct.PutSnapshotBlockAsync(DirectShorthands.Put(writing, 1, Data) with { Progress = 101 }).AsTask(),
            "put: checksum not base64" => () => direct.PutSnapshotBlockAsync(DirectShorthands.Put(writing, 1, Data) with { Checksum = "not base64!" }).AsTask(),
            "put: checksum mismatch" => () => direct.PutSnapshotBlockAsync(DirectShorthands.Put(writing, 1, Data) with { Checksum = DirectShorthands.Sha256(TestCloud.Block(2)) }).AsTask(),
            "put: short body" => () => direct.PutSnapshotBlockAsync(DirectShorthands.Put(writing, 1, Data) with { BlockData = new MemoryStream(Data[..100]) }).AsTask(),
            "put: long body" => () => direct.PutSnapshotBlockAsync(DirectShorthands.Put(writing, 1, Data) with { BlockData = new MemoryStream([.. Data, 1]) }).AsTask(),
            "put: index beyond volume" => () => direct.PutAsync(writing, blocksPerGiB, Data).AsTask(),
            "put: ec2 snapshot" => () => direct.PutAsync(ec2Snapshot, 1, Data).AsTask(),
            "put: completed" => () => direct.PutAsync(completed, 1, Data).AsTask(),
            "complete: count" => () => direct.CompleteSnapshotAsync(new CompleteSnapshotRequest { SnapshotId = writing, ChangedBlocksCount = 2 }).AsTask(),
            "complete: checksum" => () => direct.CompleteSnapshotAsync(sum with { Checksum = DirectShorthands.Linear([TestCloud.Block(2)]) }).AsTask(),
            "complete: checksum without method" => () => direct.CompleteSnapshotAsync(sum with { Checksum = DirectShorthands.Linear([Data]), ChecksumAggregationMethod = null }).AsTask(),
            "complete: ec2 snapshot" => () => direct.CompleteSnapshotAsync(new CompleteSnapshotRequest { SnapshotId = ec2Snapshot, ChangedBlocksCount = 0 }).AsTask(),
            "changed: unrelated" => () => direct.ListChangedBlocksAsync(new ListChangedBlocksRequest { FirstSnapshotId = ec2Snapshot, SecondSnapshotId = unrelated }).AsTask(),
            "list: page token" => () => direct.ListSnapshotBlocksAsync(new ListSnapshotBlocksRequest { SnapshotId = big, NextToken = "%%" }).AsTask(),
            _ => () => direct.ListSnapshotBlocksAsync(new ListSnapshotBlocksRequest { SnapshotId = big, MaxResults = 99 }).AsTask(),
        };

        var before = await StateFingerprint.TakeAsync(t.Cloud);
        var error = await Assert.ThrowsAsync<EbsException>(refused);
        var after = await StateFingerprint.TakeAsync(t.Cloud);

        Assert.Equal(EbsErrorCodes.ValidationException, error.ErrorCode);
        Assert.Equal(reason, error.Reason);
        Assert.Same(before.World, after.World);
        Assert.Equal(before, after);

        // The snapshot being written is still whole: its one block, and it completes.
        await direct.CompleteSnapshotAsync(sum with { Checksum = DirectShorthands.Linear([Data]) });
    }

    [Fact]
    public async Task PutSnapshotBlock_SnapshotOfAnotherAccount_ResourceNotFound()
    {
        await using var t = new TestCloud();
        var writing = (await t.Direct().StartSnapshotAsync(new StartSnapshotRequest { VolumeSize = 1 })).SnapshotId;

        await StateFingerprint.AssertUnchangedAsync(t.Cloud, () => t.Direct("222222222222").PutAsync(writing, 0, Data).AsTask(), EbsErrorCodes.ResourceNotFoundException);
    }
}
