namespace Ebs.Core.Storage;

/// <summary>
/// The documents an <see cref="IStateStore"/> holds, as loaded when a cloud opens; block-map
/// nodes are read one by one when first needed (<see cref="IStateStore.ReadNode"/>).
/// </summary>
public sealed record StoredState
{
    /// <summary>Gets an empty state.</summary>
    public static StoredState Empty { get; } = new();

    /// <summary>Gets every document.</summary>
    public IReadOnlyList<StateDocument> Documents { get; init; } = [];
}
