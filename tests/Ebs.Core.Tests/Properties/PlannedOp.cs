using Ebs.Core.Domain;

namespace Ebs.Core.Tests.Properties;

/// <summary>A <see cref="ModelOp"/> with its targets resolved against the model.</summary>
public sealed record PlannedOp(ModelOpKind Kind, VolumeId? Volume, SnapshotId? Snapshot, long Offset, byte[] Data, int Seed, ImageId? Image = null, InstanceId? Instance = null);
