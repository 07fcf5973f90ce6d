namespace Ebs.Core.Services;

/// <summary>The result of RevokeGrant.</summary>
public sealed record RevokeGrantResponse
{
    internal RevokeGrantResponse()
    {
    }
}
