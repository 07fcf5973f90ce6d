namespace Ebs.Core.Domain;

/// <summary>The lifecycle states of an EBS volume, as AWS names them.</summary>
public enum VolumeState
{
    /// <summary>The volume is being created.</summary>
    Creating,

    /// <summary>The volume is ready and not attached.</summary>
    Available,

    /// <summary>The volume is attached to an instance.</summary>
    InUse,

    /// <summary>The volume is being deleted.</summary>
    Deleting,

    /// <summary>The volume has been deleted.</summary>
    Deleted,

    /// <summary>The volume failed.</summary>
    Error,
}
