using System.Text.Json.Serialization;

namespace Ebs.Core.Domain;

/// <summary>The lifecycle states of an EC2 instance (AWS's <c>InstanceStateName</c>). In JSON and in <see cref="AwsEnum.ToAwsString{TEnum}(TEnum)"/>, AWS's strings.</summary>
[JsonConverter(typeof(JsonStringEnumConverter<InstanceStateName>))]
public enum InstanceStateName
{
    /// <summary>The instance is launching or starting.</summary>
    [JsonStringEnumMemberName("pending")]
    Pending,

    /// <summary>The instance is running.</summary>
    [JsonStringEnumMemberName("running")]
    Running,

    /// <summary>The instance is being terminated.</summary>
    [JsonStringEnumMemberName("shutting-down")]
    ShuttingDown,

    /// <summary>The instance is terminated.</summary>
    [JsonStringEnumMemberName("terminated")]
    Terminated,

    /// <summary>The instance is stopping.</summary>
    [JsonStringEnumMemberName("stopping")]
    Stopping,

    /// <summary>The instance is stopped.</summary>
    [JsonStringEnumMemberName("stopped")]
    Stopped,
}
