namespace Ebs.Core;

/// <summary>Settings of an <see cref="EbsCloud"/>. Validated when the cloud is created.</summary>
public sealed class EbsOptions
{
    /// <summary>The EBS direct API block size, 512 KiB.</summary>
    public const int DefaultBlockSize = 512 * 1024;

    /// <summary>Gets or sets the block size in bytes: a power of two from 4 KiB to 1 MiB.</summary>
    /// <value>The default is 512 KiB, the EBS direct API block size.</value>
    public int BlockSize { get; set; } = DefaultBlockSize;

    /// <summary>Gets or sets the Regions and their Availability Zones.</summary>
    /// <value>The default is a handful of real Regions with their zone names.</value>
    public IDictionary<string, IReadOnlyList<string>> Regions { get; set; } = new Dictionary<string, IReadOnlyList<string>>(StringComparer.Ordinal)
    {
        ["us-east-1"] = ["us-east-1a", "us-east-1b", "us-east-1c", "us-east-1d", "us-east-1e", "us-east-1f"],
        ["us-east-2"] = ["us-east-2a", "us-east-2b", "us-east-2c"],
        ["us-west-2"] = ["us-west-2a", "us-west-2b", "us-west-2c", "us-west-2d"],
        ["eu-west-1"] = ["eu-west-1a", "eu-west-1b", "eu-west-1c"],
        ["eu-central-1"] = ["eu-central-1a", "eu-central-1b", "eu-central-1c"],
        ["ap-south-1"] = ["ap-south-1a", "ap-south-1b", "ap-south-1c"],
    };

    /// <summary>
    /// Gets or sets the built-in provider catalogue: public base images owned by <see cref="Services.Ec2Client.ProviderAccountId"/>
    /// (the owner alias <c>amazon</c>) in every Region, launchable by any account. They hold no storage of any caller's account.
    /// </summary>
    /// <value>The default is <see cref="ProviderImage.Defaults"/>; empty for none.</value>
    public IList<ProviderImage> ProviderImages { get; set; } = ProviderImage.Defaults();

    /// <summary>Gets or sets the rate at which a pending snapshot copies its changed blocks, in bytes per second.</summary>
    /// <value>The default is 128 MiB per second.</value>
    public long SnapshotThroughputBytesPerSecond { get; set; } = 128L << 20;

    /// <summary>Gets or sets the fixed time every snapshot spends pending before its copy time.</summary>
    /// <value>The default is 5 seconds.</value>
    public TimeSpan SnapshotSetupTime { get; set; } = TimeSpan.FromSeconds(5);

    /// <summary>
    /// Gets or sets how long a new volume stays <c>creating</c> before it is <c>available</c>
    /// (AWS: typically seconds). Zero makes volumes available at once, which callers that do not
    /// wait for volumes rely on; DeleteVolume and ModifyVolume refuse a creating volume, while the
    /// library's own reads and writes are allowed (docs/volumes.md).
    /// </summary>
    /// <value>The default is zero.</value>
    public TimeSpan VolumeCreationTime { get; set; } = TimeSpan.Zero;

    /// <summary>
    /// Gets or sets how long archiving a snapshot takes (ModifySnapshotTier): it is
    /// <c>archival-in-progress</c>, and still usable, for this long, then in the archive tier.
    /// AWS states no figure; the default is the library's choice.
    /// </summary>
    /// <value>The default is 24 hours.</value>
    public TimeSpan SnapshotArchiveTime { get; set; } = TimeSpan.FromHours(24);

    /// <summary>Gets or sets how long restoring an archived snapshot takes (RestoreSnapshotTier); AWS says 24 to 72 hours.</summary>
    /// <value>The default is 72 hours, AWS's longest.</value>
    public TimeSpan SnapshotRestoreTime { get; set; } = TimeSpan.FromHours(72);

    /// <summary>
    /// Gets or sets a value indicating whether a write whose chunk id is already stored is
    /// compared byte for byte with the stored chunk before it is shared.
    /// </summary>
    /// <value>The default is <see langword="true"/>.</value>
    public bool VerifyDedupHits { get; set; } = true;

    /// <summary>Gets or sets the seed of resource id generation; <see langword="null"/> for random ids.</summary>
    /// <value>The default is <see langword="null"/>.</value>
    public int? IdSeed { get; set; }

    /// <summary>Gets or sets the prices of every Region that <see cref="RegionPrices"/> does not name.</summary>
    /// <value>The default is AWS's us-east-1 prices.</value>
    public PriceList Prices { get; set; } = new();

    /// <summary>Gets or sets the prices of particular Regions, by Region name, in place of <see cref="Prices"/>.</summary>
    /// <value>The default is empty: every Region at <see cref="Prices"/>.</value>
    public IDictionary<string, PriceList> RegionPrices { get; set; } = new Dictionary<string, PriceList>(StringComparer.Ordinal);

    /// <summary>
    /// Gets or sets how long the month of a GB-month is; <see langword="null"/> for the calendar
    /// month (UTC) the usage falls in, as AWS's bills measure volume storage.
    /// </summary>
    /// <value>The default is 30 days (720 hours), the month of AWS's pricing examples.</value>
    public TimeSpan? BillingMonthLength { get; set; } = TimeSpan.FromDays(30);

    /// <summary>Gets the prices of <paramref name="region"/>.</summary>
    internal PriceList PricesIn(string region) => RegionPrices.TryGetValue(region, out var prices) ? prices : Prices;
}
