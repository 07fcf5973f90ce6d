namespace Ebs.Core.Domain;

/// <summary>The stored form of a machine image: its view as registered, and the instant it becomes available.</summary>
internal sealed record ImageRecord
{
    public required Image View { get; init; }

    /// <summary>Gets the instant the last of its snapshots completes.</summary>
    public required DateTimeOffset AvailableAt { get; init; }

    /// <summary>Gets the image's stay in the Recycle Bin, or <see langword="null"/> when it is registered; an image in the bin is deregistered as far as EC2's calls see.</summary>
    public RecycleBinEntry? RecycleBin { get; init; }

    public ImageId Id => View.ImageId;

    public Image ViewAt(DateTimeOffset now) => View with { State = now >= AvailableAt ? ImageState.Available : ImageState.Pending };
}
