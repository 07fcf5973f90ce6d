using System.Text.Json.Serialization;

namespace Ebs.Core.Domain;

/// <summary>The states of a volume's attachment to an instance (AWS's <c>VolumeAttachmentState</c>, also the <c>Status</c> of an instance's EBS device). In JSON, AWS's strings.</summary>
[JsonConverter(typeof(JsonStringEnumConverter<VolumeAttachmentState>))]
public enum VolumeAttachmentState
{
    /// <summary>The volume is being attached.</summary>
    [JsonStringEnumMemberName("attaching")]
    Attaching,

    /// <summary>The volume is attached.</summary>
    [JsonStringEnumMemberName("attached")]
    Attached,

    /// <summary>The volume is being detached.</summary>
    [JsonStringEnumMemberName("detaching")]
    Detaching,

    /// <summary>The volume is detached.</summary>
    [JsonStringEnumMemberName("detached")]
    Detached,
}
