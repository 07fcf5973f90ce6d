using Ebs.Core.Chunks;
using Ebs.Storage.Sqlite.Packs;

namespace Ebs.Storage.Sqlite.Tests;

/// <summary>Where a closed store keeps a chunk: its pack file and its record's place in it, read from the state.</summary>
public static class PackedChunks
{
    public static async Task<(string Path, long Offset, int Length)> LocateAsync(string store, ChunkId id, int blockSize)
    {
        await using var state = SqliteStateStore.Open(Path.Combine(store, LocalDirectory.StateFileName), blockSize);
        var location = state.ReadLocations(t => t.TryFind(id, out var l) ? l : throw new InvalidOperationException($"chunk {id} has no location"));
        return (Path.Combine(store, LocalDirectory.ChunkFolderName, PackChunkStore.FolderName, PackFile.NameOf(location.Pack)), location.Offset, location.Length);
    }

    /// <summary>The chunk with the lowest id among those the store locates.</summary>
    public static async Task<ChunkId> FirstAsync(string store, int blockSize)
    {
        await using var state = SqliteStateStore.Open(Path.Combine(store, LocalDirectory.StateFileName), blockSize);
        return state.ReadLocations(t => t.All()).Select(r => r.Id).Min();
    }

    /// <summary>The chunks of a store that have a recorded location.</summary>
    public static async Task<List<ChunkId>> LocatedAsync(string store, int blockSize)
    {
        await using var state = SqliteStateStore.Open(Path.Combine(store, LocalDirectory.StateFileName), blockSize);
        return [.. state.ReadLocations(t => t.All()).Select(r => r.Id)];
    }

    /// <summary>The chunks kept as files of the first layout (one file per chunk) in a chunk folder.</summary>
    public static List<ChunkId> FirstLayoutFiles(string chunkRoot)
        => [.. FileChunkStore.FilesUnder(chunkRoot).Select(p => ChunkId.Parse(Path.GetFileNameWithoutExtension(p)))];

    /// <summary>Forgets a chunk's location, as if its bytes were lost.</summary>
    public static async Task ForgetAsync(string store, ChunkId id, int blockSize)
    {
        await using var state = SqliteStateStore.Open(Path.Combine(store, LocalDirectory.StateFileName), blockSize);
        state.CommitLocations(t => t.Delete(id));
    }

    /// <summary>Flips a byte of a chunk's record, <paramref name="at"/> bytes into it.</summary>
    public static async Task FlipAsync(string store, ChunkId id, int blockSize, int at)
    {
        var (path, offset, _) = await LocateAsync(store, id, blockSize);
        await using var file = File.Open(path, FileMode.Open, FileAccess.ReadWrite);
        file.Position = offset + at;
        var b = file.ReadByte();
        file.Position = offset + at;
        file.WriteByte((byte)(b ^ 0xFF));
    }
}
