using System.Numerics;
using Microsoft.Extensions.Options;

namespace Ebs.Core;

/// <summary>Validates <see cref="EbsOptions"/>.</summary>
public sealed class EbsOptionsValidator : IValidateOptions<EbsOptions>
{
    /// <inheritdoc />
    public ValidateOptionsResult Validate(string? name, EbsOptions options)
    {
        ArgumentNullException.ThrowIfNull(options);
        var failures = new List<string>();
        if (options.BlockSize is < 4096 or > 1 << 20 || !BitOperations.IsPow2(options.BlockSize))
        {
            failures.Add($"BlockSize must be a power of two from 4096 to 1048576; got {options.BlockSize}.");
        }

        if (options.Regions is null || options.Regions.Count == 0)
        {
            failures.Add("Regions must name at least one Region.");
        }
        else
        {
            foreach (var (region, zones) in options.Regions)
            {
                if (zones is null || zones.Count == 0 || zones.Any(z => string.IsNullOrWhiteSpace(z) || !z.StartsWith(region, StringComparison.Ordinal)))
                {
                    failures.Add($"Region '{region}' must list Availability Zones whose names start with the Region name.");
                }
            }
        }

        if (options.ProviderImages is null || options.ProviderImages.Any(i => i is null || i.VolumeSizeGiB is < 1 or > 16384 || System.Text.Encoding.UTF8.GetByteCount(i.OsRelease ?? string.Empty) > options.BlockSize)
            || options.ProviderImages.Select(i => i.Name).Distinct(StringComparer.Ordinal).Count() != options.ProviderImages.Count)
        {
            failures.Add("ProviderImages must be uniquely named, 1 to 16384 GiB, with an OsRelease of at most one block.");
        }

        if (options.SnapshotThroughputBytesPerSecond <= 0)
        {
            failures.Add("SnapshotThroughputBytesPerSecond must be positive.");
        }

        if (options.SnapshotSetupTime < TimeSpan.Zero)
        {
            failures.Add("SnapshotSetupTime must not be negative.");
        }

        if (options.VolumeCreationTime < TimeSpan.Zero)
        {
            failures.Add("VolumeCreationTime must not be negative.");
        }

        CheckPrices(failures, "Prices", options.Prices);
        if (options.RegionPrices is null)
        {
            failures.Add("RegionPrices must not be null.");
        }
        else
        {
            foreach (var (region, prices) in options.RegionPrices)
            {
                if (options.Regions?.ContainsKey(region) != true)
                {
                    failures.Add($"RegionPrices names Region '{region}', which Regions does not list.");
                }

                CheckPrices(failures, $"RegionPrices['{region}']", prices);
            }
        }

        if (options.BillingMonthLength <= TimeSpan.Zero)
        {
            failures.Add("BillingMonthLength must be positive, or null for calendar months.");
        }

        if (options.SnapshotArchiveTime <= TimeSpan.Zero)
        {
            failures.Add("SnapshotArchiveTime must be positive.");
        }

        if (options.SnapshotRestoreTime <= TimeSpan.Zero)
        {
            failures.Add("SnapshotRestoreTime must be positive.");
        }

        return failures.Count == 0 ? ValidateOptionsResult.Success : ValidateOptionsResult.Fail(failures);
    }

    private static void CheckPrices(List<string> failures, string name, PriceList? prices)
    {
        if (prices is null)
        {
            failures.Add($"{name} must not be null.");
            return;
        }

        if (prices.SnapshotStoragePerGbMonth < 0 || prices.SnapshotArchiveStoragePerGbMonth < 0
            || prices.SnapshotArchiveRetrievalPerGb < 0 || prices.FastSnapshotRestorePerDsuHour < 0)
        {
            failures.Add($"{name} must not hold a negative price.");
        }

        if (prices.SnapshotArchiveMinimumPeriod < TimeSpan.Zero)
        {
            failures.Add($"{name}.SnapshotArchiveMinimumPeriod must not be negative.");
        }
    }
}
