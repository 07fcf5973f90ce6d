using Ebs.Core.Domain;

namespace Ebs.Core.Services;

/// <summary>The result of CreateImage.</summary>
public sealed record CreateImageResponse
{
    internal CreateImageResponse()
    {
    }

    /// <summary>Gets the id of the new image.</summary>
    public required ImageId ImageId { get; init; }
}
