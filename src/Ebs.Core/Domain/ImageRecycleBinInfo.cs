using System.Text.Json.Serialization;

namespace Ebs.Core.Domain;

/// <summary>A machine image in the Recycle Bin, as ListImagesInRecycleBin describes it.</summary>
public sealed record ImageRecycleBinInfo
{
    // Internal: only the library makes these; the JSON reader may, to read back what it wrote.
    [JsonConstructor]
    internal ImageRecycleBinInfo()
    {
    }

    /// <summary>Gets the image's id.</summary>
    public required ImageId ImageId { get; init; }

    /// <summary>Gets the image's name.</summary>
    public required string Name { get; init; }

    /// <summary>Gets the image's description.</summary>
    public required string Description { get; init; }

    /// <summary>Gets when the image entered the Recycle Bin.</summary>
    public required DateTimeOffset RecycleBinEnterTime { get; init; }

    /// <summary>Gets when the image is to be permanently deleted.</summary>
    public required DateTimeOffset RecycleBinExitTime { get; init; }
}
