namespace Ebs.Core.Storage;

/// <summary>Everything an <see cref="IStateStore"/> holds, as loaded when a cloud opens.</summary>
public sealed record StoredState
{
    /// <summary>Gets an empty state.</summary>
    public static StoredState Empty { get; } = new();

    /// <summary>Gets every document.</summary>
    public IReadOnlyList<StateDocument> Documents { get; init; } = [];

    /// <summary>Gets every block-map node.</summary>
    public IReadOnlyList<StoredNode> Nodes { get; init; } = [];
}
