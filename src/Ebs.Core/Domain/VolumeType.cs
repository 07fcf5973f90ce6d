using System.Text.Json.Serialization;

namespace Ebs.Core.Domain;

/// <summary>The EBS volume types (AWS's <c>VolumeType</c>). In JSON and in <see cref="AwsEnum.ToAwsString{TEnum}(TEnum)"/>, AWS's strings.</summary>
[JsonConverter(typeof(JsonStringEnumConverter<VolumeType>))]
public enum VolumeType
{
    /// <summary>General Purpose SSD whose IOPS grow with its size (3 per GiB): AWS's default type.</summary>
    [JsonStringEnumMemberName("gp2")]
    Gp2,

    /// <summary>General Purpose SSD with IOPS and throughput provisioned apart from its size.</summary>
    [JsonStringEnumMemberName("gp3")]
    Gp3,

    /// <summary>Provisioned IOPS SSD.</summary>
    [JsonStringEnumMemberName("io1")]
    Io1,

    /// <summary>Provisioned IOPS SSD (Block Express).</summary>
    [JsonStringEnumMemberName("io2")]
    Io2,

    /// <summary>Throughput Optimized HDD; not bootable.</summary>
    [JsonStringEnumMemberName("st1")]
    St1,

    /// <summary>Cold HDD; not bootable.</summary>
    [JsonStringEnumMemberName("sc1")]
    Sc1,

    /// <summary>Magnetic (previous generation).</summary>
    [JsonStringEnumMemberName("standard")]
    Standard,
}
