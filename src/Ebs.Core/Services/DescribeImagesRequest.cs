using Ebs.Core.Domain;

namespace Ebs.Core.Services;

/// <summary>The parameters of DescribeImages. Filters: <c>image-id</c>, <c>name</c>, <c>state</c>,
/// <c>architecture</c>, <c>virtualization-type</c>, <c>root-device-name</c>,
/// <c>block-device-mapping.snapshot-id</c>, <c>block-device-mapping.volume-size</c>, <c>is-public</c> (<c>true</c> or <c>false</c>),
/// <c>owner-id</c>, <c>owner-alias</c> (<c>amazon</c>), <c>tag:KEY</c>, <c>tag-key</c>.</summary>
public sealed record DescribeImagesRequest
{
    /// <summary>Gets the images to describe; each must exist. Empty for all.</summary>
    public IReadOnlyList<ImageId> ImageIds { get; init; } = [];

    /// <summary>Gets the owners to list (account ids, <c>self</c>, <c>amazon</c>, <c>aws-backup-vault</c> or <c>aws-marketplace</c>). Empty for all the caller can see.</summary>
    public IReadOnlyList<string> Owners { get; init; } = [];

    /// <summary>
    /// Gets the users that must be able to launch the images (AWS's <c>ExecutableUsers</c>): <c>all</c> for public images,
    /// <c>self</c> for those the caller owns or that are shared with it explicitly, an account id for the caller's images
    /// shared with that account. Empty for no such scope.
    /// </summary>
    public IReadOnlyList<string> ExecutableUsers { get; init; } = [];

    /// <summary>Gets whether to list disabled images (only their owner ever sees them).</summary>
    /// <value>The default is <see langword="false"/>, as AWS's.</value>
    public bool IncludeDisabled { get; init; }

    /// <summary>Gets whether to list other accounts' deprecated images; an owner always sees its own.</summary>
    /// <value>The default is <see langword="false"/>, as AWS's.</value>
    public bool IncludeDeprecated { get; init; }

    /// <summary>Gets the filters, all of which must match.</summary>
    public IReadOnlyList<Filter> Filters { get; init; } = [];

    /// <summary>
    /// Gets the most items to return in one page: 5 to 1,000, more being read as 1,000;
    /// <see langword="null"/> returns every item at once.
    /// </summary>
    public int? MaxResults { get; init; }

    /// <summary>Gets the <c>NextToken</c> of the previous page, or <see langword="null"/> for the first page.</summary>
    public string? NextToken { get; init; }
}
