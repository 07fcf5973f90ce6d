using Ebs.Core.Domain;

namespace Ebs.Core.Testing;

/// <summary>What <see cref="EbsInvariants.CheckAsync"/> checks beyond the cloud's own consistency.</summary>
public sealed record InvariantOptions
{
    /// <summary>
    /// Gets the model the test ran side by side with the cloud, or <see langword="null"/>: then every
    /// volume and snapshot it holds must read back its bytes, the cloud must list exactly its volumes,
    /// snapshots, Recycle Bin entries (with their exit instants), tiers, images and instances, and
    /// the chunk store must hold exactly its distinct blocks.
    /// </summary>
    public ReferenceModel? Model { get; init; }

    /// <summary>Gets the recorder the test's calls went through, or <see langword="null"/>: then no refused call may have changed anything.</summary>
    public CallRecorder? Recorder { get; init; }

    /// <summary>
    /// Gets the snapshots that must still be live (the ones the deletion logic under test promised to
    /// keep); each that is gone, or only in the Recycle Bin, is a violation.
    /// </summary>
    public IReadOnlyCollection<SnapshotId> Retained { get; init; } = [];
}
