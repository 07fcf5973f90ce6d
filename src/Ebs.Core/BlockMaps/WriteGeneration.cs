using System.IO.Hashing;
using System.Text;

namespace Ebs.Core.BlockMaps;

/// <summary>
/// The write identity a block-map leaf keeps next to each chunk id: which write put the block
/// there. Every snapshot freezes the blocks written since its predecessor under a generation
/// of its own (derived from its id), so a block rewritten with equal bytes gets a new leaf
/// entry (AWS's ListChangedBlocks reports it) while its chunk, and so the stored bytes, stay
/// shared. Generation 0 is "not recorded": maps built before write identities, and copies.
/// </summary>
internal static class WriteGeneration
{
    /// <summary>Gets the nonzero generation of the writes a snapshot freezes.</summary>
    public static ulong Of(string writer) => XxHash64.HashToUInt64(Encoding.ASCII.GetBytes(writer)) | 1;
}
