namespace Ebs.Core.Domain;

/// <summary>The stored form of block public access for snapshots and images of one account in one Region; absent means unblocked for both.</summary>
internal sealed record BlockPublicAccessRecord
{
    public required string AccountId { get; init; }

    public required string Region { get; init; }

    public SnapshotBlockPublicAccessState Snapshots { get; init; } = SnapshotBlockPublicAccessState.Unblocked;

    public ImageBlockPublicAccessState Images { get; init; } = ImageBlockPublicAccessState.Unblocked;

    public string Key => KeyOf(AccountId, Region);

    public static string KeyOf(string accountId, string region) => accountId + "/" + region;
}
