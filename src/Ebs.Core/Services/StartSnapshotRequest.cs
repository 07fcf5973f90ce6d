using Ebs.Core.Domain;

namespace Ebs.Core.Services;

/// <summary>The parameters of the EBS direct API's StartSnapshot, with AWS's names (encryption is not offered yet).</summary>
public sealed record StartSnapshotRequest
{
    /// <summary>Gets the size of the volume the snapshot is of, in GiB: 1 to 65,536, and at least the parent's.</summary>
    public required long VolumeSize { get; init; }

    /// <summary>Gets the snapshot whose blocks the new one starts from: only the blocks that changed need writing.</summary>
    /// <value>The default is <see langword="null"/>: the snapshot starts empty (every block reads as zeros).</value>
    public SnapshotId? ParentSnapshotId { get; init; }

    /// <summary>Gets the tags to give the snapshot.</summary>
    public IReadOnlyList<Tag>? Tags { get; init; }

    /// <summary>Gets the description, at most 255 characters.</summary>
    public string? Description { get; init; }

    /// <summary>Gets the token that makes the call idempotent: a retry with the same token and parameters returns the same snapshot.</summary>
    public string? ClientToken { get; init; }

    /// <summary>Gets the minutes, 10 to 4,320, after which the snapshot fails (<c>error</c>) when no block is written and it is not completed.</summary>
    /// <value>The default, <see langword="null"/>, is AWS's 60 minutes.</value>
    public int? Timeout { get; init; }
}
