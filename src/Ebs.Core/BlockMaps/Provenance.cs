namespace Ebs.Core.BlockMaps;

/// <summary>
/// What a block-map node was edited from: the node <paramref name="Base"/> and the slots
/// (<paramref name="Slots"/>, a bitmap) outside which the two hold the same children, entry for
/// entry (chunk and write generation at a leaf, node id above). Edits of one
/// <paramref name="Writer"/> accumulate on the same base, so every block a snapshot's writes
/// touched is in the slots against its predecessor's node, however many calls wrote them; a
/// diff of the two nodes then looks at those slots only instead of every child.
/// </summary>
/// <remarks>
/// The slots may include children that ended up equal (a block written back): a diff still
/// compares them. Being a fact about two nodes' contents, a provenance stays true when an equal
/// node built elsewhere is reused in its place.
/// </remarks>
/// <param name="Base">The node edited; <see langword="null"/> for a node built from nothing.</param>
/// <param name="Slots">The slots that may differ from <paramref name="Base"/>'s.</param>
/// <param name="Writer">The write generation of every edit since <paramref name="Base"/>; <see langword="null"/> when they were mixed.</param>
internal readonly record struct Provenance(NodeId? Base, ulong Slots, ulong? Writer)
{
    /// <summary>The provenance of a node built from <paramref name="edited"/> by edits of <paramref name="writer"/> touching <paramref name="slots"/>.</summary>
    public static Provenance After(BlockMapNode? edited, ulong slots, ulong? writer)
        => edited?.Provenance is { Writer: { } previous } known && previous == writer
            ? new(known.Base, known.Slots | slots, writer)
            : new(edited?.Id, slots, writer);
}
