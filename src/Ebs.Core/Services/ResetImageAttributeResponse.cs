namespace Ebs.Core.Services;

/// <summary>The result of ResetImageAttribute, which AWS leaves empty.</summary>
public sealed record ResetImageAttributeResponse
{
    internal ResetImageAttributeResponse()
    {
    }
}
