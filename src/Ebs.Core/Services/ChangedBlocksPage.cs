namespace Ebs.Core.Services;

/// <summary>One page of ListChangedBlocks.</summary>
/// <param name="BlockIndexes">The changed block indexes of this page, ascending.</param>
/// <param name="NextToken">The token of the next page, or <see langword="null"/> on the last page.</param>
/// <param name="BlockSize">The block size in bytes.</param>
/// <param name="VolumeSizeGiB">The volume size of the second snapshot, in GiB.</param>
public sealed record ChangedBlocksPage(IReadOnlyList<long> BlockIndexes, string? NextToken, int BlockSize, int VolumeSizeGiB);
