using System.Globalization;

namespace Ebs.Core.BlockMaps;

/// <summary>The Merkle identity of a block-map node: the XxHash128 of its level, slots and children.</summary>
/// <remarks>Equal ids mean equal subtrees, which is what lets a diff skip them.</remarks>
public readonly record struct NodeId
{
    /// <summary>Creates a node id from its 128-bit value.</summary>
    /// <param name="value">The hash value.</param>
    public NodeId(UInt128 value) => Value = value;

    /// <summary>Gets the 128-bit hash value.</summary>
    public UInt128 Value { get; }

    /// <summary>Formats the id as 32 lowercase hexadecimal digits.</summary>
    /// <returns>The hexadecimal text.</returns>
    public override string ToString() => Value.ToString("x32", CultureInfo.InvariantCulture);
}
