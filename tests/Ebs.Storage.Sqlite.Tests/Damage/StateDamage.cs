using Ebs.Core;
using Ebs.Core.Services;
using Ebs.Core.Tests;
using Microsoft.Data.Sqlite;

namespace Ebs.Storage.Sqlite.Tests.Damage;

/// <summary>
/// The ways of damaging a store's state that opening must turn into one clear error, the one
/// that only the calls reading it meet (<see cref="NodeMalformed"/>), and a small store to
/// damage: a volume with two written blocks, a snapshot of it and an image.
/// </summary>
public static class StateDamage
{
    /// <summary>
    /// A block-map node that cannot be decoded: opening reads no node, so it opens, and the first
    /// call that reads the node fails with <c>InternalError</c> naming it.
    /// </summary>
    public const string NodeMalformed = "node-malformed";

    /// <summary>Every kind of damage that refuses the open, with the code opening must fail with.</summary>
    public static IReadOnlyDictionary<string, string> Kinds { get; } = new Dictionary<string, string>(StringComparer.Ordinal)
    {
        ["state-missing"] = LocalStoreErrorCodes.StateMissing,
        ["state-empty"] = LocalStoreErrorCodes.StateMissing,
        ["not-a-database"] = LocalStoreErrorCodes.StoreDamaged,
        ["random-bytes"] = LocalStoreErrorCodes.StoreDamaged,
        ["truncated"] = LocalStoreErrorCodes.StoreDamaged,
        ["format-version-garbage"] = LocalStoreErrorCodes.StoreDamaged,
        ["meta-table-dropped"] = LocalStoreErrorCodes.StoreDamaged,
        ["documents-table-dropped"] = LocalStoreErrorCodes.StoreDamaged,
        ["nodes-table-dropped"] = LocalStoreErrorCodes.StoreDamaged,
        ["document-cut-short"] = LocalStoreErrorCodes.StoreDamaged,
        ["unknown-kind"] = LocalStoreErrorCodes.StoreDamaged,
        ["body-as-text"] = LocalStoreErrorCodes.StoreDamaged,
        ["ebs-tables-replaced"] = LocalStoreErrorCodes.StateMissing,
    };

    public static TheoryData<string> Names => [.. Kinds.Keys];

    /// <summary>Fills <paramref name="dir"/> with a small store and closes it, so that its state is all in <c>state.db</c>.</summary>
    /// <param name="blockSize">The block size; the <c>ebs</c> command uses the default.</param>
    /// <returns>The ids of the volume, snapshot and image.</returns>
    public static async Task<(string Volume, string Snapshot, string Image)> SeedAsync(string dir, int blockSize)
    {
        await using var cloud = await LocalDirectory.OpenAsync(dir, new EbsOptions { BlockSize = blockSize });
        var ec2 = cloud.Account(TestCloud.Account).Ec2(TestCloud.Region);
        var volume = await ec2.CreateVolumeAsync(new CreateVolumeRequest { AvailabilityZone = "us-east-1a", Size = 1 });
        await ec2.WriteAtAsync(volume.Volume.VolumeId, 0, Enumerable.Range(0, 2 * blockSize).Select(i => (byte)((i * 31) + (i / blockSize))).ToArray());
        var snapshot = await ec2.TakeSnapshotAsync(volume.Volume.VolumeId, "seed");
        var image = await ec2.RegisterAndDescribeImageAsync(new RegisterImageRequest
        {
            Name = "seed-image",
            RootDeviceName = "/dev/xvda",
            BlockDeviceMappings = [Ec2Shorthands.Mapping("/dev/xvda", snapshot.SnapshotId)],
        });
        return (volume.Volume.VolumeId.Value, snapshot.SnapshotId.Value, image.ImageId.Value);
    }

    /// <summary>Damages the state of the closed store in <paramref name="dir"/>.</summary>
    public static void Apply(string dir, string kind)
    {
        var state = Path.Combine(dir, LocalDirectory.StateFileName);
        switch (kind)
        {
            case "state-missing":
                File.Delete(state);
                break;
            case "state-empty":
                File.WriteAllBytes(state, []);
                break;
            case "not-a-database":
                File.WriteAllText(state, "This is not an SQLite database, just some text where one should be.\n");
                break;
            case "random-bytes":
                File.WriteAllBytes(state, new Random(7).GetItems<byte>(Enumerable.Range(0, 256).Select(b => (byte)b).ToArray(), 3 * 4096));
                break;
            case "truncated":
                using (var file = File.OpenWrite(state))
                {
                    file.SetLength(file.Length / 2);
                }

                break;
            case "format-version-garbage":
                Execute(state, "UPDATE meta SET value = 'three-ish' WHERE key = 'format_version'");
                break;
            case "meta-table-dropped":
                Execute(state, "DROP TABLE meta");
                break;
            case "documents-table-dropped":
                Execute(state, "DROP TABLE documents");
                break;
            case "nodes-table-dropped":
                Execute(state, "DROP TABLE nodes");
                break;
            case "document-cut-short":
                Execute(state, "UPDATE documents SET body = substr(body, 1, length(body) / 2) WHERE kind = 'snapshot'");
                break;
            case NodeMalformed:
                Execute(state, "UPDATE nodes SET body = x'00010203' WHERE id = (SELECT min(id) FROM nodes)");
                break;
            case "unknown-kind":
                Execute(state, "INSERT INTO documents (kind, key, body) VALUES ('mystery', 'm-1', x'7b7d')");
                break;
            case "body-as-text":
                Execute(state, "UPDATE documents SET body = CAST(body AS TEXT) WHERE kind = 'snapshot'");
                break;
            case "ebs-tables-replaced":
                Execute(state, "DROP TABLE meta; DROP TABLE documents; DROP TABLE nodes; CREATE TABLE notes (text TEXT);");
                break;
            default:
                throw new ArgumentOutOfRangeException(nameof(kind), kind, "Not a kind of damage.");
        }
    }

    /// <summary>Every file under <c>chunks/</c> with its length, to show that nothing was removed or rewritten.</summary>
    public static SortedDictionary<string, long> ChunkFiles(string dir)
        => new(Directory.EnumerateFiles(Path.Combine(dir, LocalDirectory.ChunkFolderName), "*", SearchOption.AllDirectories)
            .ToDictionary(path => Path.GetRelativePath(dir, path), path => new FileInfo(path).Length), StringComparer.Ordinal);

    private static void Execute(string state, string sql)
    {
        using var connection = new SqliteConnection($"Data Source={state};Pooling=False");
        connection.Open();
        using var command = connection.CreateCommand();
        command.CommandText = sql;
        command.ExecuteNonQuery();
    }
}
