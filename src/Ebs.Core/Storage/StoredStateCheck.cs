using System.Collections.Immutable;

namespace Ebs.Core.Storage;

/// <summary>
/// Decodes a state entry by entry, as opening a cloud decodes its documents and calls decode
/// the nodes they need, and lists every entry that fails instead of stopping at the first:
/// what a state store's fsck reports when a cloud cannot be opened on its state.
/// </summary>
public static class StoredStateCheck
{
    /// <summary>The kind <see cref="UndecodableEntry"/> gives a block-map node.</summary>
    public const string NodeKind = "node";

    /// <summary>Lists the documents and block-map nodes that cannot be decoded.</summary>
    /// <param name="documents">The documents, as loaded from a store (<see cref="StoredState.Documents"/>).</param>
    /// <param name="nodes">The block-map nodes, as loaded from a store (<see cref="IStateStore.LoadNodesAsync"/>).</param>
    /// <returns>Every undecodable entry, documents first, in the order given; empty when all decode.</returns>
    /// <exception cref="ArgumentNullException">An argument is <see langword="null"/>.</exception>
    public static ImmutableArray<UndecodableEntry> FindUndecodable(IEnumerable<StateDocument> documents, IEnumerable<StoredNode> nodes)
    {
        ArgumentNullException.ThrowIfNull(documents);
        ArgumentNullException.ThrowIfNull(nodes);
        var found = ImmutableArray.CreateBuilder<UndecodableEntry>();
        foreach (var document in documents)
        {
            Try(document.Kind, document.Key, () => Decode(document), found);
        }

        foreach (var node in nodes)
        {
            Try(NodeKind, node.Id.ToString(), () => StateCodec.DecodeNode(node.Id, node.Body), found);
        }

        return found.ToImmutable();
    }

    private static object? Decode(StateDocument document)
        => RecordKinds.ByName.TryGetValue(document.Kind, out var kind) ? kind.DecodeRecord(document)
            : document.Kind == StateCodec.BlockKind ? StateCodec.DecodeBlock(document)
            : CheckUnknown(document);

    private static object? CheckUnknown(StateDocument document)
    {
        StateCodec.CheckKind(document);
        return null;
    }

    private static void Try(string kind, string key, Func<object?> decode, ImmutableArray<UndecodableEntry>.Builder found)
    {
        try
        {
            decode();
        }
        catch (EbsException e)
        {
            found.Add(new UndecodableEntry(kind, key, e.Message));
        }
    }
}
