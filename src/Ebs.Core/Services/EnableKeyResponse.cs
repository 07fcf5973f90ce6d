namespace Ebs.Core.Services;

/// <summary>The result of EnableKey.</summary>
public sealed record EnableKeyResponse
{
    internal EnableKeyResponse()
    {
    }
}
