using Ebs.Core.Domain;

namespace Ebs.Core.Services;

/// <summary>The parameters of CopySnapshot, called on the facade of the destination Region.</summary>
public sealed record CopySnapshotRequest
{
    /// <summary>Gets the Region of the source snapshot.</summary>
    public required string SourceRegion { get; init; }

    /// <summary>Gets the source snapshot.</summary>
    public required SnapshotId SourceSnapshotId { get; init; }

    /// <summary>Gets the description, up to 255 characters.</summary>
    /// <value>The default is AWS's <c>[Copied snap-… from …]</c>.</value>
    public string? Description { get; init; }

    /// <summary>Gets the tags to put on the new snapshot: one specification of resource type <c>snapshot</c>.</summary>
    public IReadOnlyList<TagSpecification> TagSpecifications { get; init; } = [];

    /// <summary>
    /// Gets whether the copy is encrypted. Data from an encrypted snapshot is always encrypted, and with
    /// encryption by default on everything is, whatever this says; <see langword="true"/> encrypts the rest.
    /// </summary>
    public bool? Encrypted { get; init; }

    /// <summary>
    /// Gets the KMS key (id, ARN, alias name or alias ARN) to encrypt the copy with; requires <see cref="Encrypted"/>.
    /// Without it: the source snapshot's key (within a Region), else the default key for EBS encryption.
    /// </summary>
    public string? KmsKeyId { get; init; }
}
