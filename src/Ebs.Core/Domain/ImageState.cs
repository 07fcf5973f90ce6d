namespace Ebs.Core.Domain;

/// <summary>The lifecycle states of a machine image, as AWS names them.</summary>
public enum ImageState
{
    /// <summary>The image is not yet usable: a snapshot it uses is still pending.</summary>
    Pending,

    /// <summary>The image can be used.</summary>
    Available,

    /// <summary>The image was deregistered.</summary>
    Deregistered,

    /// <summary>The image is disabled.</summary>
    Disabled,

    /// <summary>The image failed.</summary>
    Failed,
}
