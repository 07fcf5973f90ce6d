namespace Ebs.Core.Services;

/// <summary>The result of DeleteTags, which AWS leaves empty.</summary>
public sealed record DeleteTagsResponse
{
    internal DeleteTagsResponse()
    {
    }
}
