namespace Ebs.Core.Storage;

/// <summary>One stored document or block-map node that cannot be decoded, found by <see cref="StoredStateCheck"/>.</summary>
/// <param name="Kind">The document kind (such as <c>volume</c>), or <see cref="StoredStateCheck.NodeKind"/> for a block-map node.</param>
/// <param name="Key">The document key, or the node id.</param>
/// <param name="Problem">What is wrong with it.</param>
public sealed record UndecodableEntry(string Kind, string Key, string Problem);
