using System.Text.Json.Serialization;

namespace Ebs.Core.Domain;

/// <summary>The state of a copy job (AWS Backup's <c>CopyJobState</c>).</summary>
[JsonConverter(typeof(JsonStringEnumConverter<CopyJobState>))]
public enum CopyJobState
{
    /// <summary>Created.</summary>
    [JsonStringEnumMemberName("CREATED")]
    Created,

    /// <summary>The copy is under way.</summary>
    [JsonStringEnumMemberName("RUNNING")]
    Running,

    /// <summary>Done: the destination recovery point is complete.</summary>
    [JsonStringEnumMemberName("COMPLETED")]
    Completed,

    /// <summary>Failed; the status message says why.</summary>
    [JsonStringEnumMemberName("FAILED")]
    Failed,

    /// <summary>Partly done (composite jobs).</summary>
    [JsonStringEnumMemberName("PARTIAL")]
    Partial,
}
