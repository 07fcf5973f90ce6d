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
    private long _version;
    private long _savedVersion;

    public LazyLoad(NodeId? sourceRoot, long totalBlocks)
    {
        SourceRoot = sourceRoot;
        TotalBlocks = totalBlocks;
    }

    /// <summary>Restores progress saved by <see cref="Save"/>.</summary>
    public LazyLoad(NodeId? sourceRoot, long totalBlocks, long coldReads, IReadOnlyList<long> loadedRuns)
        : this(sourceRoot, totalBlocks)
    {
        _coldReads = coldReads;
        for (var i = 0; i + 1 < loadedRuns.Count; i += 2)
        {
            for (var block = loadedRuns[i]; block < loadedRuns[i] + loadedRuns[i + 1]; block++)
            {
                _loaded.TryAdd(block, 0);
            }
        }
    }

    /// <summary>Gets a value indicating whether blocks were loaded since the progress was last saved.</summary>
    public bool HasUnsavedProgress => Interlocked.Read(ref _version) != Interlocked.Read(ref _savedVersion);

    public NodeId? SourceRoot { get; }

    public long TotalBlocks { get; }

    /// <summary>Marks a source block as loaded by a read; returns whether this was its cold read.</summary>
    public bool Read(long index)
    {
        if (!_loaded.TryAdd(index, 0))
        {
            return false;
        }

        Interlocked.Increment(ref _coldReads);
        Interlocked.Increment(ref _version);
        return true;
    }

    /// <summary>Marks a source block as loaded because it was overwritten whole.</summary>
    public void Overwritten(long index)
    {
        if (_loaded.TryAdd(index, 0))
        {
            Interlocked.Increment(ref _version);
        }
    }

    /// <summary>Captures the progress to store: cold reads and the loaded blocks as (start, length) runs.</summary>
    public (long ColdReads, long[] LoadedRuns) Save()
    {
        var version = Interlocked.Read(ref _version);
        var runs = new List<long>();
        foreach (var block in _loaded.Keys.Order())
        {
            if (runs.Count > 0 && runs[^2] + runs[^1] == block)
            {
                runs[^1]++;
            }
            else
            {
                runs.Add(block);
                runs.Add(1);
            }
        }

        Interlocked.Exchange(ref _savedVersion, version);
        return (Interlocked.Read(ref _coldReads), [.. runs]);
    }

    public bool IsLoaded(long index) => _loaded.ContainsKey(index);

    public VolumeInitialization Snapshot() => new(TotalBlocks, _loaded.Count, Interlocked.Read(ref _coldReads));
}
