using System.Text.Json.Serialization;

namespace Ebs.Core.Domain;

/// <summary>The lock state of a retention rule (rbin's <c>LockState</c>); a rule never locked has none.</summary>
[JsonConverter(typeof(JsonStringEnumConverter<LockState>))]
public enum LockState
{
    /// <summary>Locked: the rule cannot be changed or deleted.</summary>
    [JsonStringEnumMemberName("locked")]
    Locked,

    /// <summary>Unlocked, but within the unlock delay: still cannot be changed or deleted.</summary>
    [JsonStringEnumMemberName("pending_unlock")]
    PendingUnlock,

    /// <summary>Unlocked, the delay over: the rule can be changed and deleted again.</summary>
    [JsonStringEnumMemberName("unlocked")]
    Unlocked,
}
