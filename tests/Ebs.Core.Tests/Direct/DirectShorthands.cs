using System.Security.Cryptography;
using Ebs.Core.Domain;
using Ebs.Core.Services;

namespace Ebs.Core.Tests.Direct;

/// <summary>Shorthands for the EBS direct APIs in tests.</summary>
public static class DirectShorthands
{
    public static EbsDirectClient Direct(this TestCloud t, string account = TestCloud.Account) => t.Cloud.Account(account).EbsDirect(TestCloud.Region);

    public static string Sha256(byte[] data) => Convert.ToBase64String(SHA256.HashData(data));

    public static PutSnapshotBlockRequest Put(SnapshotId snapshot, long index, byte[] data) => new()
    {
        SnapshotId = snapshot,
        BlockIndex = index,
        BlockData = new MemoryStream(data),
        DataLength = data.Length,
        Checksum = Sha256(data),
    };

    public static ValueTask<PutSnapshotBlockResponse> PutAsync(this EbsDirectClient direct, SnapshotId snapshot, long index, byte[] data)
        => direct.PutSnapshotBlockAsync(Put(snapshot, index, data));

    /// <summary>AWS's LINEAR aggregate of blocks in ascending index order.</summary>
    public static string Linear(IEnumerable<byte[]> blocksInOrder)
        => Convert.ToBase64String(SHA256.HashData(blocksInOrder.SelectMany(SHA256.HashData).ToArray()));

    public static async Task<byte[]> GetBlockAsync(this EbsDirectClient direct, SnapshotId snapshot, long index, string token)
    {
        var response = await direct.GetSnapshotBlockAsync(new GetSnapshotBlockRequest { SnapshotId = snapshot, BlockIndex = index, BlockToken = token });
        var bytes = new byte[response.DataLength];
        await using var data = response.BlockData;
        await data.ReadExactlyAsync(bytes);
        Assert.Equal(Sha256(bytes), response.Checksum);
        return bytes;
    }

    public static async Task<List<long>> BlockIndexesAsync(this EbsDirectClient direct, SnapshotId snapshot)
    {
        var indexes = new List<long>();
        await foreach (var block in direct.Paginators.ListSnapshotBlocks(new ListSnapshotBlocksRequest { SnapshotId = snapshot }).Blocks)
        {
            indexes.Add(block.BlockIndex);
        }

        return indexes;
    }

    public static async Task<List<ChangedBlock>> ChangedAsync(this EbsDirectClient direct, SnapshotId? first, SnapshotId second)
    {
        var blocks = new List<ChangedBlock>();
        await foreach (var block in direct.Paginators.ListChangedBlocks(new ListChangedBlocksRequest { FirstSnapshotId = first, SecondSnapshotId = second }).ChangedBlocks)
        {
            blocks.Add(block);
        }

        return blocks;
    }

    /// <summary>Creates a volume of the snapshot and reads its first <paramref name="blocks"/> blocks.</summary>
    public static async Task<byte[]> ReadThroughVolumeAsync(this TestCloud t, Ec2Client ec2, SnapshotId snapshot, int blocks)
    {
        var volume = (await ec2.CreateVolumeAsync(new CreateVolumeRequest { AvailabilityZone = "us-east-1a", SnapshotId = snapshot })).Volume;
        var bytes = new byte[blocks * TestCloud.BlockSize];
        await ec2.ReadAtAsync(volume.VolumeId, 0, bytes);
        return bytes;
    }
}
