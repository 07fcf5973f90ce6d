namespace Ebs.Core.Services;

/// <summary>The parameters of GetImageBlockPublicAccessState, of which there are none.</summary>
public sealed record GetImageBlockPublicAccessStateRequest
{
}
