using Ebs.Core.Domain;

namespace Ebs.Core.Testing;

/// <summary>A <see cref="ModelOp"/> with its targets resolved against the model.</summary>
/// <param name="Kind">The kind of step.</param>
/// <param name="Volume">The volume it acts on.</param>
/// <param name="Snapshot">The snapshot it acts on.</param>
/// <param name="Offset">A write's byte offset.</param>
/// <param name="Data">A write's bytes.</param>
/// <param name="Seed">The step's seed.</param>
/// <param name="Image">The image it acts on.</param>
/// <param name="Instance">The instance it acts on.</param>
public sealed record PlannedOp(ModelOpKind Kind, VolumeId? Volume, SnapshotId? Snapshot, long Offset, byte[] Data, int Seed, ImageId? Image = null, InstanceId? Instance = null);
