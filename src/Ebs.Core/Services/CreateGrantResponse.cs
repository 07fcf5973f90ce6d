namespace Ebs.Core.Services;

/// <summary>The result of CreateGrant.</summary>
public sealed record CreateGrantResponse
{
    internal CreateGrantResponse()
    {
    }

    /// <summary>Gets the grant id.</summary>
    public required string GrantId { get; init; }

    /// <summary>Gets the grant token.</summary>
    public required string GrantToken { get; init; }
}
