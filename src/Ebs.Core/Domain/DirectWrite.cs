namespace Ebs.Core.Domain;

/// <summary>
/// How a snapshot made by the EBS direct APIs' StartSnapshot is being written: its parent, its
/// write generation, its inactivity timeout and the token that makes StartSnapshot idempotent.
/// Kept after completion (for the client token and the parent); the snapshot's state follows
/// <see cref="Status"/> while it is not <see cref="DirectWriteStatus.Completed"/>.
/// </summary>
internal sealed record DirectWrite
{
    public required DirectWriteStatus Status { get; init; }

    /// <summary>Gets the snapshot whose blocks the new one starts from, if any.</summary>
    public SnapshotId? ParentSnapshotId { get; init; }

    /// <summary>Gets the client token of the StartSnapshot call, if one was given.</summary>
    public string? ClientToken { get; init; }

    /// <summary>Gets the timeout, in minutes, after which an unfinished snapshot with no new block fails.</summary>
    public required int TimeoutMinutes { get; init; }

    /// <summary>Gets the instant the snapshot fails unless a block is written or it is completed first.</summary>
    public required DateTimeOffset TimesOutAt { get; init; }

    /// <summary>Gets the write generation of every block written to the snapshot (see <c>BlockMaps.WriteGeneration</c>).</summary>
    public required ulong Generation { get; init; }

    /// <summary>Gets the number of distinct blocks written so far (what CompleteSnapshot's ChangedBlocksCount must match).</summary>
    public long WrittenBlocks { get; init; }
}
