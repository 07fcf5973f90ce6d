using Ebs.Core.Domain;

namespace Ebs.Core.Tests.Properties;

/// <summary>The obvious model: each live volume and snapshot is a dictionary of block -> bytes.</summary>
public sealed class Model
{
    public Dictionary<VolumeId, Dictionary<long, byte[]>> Volumes { get; } = [];

    public Dictionary<SnapshotId, Dictionary<long, byte[]>> Snapshots { get; } = [];

    public static Dictionary<long, byte[]> Copy(Dictionary<long, byte[]> blocks) => blocks.ToDictionary(p => p.Key, p => p.Value.ToArray());

    public static void Write(Dictionary<long, byte[]> blocks, long offset, byte[] data)
    {
        var size = TestCloud.BlockSize;
        for (var i = 0; i < data.Length; i++)
        {
            var position = offset + i;
            var block = position / size;
            if (!blocks.TryGetValue(block, out var bytes))
            {
                blocks[block] = bytes = new byte[size];
            }

            bytes[position % size] = data[i];
        }
    }

    public static byte[] Read(Dictionary<long, byte[]> blocks, long block)
        => blocks.TryGetValue(block, out var bytes) ? bytes : new byte[TestCloud.BlockSize];
}
