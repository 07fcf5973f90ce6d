using System.Text.Json.Serialization;

namespace Ebs.Core.Domain;

/// <summary>The state of a KMS key (KMS's <c>KeyState</c>); only <see cref="Enabled"/> keys can protect or open data.</summary>
[JsonConverter(typeof(JsonStringEnumConverter<KeyState>))]
public enum KeyState
{
    /// <summary>Usable.</summary>
    [JsonStringEnumMemberName("Enabled")]
    Enabled,

    /// <summary>Disabled by DisableKey (or by CancelKeyDeletion); EnableKey makes it usable again.</summary>
    [JsonStringEnumMemberName("Disabled")]
    Disabled,

    /// <summary>Scheduled for deletion; deleted at its <see cref="KeyMetadata.DeletionDate"/> unless CancelKeyDeletion runs first.</summary>
    [JsonStringEnumMemberName("PendingDeletion")]
    PendingDeletion,
}
