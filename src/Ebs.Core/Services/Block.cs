namespace Ebs.Core.Services;

/// <summary>One block of a snapshot as ListSnapshotBlocks lists it; a value type because a page lists up to 10,000.</summary>
public readonly record struct Block
{
    /// <summary>Gets the block index.</summary>
    public long BlockIndex { get; init; }

    /// <summary>Gets the token GetSnapshotBlock takes to read this block of this snapshot, until the response's expiry time.</summary>
    public required string BlockToken { get; init; }
}
