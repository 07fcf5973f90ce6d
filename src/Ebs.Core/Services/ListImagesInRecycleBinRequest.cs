using Ebs.Core.Domain;

namespace Ebs.Core.Services;

/// <summary>The parameters of ListImagesInRecycleBin.</summary>
public sealed record ListImagesInRecycleBinRequest
{
    /// <summary>Gets the images to list, at most 20; each must be in the bin. Empty for all.</summary>
    public IReadOnlyList<ImageId> ImageIds { get; init; } = [];

    /// <summary>Gets the most items to return in one page: 1 to 1,000; <see langword="null"/> returns every item at once.</summary>
    public int? MaxResults { get; init; }

    /// <summary>Gets the <c>NextToken</c> of the previous page, or <see langword="null"/> for the first page.</summary>
    public string? NextToken { get; init; }
}
