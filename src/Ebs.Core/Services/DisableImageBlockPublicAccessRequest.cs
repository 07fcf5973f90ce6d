namespace Ebs.Core.Services;

/// <summary>The parameters of DisableImageBlockPublicAccess, of which there are none.</summary>
public sealed record DisableImageBlockPublicAccessRequest
{
}
