namespace Ebs.Core.Services;

/// <summary>The result of DisableKey.</summary>
public sealed record DisableKeyResponse
{
    internal DisableKeyResponse()
    {
    }
}
