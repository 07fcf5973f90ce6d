using Ebs.Core.BlockMaps;
using Ebs.Core.Storage;

namespace Ebs.Core.Tests.BlockMaps;

/// <summary>The nodes as a store gives them back: a graph opened on their encoded form, so without provenance or edit logs.</summary>
internal static class StoredNodes
{
    public static ReferenceGraph Of(INodeSource source)
    {
        var graph = new ReferenceGraph();
        graph.Open(id => source.TryGet(id, out var node) ? StateCodec.Encode(node!) : null);
        return graph;
    }
}
