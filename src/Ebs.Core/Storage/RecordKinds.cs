using System.Collections.Frozen;
using System.Collections.Immutable;
using Ebs.Core.Domain;

namespace Ebs.Core.Storage;

/// <summary>Every kind of stored aggregate; a new kind is one line here.</summary>
internal static class RecordKinds
{
    public static RecordKind<VolumeId, VolumeRecord> Volume { get; } = new(
        "volume", v => v.Id, id => id.Value, StateCodec.Write, StateCodec.ReadVolume, ImmutableDictionary<VolumeId, VolumeRecord>.Empty);

    public static RecordKind<SnapshotId, SnapshotRecord> Snapshot { get; } = new(
        "snapshot", s => s.Id, id => id.Value, StateCodec.Write, StateCodec.ReadSnapshot, ImmutableDictionary<SnapshotId, SnapshotRecord>.Empty);

    public static RecordKind<ImageId, ImageRecord> Image { get; } = new(
        "image", i => i.Id, id => id.Value, StateCodec.Write, StateCodec.ReadImage, ImmutableDictionary<ImageId, ImageRecord>.Empty);

    /// <summary>Gets the Recycle Bin retention rules, by identifier.</summary>
    public static RecordKind<string, RetentionRuleRecord> RetentionRule { get; } = new(
        "rbin-rule", r => r.Identifier, id => id, RetentionRuleCodec.Write, RetentionRuleCodec.Read,
        ImmutableSortedDictionary.Create<string, RetentionRuleRecord>(StringComparer.Ordinal));

    /// <summary>Gets the scheduler's pending events, in due order (see <see cref="DueEvent.Key"/>).</summary>
    public static RecordKind<string, DueEvent> Due { get; } = new(
        "due", e => e.Key, key => key, e => StateCodec.Write(e, StateJsonContext.Default.DueEvent), d => StateCodec.Read(d, StateJsonContext.Default.DueEvent),
        ImmutableSortedDictionary.Create<string, DueEvent>(StringComparer.Ordinal));

    /// <summary>Gets the usage ledger, in the order it was written (see <see cref="UsageEntry.Key"/>).</summary>
    public static RecordKind<string, UsageEntry> Usage { get; } = new(
        "usage", e => e.Key, key => key, e => StateCodec.Write(e, StateJsonContext.Default.UsageEntry), d => StateCodec.Read(d, StateJsonContext.Default.UsageEntry),
        ImmutableSortedDictionary.Create<string, UsageEntry>(StringComparer.Ordinal));

    /// <summary>Gets every kind, in the order a world loads them.</summary>
    public static ImmutableArray<IRecordKind> All { get; } = [Volume, Snapshot, Image, RetentionRule, Due, Usage];

    /// <summary>Gets every kind by its name.</summary>
    public static FrozenDictionary<string, IRecordKind> ByName { get; } = All.ToFrozenDictionary(k => k.Name, StringComparer.Ordinal);
}
