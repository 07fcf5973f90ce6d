namespace Ebs.Core.BlockMaps;

/// <summary>
/// What a root node's edits since <see cref="Base"/> (another root) did, block by block: every
/// block whose leaf entry they changed, with its entry before and after, ascending by index.
/// <see cref="BlockMap.Apply"/> keeps it on the root it builds from another, next to the root's
/// <see cref="Provenance"/> and accumulated the same way (edits of one writer on one base, so a
/// snapshot's log lists every block written since its predecessor, however many calls wrote
/// them). A diff of two maps one of which was edited from the other, directly or through a few
/// maps still held, reads these lists instead of walking both trees: a sequential scan, with
/// both chunks of every block at hand.
/// </summary>
/// <remarks>
/// In memory only, like provenance: roots read from a store have none, nor do maps built from
/// nothing or from edits of more than <see cref="MaxEdits"/> blocks (memory: 64 bytes a block),
/// and their diffs walk the trees with the same answer.
/// </remarks>
internal sealed class EditLog
{
    /// <summary>The most blocks one log lists: past this, the edits are not recorded.</summary>
    public const int MaxEdits = 1 << 18;

    /// <summary>The most logs a diff chains from one map back to the other.</summary>
    private const int MaxHops = 32;

    // This log's edits and the earlier log on the same base they follow, read and replaced as one.
    private State _state;

    private EditLog(NodeId @base, BlockEdit[] edits, EditLog? earlier, int count)
    {
        Base = @base;
        _state = new State(edits, earlier);
        Count = count;
    }

    /// <summary>Gets the root the edits started from.</summary>
    public NodeId Base { get; }

    /// <summary>Gets the number of edits recorded, a block edited again counted again (an upper bound of <see cref="Edits"/>' length).</summary>
    public int Count { get; }

    /// <summary>
    /// Gets the net edits since <see cref="Base"/>, ascending by index, one per block: its entry in
    /// <see cref="Base"/> and now. A block edited back to its entry in <see cref="Base"/> is not listed.
    /// The edits of a chain of calls are merged on first use.
    /// </summary>
    public BlockEdit[] Edits
    {
        get
        {
            var state = Volatile.Read(ref _state);
            if (state.Earlier is null)
            {
                return state.Edits;
            }

            var lists = new List<BlockEdit[]>();
            for (var log = this; log is not null;)
            {
                var next = Volatile.Read(ref log._state);
                lists.Add(next.Edits);
                log = next.Earlier;
            }

            lists.Reverse();
            var merged = Merge(lists);
            Volatile.Write(ref _state, new State(merged, null));
            return merged;
        }
    }

    /// <summary>
    /// The log of a root built from <paramref name="edited"/> with <paramref name="provenance"/> by
    /// <paramref name="edits"/> (ascending, each a change; the log keeps the array): a new log when the provenance starts
    /// from <paramref name="edited"/>, <paramref name="edited"/>'s own extended when its edits
    /// accumulate on an earlier base; <see langword="null"/> when the edits are not fully known.
    /// </summary>
    public static EditLog? After(BlockMapNode? edited, Provenance provenance, BlockEdit[] edits)
    {
        if (edited is null || provenance.Base is not { } @base || edits.Length > MaxEdits)
        {
            return null;
        }

        if (@base == edited.Id)
        {
            return new EditLog(@base, edits, null, edits.Length);
        }

        if (edited.Edits is not { } earlier || earlier.Base != @base || earlier.Count + edits.Length > MaxEdits)
        {
            return null;
        }

        return new EditLog(@base, edits, earlier, earlier.Count + edits.Length);
    }

    /// <summary>
    /// The net edits from <paramref name="first"/> to <paramref name="second"/>, found through the
    /// logs of one back to the other; <see langword="null"/> when no chain of logs joins them.
    /// </summary>
    /// <returns>The edits, and whether they run from <paramref name="second"/> to <paramref name="first"/> instead (before and after swapped).</returns>
    public static (BlockEdit[] Edits, bool Reversed)? Between(INodeSource nodes, BlockMapNode first, BlockMapNode second)
    {
        if (Chain(nodes, first, second) is { } forward)
        {
            return (forward, false);
        }

        return Chain(nodes, second, first) is { } backward ? (backward, true) : null;
    }

    /// <summary>The net edits from <paramref name="from"/> to <paramref name="to"/>, following <paramref name="to"/>'s log back.</summary>
    private static BlockEdit[]? Chain(INodeSource nodes, BlockMapNode from, BlockMapNode to)
    {
        if (to.Edits is not { } log)
        {
            return null;
        }

        if (log.Base == from.Id)
        {
            return log.Edits;
        }

        var logs = new List<BlockEdit[]> { log.Edits };
        var count = log.Count;
        while (logs.Count < MaxHops && nodes.TryGet(log.Base, out var earlier) && earlier!.Edits is { } next && (count += next.Count) <= MaxEdits)
        {
            logs.Add(next.Edits);
            if (next.Base == from.Id)
            {
                logs.Reverse();
                return Merge(logs);
            }

            log = next;
        }

        return null;
    }

    /// <summary>Merges edit lists, oldest first, into the net edits: pairwise, so n edits in k lists cost n log k.</summary>
    private static BlockEdit[] Merge(IReadOnlyList<BlockEdit[]> lists)
    {
        var round = lists.ToList();
        while (round.Count > 1)
        {
            var next = new List<BlockEdit[]>((round.Count + 1) / 2);
            for (var i = 0; i < round.Count; i += 2)
            {
                next.Add(i + 1 < round.Count ? Merge(round[i], round[i + 1]) : round[i]);
            }

            round = next;
        }

        return round.Count == 0 ? [] : round[0];
    }

    /// <summary>Merges two net edit lists, <paramref name="older"/> then <paramref name="newer"/>: a block in both goes from its older before to its newer after, and is dropped when that is no change.</summary>
    private static BlockEdit[] Merge(BlockEdit[] older, BlockEdit[] newer)
    {
        var merged = new BlockEdit[older.Length + newer.Length];
        int i = 0, j = 0, n = 0;
        while (i < older.Length && j < newer.Length)
        {
            var a = older[i];
            var b = newer[j];
            if (a.Index < b.Index)
            {
                merged[n++] = a;
                i++;
            }
            else if (b.Index < a.Index)
            {
                merged[n++] = b;
                j++;
            }
            else
            {
                var both = a.Then(b);
                if (both.ChangesWrite)
                {
                    merged[n++] = both;
                }

                i++;
                j++;
            }
        }

        older.AsSpan(i).CopyTo(merged.AsSpan(n));
        n += older.Length - i;
        newer.AsSpan(j).CopyTo(merged.AsSpan(n));
        n += newer.Length - j;
        return n == merged.Length ? merged : merged[..n];
    }

    private sealed record State(BlockEdit[] Edits, EditLog? Earlier);
}
