using Ebs.Core.Domain;

namespace Ebs.Core.Services;

/// <summary>The parameters of CopyImage, called on the facade of the destination Region.</summary>
public sealed record CopyImageRequest
{
    /// <summary>Gets the Region of the source image (this facade's Region for a copy within it).</summary>
    public required string SourceRegion { get; init; }

    /// <summary>Gets the image to copy: an available image of the caller's.</summary>
    public required ImageId SourceImageId { get; init; }

    /// <summary>Gets the new image's name: 3 to 128 characters, unique among the caller's images in this Region.</summary>
    public required string Name { get; init; }

    /// <summary>Gets the new image's description, up to 255 characters.</summary>
    /// <value>The default is <c>[Copied ami-… from …] name</c>, as the EC2 console fills it in (the API's default is UNCONFIRMED).</value>
    public string? Description { get; init; }

    /// <summary>Gets a value indicating whether the source image's user-defined tags (not <c>aws:</c> ones) are put on the new image.</summary>
    /// <value>The default is <see langword="false"/>, as AWS's.</value>
    public bool CopyImageTags { get; init; }

    /// <summary>Gets the tags to put on the new image and its snapshots: specifications of resource type <c>image</c> or <c>snapshot</c>; image tags win over copied ones with the same key.</summary>
    public IReadOnlyList<TagSpecification> TagSpecifications { get; init; } = [];

    /// <summary>
    /// Gets whether every snapshot of the new image is encrypted: <see langword="true"/> encrypts copies of unencrypted snapshots with
    /// <see cref="KmsKeyId"/> or the default key; copies of encrypted snapshots are encrypted whatever is given (AWS: "you cannot create
    /// an unencrypted copy of an encrypted snapshot").
    /// </summary>
    /// <value>The default is <see langword="null"/>: each copy keeps its source's state (encryption by default encrypts them all).</value>
    public bool? Encrypted { get; init; }

    /// <summary>
    /// Gets the KMS key of this Region (id, ARN, alias name or alias ARN) that encrypts every snapshot of the new image, re-encrypting
    /// encrypted ones; requires <see cref="Encrypted"/> = <see langword="true"/>.
    /// </summary>
    /// <value>The default is <see langword="null"/>: the source's key for the caller's own image copied within its Region, else the default key.</value>
    public string? KmsKeyId { get; init; }

    /// <summary>Gets a token that makes the call idempotent: a repeat with the same token returns the same image; with other parameters it is refused.</summary>
    public string? ClientToken { get; init; }
}
