namespace Ebs.Core.Services;

/// <summary>The parameters of ListAliases: lists the caller's aliases in the Region.</summary>
public sealed record ListAliasesRequest
{
    /// <summary>Gets lists only the aliases of this key (id or ARN).</summary>
    public string? KeyId { get; init; }

    /// <summary>Gets the most aliases in a page, 1 to 1,000; 50 when not given.</summary>
    public int? Limit { get; init; }

    /// <summary>Gets the <c>NextMarker</c> of the previous page.</summary>
    public string? Marker { get; init; }
}
