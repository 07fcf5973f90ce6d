namespace Ebs.Core.Services;

/// <summary>The result of ModifyImageAttribute, which AWS leaves empty.</summary>
public sealed record ModifyImageAttributeResponse
{
    internal ModifyImageAttributeResponse()
    {
    }
}
