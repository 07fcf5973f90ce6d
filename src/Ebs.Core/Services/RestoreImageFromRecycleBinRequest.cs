using Ebs.Core.Domain;

namespace Ebs.Core.Services;

/// <summary>The parameters of RestoreImageFromRecycleBin.</summary>
public sealed record RestoreImageFromRecycleBinRequest
{
    /// <summary>Gets the image to restore.</summary>
    public required ImageId ImageId { get; init; }
}
