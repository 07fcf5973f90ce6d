using System.Collections.Concurrent;
using Ebs.Core.BlockMaps;

namespace Ebs.Core.Domain;

/// <summary>
/// Tracks which blocks of a volume created from a snapshot have been loaded. The volume holds
/// a reference on the source map (<see cref="SourceRoot"/>) for as long as it exists, since its
/// unloaded blocks are still served from it.
/// </summary>
internal sealed class LazyLoad
{
    private readonly ConcurrentDictionary<long, byte> _loaded = new();
    private long _coldReads;

    public LazyLoad(NodeId? sourceRoot, long totalBlocks)
    {
        SourceRoot = sourceRoot;
        TotalBlocks = totalBlocks;
    }

    public NodeId? SourceRoot { get; }

    public long TotalBlocks { get; }

    public bool IsComplete => _loaded.Count >= TotalBlocks;

    /// <summary>Marks a source block as loaded by a read; returns whether this was its cold read.</summary>
    public bool Read(long index)
    {
        if (!_loaded.TryAdd(index, 0))
        {
            return false;
        }

        Interlocked.Increment(ref _coldReads);
        return true;
    }

    /// <summary>Marks a source block as loaded because it was overwritten whole.</summary>
    public void Overwritten(long index) => _loaded.TryAdd(index, 0);

    public bool IsLoaded(long index) => _loaded.ContainsKey(index);

    public VolumeInitialization Snapshot() => new(TotalBlocks, _loaded.Count, Interlocked.Read(ref _coldReads));
}
