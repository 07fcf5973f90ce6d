namespace Ebs.Core.Domain;

/// <summary>The lifecycle states of an EBS snapshot, as AWS names them.</summary>
public enum SnapshotState
{
    /// <summary>The snapshot's blocks are still being copied; its contents are already fixed.</summary>
    Pending,

    /// <summary>The snapshot is complete and usable.</summary>
    Completed,

    /// <summary>The snapshot failed.</summary>
    Error,
}
