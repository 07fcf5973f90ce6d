using System.Collections.Immutable;

namespace Ebs.Core.Domain;

/// <summary>The stored form of a machine image: its view as registered, and the instant it becomes available.</summary>
internal sealed record ImageRecord
{
    public required Image View { get; init; }

    /// <summary>Gets the instant the last of its snapshots completes.</summary>
    public required DateTimeOffset AvailableAt { get; init; }

    /// <summary>Gets the image's stay in the Recycle Bin, or <see langword="null"/> when it is registered; an image in the bin is deregistered as far as EC2's calls see.</summary>
    public RecycleBinEntry? RecycleBin { get; init; }

    /// <summary>Gets whether DisableImage disabled it (until EnableImage).</summary>
    public bool Disabled { get; init; }

    /// <summary>Gets the instant it is deprecated (EnableImageDeprecation), or <see langword="null"/> when none is set.</summary>
    public DateTimeOffset? DeprecateAt { get; init; }

    /// <summary>Gets its deregistration protection, or <see langword="null"/> when it never had one or it has lapsed.</summary>
    public DeregistrationProtection? Protection { get; init; }

    /// <summary>Gets who besides its owner may launch it: account ids, and <see cref="Sharing.AllGroup"/> when it is public (see <see cref="Sharing"/>).</summary>
    public ImmutableSortedSet<string> LaunchPermissions { get; init; } = ImmutableSortedSet<string>.Empty;

    /// <summary>Gets the client token of the CopyImage call that made it, or <see langword="null"/>.</summary>
    public string? ClientToken { get; init; }

    public ImageId Id => View.ImageId;

    public Image ViewAt(DateTimeOffset now) => View with
    {
        Public = LaunchPermissions.Contains(Sharing.AllGroup),
        State = Disabled ? ImageState.Disabled : now >= AvailableAt ? ImageState.Available : ImageState.Pending,
        DeprecationTime = DeprecateAt,
        DeregistrationProtection = Protection?.ToAwsString(now) ?? DeregistrationProtection.Off,
    };

    /// <summary>Gets whether it is deprecated at <paramref name="now"/>.</summary>
    public bool IsDeprecatedAt(DateTimeOffset now) => DeprecateAt is { } at && now >= at;
}
