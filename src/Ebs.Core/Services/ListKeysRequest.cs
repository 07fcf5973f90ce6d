namespace Ebs.Core.Services;

/// <summary>The parameters of ListKeys: lists the caller's keys in the Region.</summary>
public sealed record ListKeysRequest
{
    /// <summary>Gets the most keys in a page, 1 to 1,000; 100 when not given.</summary>
    public int? Limit { get; init; }

    /// <summary>Gets the <c>NextMarker</c> of the previous page.</summary>
    public string? Marker { get; init; }
}
