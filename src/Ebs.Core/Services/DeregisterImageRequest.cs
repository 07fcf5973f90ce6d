using Ebs.Core.Domain;

namespace Ebs.Core.Services;

/// <summary>The parameters of DeregisterImage.</summary>
public sealed record DeregisterImageRequest
{
    /// <summary>Gets the image to deregister.</summary>
    public required ImageId ImageId { get; init; }

    /// <summary>Gets whether to delete the image's snapshots too; those another image uses are skipped.</summary>
    /// <value>The default is <see langword="false"/>, as AWS's.</value>
    public bool DeleteAssociatedSnapshots { get; init; }
}
