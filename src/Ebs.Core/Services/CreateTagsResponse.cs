namespace Ebs.Core.Services;

/// <summary>The result of CreateTags, which AWS leaves empty.</summary>
public sealed record CreateTagsResponse
{
    internal CreateTagsResponse()
    {
    }
}
