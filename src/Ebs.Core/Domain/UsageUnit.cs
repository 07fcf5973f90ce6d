using System.Text.Json.Serialization;

namespace Ebs.Core.Domain;

/// <summary>The unit a cost report measures a usage type in, and prices it per.</summary>
[JsonConverter(typeof(JsonStringEnumConverter<UsageUnit>))]
public enum UsageUnit
{
    /// <summary>GB-months: 2^30 bytes kept for one month (storage, and the rest of the archive minimum period). AWS's unit <c>GB-Mo</c>.</summary>
    [JsonStringEnumMemberName("GB-Mo")]
    GbMonth,

    /// <summary>DSU-hours: Fast Snapshot Restore enabled for one snapshot in one Availability Zone for one hour.</summary>
    [JsonStringEnumMemberName("DSU-Hr")]
    DsuHour,

    /// <summary>GB: 2^30 bytes, once (data restored from the archive tier).</summary>
    [JsonStringEnumMemberName("GB")]
    Gb,
}
