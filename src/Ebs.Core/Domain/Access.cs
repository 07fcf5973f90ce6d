namespace Ebs.Core.Domain;

/// <summary>What an account may do with a snapshot or image of the same Region (see <see cref="Sharing"/>).</summary>
internal enum Access
{
    /// <summary>Nothing: the resource is not the caller's, not shared with it, and not (effectively) public.</summary>
    None,

    /// <summary>Use it (create volumes, copy, launch): it is public.</summary>
    Public,

    /// <summary>Use it (create volumes, copy, launch): it is shared with the caller's account.</summary>
    Shared,

    /// <summary>Everything: the caller owns it.</summary>
    Owner,
}
