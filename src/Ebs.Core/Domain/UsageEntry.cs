using System.Globalization;
using System.Text.Json.Serialization;

namespace Ebs.Core.Domain;

/// <summary>
/// One line of the usage ledger of an account in a Region: at <see cref="At"/>, a level changes
/// (<see cref="LevelChange"/>: bytes stored, FSR units enabled) or a one-off charge is incurred
/// (<see cref="Quantity"/> bytes or units, for <see cref="Duration"/> where the price is per time).
/// A cost report integrates levels over time and adds the one-off charges.
/// </summary>
internal sealed record UsageEntry
{
    /// <summary>Gets the entry's place in the ledger, which never loses an entry: the number of entries before it.</summary>
    public required long Sequence { get; init; }

    public required DateTimeOffset At { get; init; }

    public required string AccountId { get; init; }

    public required string Region { get; init; }

    public required UsageType Type { get; init; }

    /// <summary>Gets the Availability Zone of a per-zone line (FSR), or <see langword="null"/>.</summary>
    public string? AvailabilityZone { get; init; }

    /// <summary>Gets the resource the usage is of, such as a snapshot id.</summary>
    public required string ResourceId { get; init; }

    /// <summary>Gets how much the level changes at <see cref="At"/>: bytes for storage, units for FSR.</summary>
    public long LevelChange { get; init; }

    /// <summary>Gets a one-off charge's quantity: bytes (retrieval, early deletion) or units (FSR minimum).</summary>
    public long Quantity { get; init; }

    /// <summary>Gets how long a one-off charge's quantity is billed for, when its price is per time.</summary>
    public TimeSpan Duration { get; init; }

    /// <summary>Gets the ledger key: the sequence, so the ledger reads in the order it was written.</summary>
    [JsonIgnore]
    public string Key => Sequence.ToString("D19", CultureInfo.InvariantCulture);
}
