using Ebs.Core.BlockMaps;
using Ebs.Core.Chunks;

namespace Ebs.Core.Storage;

/// <summary>The changes of one service call, to be committed atomically.</summary>
public sealed record StateChanges
{
    /// <summary>Gets the documents to insert or replace.</summary>
    public IReadOnlyList<StateDocument> Upserts { get; init; } = [];

    /// <summary>Gets the (kind, key) of documents to delete.</summary>
    public IReadOnlyList<(string Kind, string Key)> Deletes { get; init; } = [];

    /// <summary>Gets the nodes to insert, with their encoded content.</summary>
    public IReadOnlyList<(NodeId Id, byte[] Body)> NewNodes { get; init; } = [];

    /// <summary>Gets the new reference counts of nodes; a count of zero deletes the node.</summary>
    public IReadOnlyList<(NodeId Id, long Count)> NodeCounts { get; init; } = [];

    /// <summary>Gets the new reference counts of chunks; a count of zero drops the entry.</summary>
    public IReadOnlyList<(ChunkId Id, long Count)> ChunkCounts { get; init; } = [];

    /// <summary>Gets a value indicating whether there is nothing to commit.</summary>
    public bool IsEmpty => Upserts.Count == 0 && Deletes.Count == 0 && NewNodes.Count == 0 && NodeCounts.Count == 0 && ChunkCounts.Count == 0;
}
