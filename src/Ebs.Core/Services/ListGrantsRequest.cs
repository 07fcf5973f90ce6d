namespace Ebs.Core.Services;

/// <summary>The parameters of ListGrants: lists a key's grants.</summary>
public sealed record ListGrantsRequest
{
    /// <summary>Gets the key id or ARN.</summary>
    public required string KeyId { get; init; }

    /// <summary>Gets the most grants in a page, 1 to 1,000; 50 when not given.</summary>
    public int? Limit { get; init; }

    /// <summary>Gets the <c>NextMarker</c> of the previous page.</summary>
    public string? Marker { get; init; }

    /// <summary>Gets lists only this grant.</summary>
    public string? GrantId { get; init; }

    /// <summary>Gets lists only the grants for this principal.</summary>
    public string? GranteePrincipal { get; init; }
}
