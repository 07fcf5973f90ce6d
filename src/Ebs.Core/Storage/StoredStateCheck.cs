using System.Collections.Immutable;

namespace Ebs.Core.Storage;

/// <summary>
/// Decodes a loaded state entry by entry, as opening a cloud does, and lists every entry that
/// fails instead of stopping at the first: what a state store's fsck reports when a cloud
/// cannot be opened on its state.
/// </summary>
public static class StoredStateCheck
{
    /// <summary>The kind <see cref="UndecodableEntry"/> gives a block-map node.</summary>
    public const string NodeKind = "node";

    /// <summary>Lists the documents and nodes of <paramref name="state"/> that cannot be decoded.</summary>
    /// <param name="state">The state, as loaded from a store.</param>
    /// <returns>Every undecodable entry, documents first, in the order loaded; empty when all decode.</returns>
    /// <exception cref="ArgumentNullException"><paramref name="state"/> is <see langword="null"/>.</exception>
    public static ImmutableArray<UndecodableEntry> FindUndecodable(StoredState state)
    {
        ArgumentNullException.ThrowIfNull(state);
        var found = ImmutableArray.CreateBuilder<UndecodableEntry>();
        foreach (var document in state.Documents)
        {
            Try(document.Kind, document.Key, () => Decode(document), found);
        }

        foreach (var node in state.Nodes)
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
