using System.Text.Json.Serialization;

namespace Ebs.Core.Domain;

/// <summary>Where a snapshot written by the EBS direct APIs is (see <see cref="DirectWrite"/>).</summary>
[JsonConverter(typeof(JsonStringEnumConverter<DirectWriteStatus>))]
internal enum DirectWriteStatus
{
    /// <summary>Started and accepting blocks: the snapshot is <c>pending</c>.</summary>
    Writing,

    /// <summary>CompleteSnapshot was called: the snapshot completes on the clock like any other.</summary>
    Completed,

    /// <summary>It timed out before completion: the snapshot is in <c>error</c> and holds no blocks.</summary>
    Failed,
}
