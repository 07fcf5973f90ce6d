using System.Text.Json.Serialization;
using Ebs.Core.Domain;

namespace Ebs.Core.Storage;

/// <summary>The stored shape of a volume (its written-back blocks are separate documents).</summary>
internal sealed record VolumeDocument(
    string Id,
    string OwnerId,
    string Region,
    string AvailabilityZone,
    int SizeGiB,
    VolumeState State,
    DateTimeOffset CreateTime,
    string? SnapshotId,
    Dictionary<string, string> Tags,
    string? BaseRoot,
    bool LazyLoad,
    string? SourceRoot,
    long SourceBlocks,
    DateTimeOffset[] SnapshotCompletions);

/// <summary>The stored shape of a snapshot.</summary>
internal sealed record SnapshotDocument(
    string Id,
    string OwnerId,
    string Region,
    string VolumeId,
    int VolumeSizeGiB,
    string Description,
    DateTimeOffset StartTime,
    DateTimeOffset CopyStartsAt,
    DateTimeOffset CompletesAt,
    string? Root,
    long BlockCount,
    long ChangedBlockCount,
    Dictionary<string, string> Tags);

[JsonSourceGenerationOptions(UseStringEnumConverter = true)]
[JsonSerializable(typeof(VolumeDocument))]
[JsonSerializable(typeof(SnapshotDocument))]
internal sealed partial class StateJsonContext : JsonSerializerContext;
