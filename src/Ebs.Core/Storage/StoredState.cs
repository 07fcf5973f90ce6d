using Ebs.Core.Chunks;

namespace Ebs.Core.Storage;

/// <summary>Everything an <see cref="IStateStore"/> holds, as loaded when a cloud opens.</summary>
public sealed record StoredState
{
    /// <summary>Gets an empty state.</summary>
    public static StoredState Empty { get; } = new();

    /// <summary>Gets every document.</summary>
    public IReadOnlyList<StateDocument> Documents { get; init; } = [];

    /// <summary>Gets every node with its count.</summary>
    public IReadOnlyList<StoredNode> Nodes { get; init; } = [];

    /// <summary>Gets every chunk reference count.</summary>
    public IReadOnlyList<(ChunkId Id, long Count)> ChunkCounts { get; init; } = [];
}
