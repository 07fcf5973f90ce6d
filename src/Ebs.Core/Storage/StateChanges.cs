using Ebs.Core.BlockMaps;

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

    /// <summary>Gets the nodes nothing references any more, to delete.</summary>
    public IReadOnlyList<NodeId> DeletedNodes { get; init; } = [];

    /// <summary>Gets a value indicating whether there is nothing to commit.</summary>
    public bool IsEmpty => Upserts.Count == 0 && Deletes.Count == 0 && NewNodes.Count == 0 && DeletedNodes.Count == 0;
}
