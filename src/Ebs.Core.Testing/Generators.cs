using FsCheck;
using FsCheck.Fluent;

namespace Ebs.Core.Testing;

/// <summary>
/// FsCheck generators of EBS test data: writes (block-aligned and not), volume histories, snapshot
/// chains with chosen sharing, tag sets, account and Region layouts, clock advances, and whole
/// operation sequences for a <see cref="ModelDriver"/>. Each shrinks towards fewer, smaller steps,
/// so that a failure prints a short counter-example.
/// </summary>
public static class Generators
{
    /// <summary>The bytes a generated volume spans: writes land within it so they overlap often.</summary>
    public const int SpanBlocks = 12;

    /// <summary>Sequences of the volume and snapshot operations only (no rule, no archive tier, no Fast Snapshot Restore).</summary>
    /// <returns>The arbitrary: at most 40 steps.</returns>
    public static Arbitrary<ModelOp[]> Operations() => Gen.Sized(size => Gen.Frequency(VolumeAndSnapshotOps()).ArrayOf(Math.Min(size, 40))).Shrinking(ops => Shrinks.Removals(ops));

    /// <summary>
    /// Sequences, each starting with a volume (half of them also with an instance of an image of it), that also use the Recycle Bin (a rule of 1 or 2 days
    /// in two sequences of three), the archive tier, Fast Snapshot Restore, and waits of hours to
    /// days so that temporary restores and bin retention end.
    /// </summary>
    /// <returns>The arbitrary: at most 40 steps after the first volume (and instance).</returns>
    public static Arbitrary<ModelSequence> Sequences()
    {
        var target = Gen.Choose(0, 7);
        var op = Gen.Frequency(VolumeAndSnapshotOps().Select(p => (2 * p.Item1, p.Item2)).Concat(
        [
            (2, target.Select(t => new ModelOp(ModelOpKind.RestoreFromRecycleBin, t, 0, 0, 0))),
            (3, Gen.Choose(1, 120).Select(s => new ModelOp(ModelOpKind.AdvanceTime, 0, 0, 0, s))),
            (1, Gen.Choose(3600, 4 * 3600).Select(s => new ModelOp(ModelOpKind.AdvanceTime, 0, 0, 0, s))),
            (1, Gen.Choose(4 * 3600, 3 * 86400).Select(s => new ModelOp(ModelOpKind.AdvanceTime, 0, 0, 0, s))),
            (1, Gen.Choose(0, 1).Select(s => new ModelOp(ModelOpKind.AdvanceToBinExit, 0, 0, 0, s))),
            (1, target.Select(t => new ModelOp(ModelOpKind.ArchiveSnapshot, t, 0, 0, 0))),
            (4, target.Select(t => new ModelOp(ModelOpKind.ArchiveSnapshot, t, 1, 0, 0))),
            (5, Gen.Zip(target, Gen.Choose(0, 2)).Select(p => new ModelOp(ModelOpKind.RestoreSnapshotTier, p.Item1, 1, 0, p.Item2))),
            (1, Gen.Zip(target, Gen.Choose(0, 2)).Select(p => new ModelOp(ModelOpKind.RestoreSnapshotTier, p.Item1, 0, 0, p.Item2))),
            (3, target.Select(t => new ModelOp(ModelOpKind.CreateVolumeFromSnapshot, t, 1, 0, 0))),
            (1, target.Select(t => new ModelOp(ModelOpKind.CopySnapshot, t, 1, 0, 0))),
            (1, target.Select(t => new ModelOp(ModelOpKind.EnableFastSnapshotRestore, t, 0, 0, 0))),
            (1, target.Select(t => new ModelOp(ModelOpKind.DisableFastSnapshotRestore, t, 0, 0, 0))),
            (6, Gen.Zip(target, Gen.Choose(0, 3)).Select(p => new ModelOp(ModelOpKind.RegisterImage, p.Item1, Math.Min(p.Item2, 1), 0, 0))),
            (6, target.Select(t => new ModelOp(ModelOpKind.RunInstance, t, 0, 0, 0))),
            (10, Gen.Zip(target, Gen.Choose(0, 3)).Select(p => new ModelOp(ModelOpKind.StopInstance, p.Item1, Math.Min(p.Item2, 1), 0, p.Item2))),
            (10, Gen.Zip(target, Gen.Choose(0, 3)).Select(p => new ModelOp(ModelOpKind.StartInstance, p.Item1, Math.Min(p.Item2, 1), 0, p.Item2))),
            (3, Gen.Zip(target, Gen.Choose(0, 3)).Select(p => new ModelOp(ModelOpKind.TerminateInstance, p.Item1, Math.Min(p.Item2, 1), 0, p.Item2))),
            (6, Gen.Zip(target, Gen.Choose(0, 7)).Select(p => new ModelOp(ModelOpKind.AttachVolume, p.Item1, Math.Min(p.Item2 % 4, 1), 0, p.Item2))),
            (8, Gen.Zip(target, Gen.Choose(0, 3)).Select(p => new ModelOp(ModelOpKind.DetachVolume, p.Item1, Math.Min(p.Item2, 1), 0, 0))),
            (5, Gen.Constant(new ModelOp(ModelOpKind.AdvanceToSettling, 0, 0, 0, 0))),
            (3, target.Select(t => new ModelOp(ModelOpKind.ShareSnapshot, t, 0, 0, 0))),
            (1, target.Select(t => new ModelOp(ModelOpKind.CopyAsOtherAccount, t, 0, 0, 0))),
            (4, target.Select(t => new ModelOp(ModelOpKind.CopyAsOtherAccount, t, 1, 0, 0))),
            (3, target.Select(t => new ModelOp(ModelOpKind.CopyToOtherRegion, t, 1, 0, 0))),
        ]).ToArray());
        var retention = Gen.Elements<int?>(null, 1, 2);

        // Half the sequences start with an instance launched from an image of the first volume, so that the
        // instance steps (stop, start, attach, detach) find something to act on even in short sequences.
        ModelOp[] launch =
        [
            new(ModelOpKind.Write, 0, 0, TestCloud.BlockSize, 1),
            new(ModelOpKind.CreateSnapshot, 0, 0, 0, 0),
            new(ModelOpKind.AdvanceToSettling, 0, 0, 0, 0),
            new(ModelOpKind.RegisterImage, 0, 1, 0, 0),
            new(ModelOpKind.RunInstance, 0, 0, 0, 0),
        ];
        return Gen.Sized(size => from days in retention
                                 from launched in Gen.Elements(false, true)
                                 from ops in op.ArrayOf(Math.Min(size, 40))
                                 select new ModelSequence(days, [new ModelOp(ModelOpKind.CreateVolume, 0, 0, 0, 0), .. launched ? launch : [], .. ops]))
            .Shrinking(sequence => Shrinks.Removals(sequence.Ops.Skip(1).ToList()).Select(ops => sequence with { Ops = [sequence.Ops[0], .. ops] })
                .Concat(sequence.RetentionDays is null ? [] : [sequence with { RetentionDays = null }]));
    }

    /// <summary>
    /// Lifecycle-policy sequences: writes to a tagged and an untagged volume, manual snapshots and
    /// their deletion, policies (retain 1 to 4, every 1, 2, 4, 12 or 24 hours) created, disabled,
    /// enabled and deleted, and clock jumps of a minute to three days (never onto a whole second, so a
    /// write never shares its instant with a run).
    /// </summary>
    /// <returns>The arbitrary: at most 25 steps.</returns>
    public static Arbitrary<DlmOp[]> DlmSequences()
    {
        var target = Gen.Choose(0, 7);
        var op = Gen.Frequency(
        [
            (6, Gen.Zip(target, Gen.Choose(0, 99)).Select(p => new DlmOp(DlmOpKind.Write, p.Item1, p.Item2))),
            (2, target.Select(t => new DlmOp(DlmOpKind.ManualSnapshot, t, 0))),
            (1, target.Select(t => new DlmOp(DlmOpKind.DeleteManualSnapshot, t, 0))),
            (5, Gen.Choose(60, 6 * 3600).Select(s => new DlmOp(DlmOpKind.AdvanceTime, 0, s))),
            (2, Gen.Choose(6 * 3600, 3 * 86400).Select(s => new DlmOp(DlmOpKind.AdvanceTime, 0, s))),
            (2, Gen.Zip(Gen.Choose(1, 4), Gen.Choose(0, 4)).Select(p => new DlmOp(DlmOpKind.CreatePolicy, 0, (10 * p.Item1) + p.Item2))),
            (1, target.Select(t => new DlmOp(DlmOpKind.TogglePolicy, t, 0))),
            (1, target.Select(t => new DlmOp(DlmOpKind.DeletePolicy, t, 0))),
        ]);
        return Gen.Sized(size => op.ArrayOf(Math.Min(size, 25))).Shrinking(ops => Shrinks.Removals(ops));
    }

    /// <summary>Whole-block writes of one or two blocks within <paramref name="spanBlocks"/> blocks, from a few seeds (equal blocks exercise dedup).</summary>
    /// <param name="blockSize">The block size in bytes.</param>
    /// <param name="spanBlocks">The blocks the writes fall in.</param>
    /// <returns>The generator.</returns>
    public static Gen<GeneratedWrite> AlignedWrites(int blockSize = TestCloud.BlockSize, int spanBlocks = SpanBlocks)
        => from block in Gen.Choose(0, spanBlocks - 1)
           from blocks in Gen.Elements(1, 1, 1, 2)
           from seed in Gen.Choose(0, 5)
           select new GeneratedWrite((long)Math.Min(block, spanBlocks - blocks) * blockSize, blocks * blockSize, seed);

    /// <summary>Writes that start or end inside a block: 1 to 100 bytes, a block and a byte, or across a boundary.</summary>
    /// <param name="blockSize">The block size in bytes.</param>
    /// <param name="spanBlocks">The blocks the writes fall in.</param>
    /// <returns>The generator.</returns>
    public static Gen<GeneratedWrite> UnalignedWrites(int blockSize = TestCloud.BlockSize, int spanBlocks = SpanBlocks)
        => from block in Gen.Choose(0, spanBlocks - 1)
           from within in Gen.Choose(1, blockSize - 1)
           from length in Gen.Elements(1, 100, blockSize + 1, blockSize - within + 1)
           from seed in Gen.Choose(0, 5)
           let offset = ((long)block * blockSize) + within
           select new GeneratedWrite(Math.Min(offset, ((long)spanBlocks * blockSize) - length), length, seed);

    /// <summary>Aligned and unaligned writes, as often each.</summary>
    /// <param name="blockSize">The block size in bytes.</param>
    /// <param name="spanBlocks">The blocks the writes fall in.</param>
    /// <returns>The generator.</returns>
    public static Gen<GeneratedWrite> Writes(int blockSize = TestCloud.BlockSize, int spanBlocks = SpanBlocks)
        => Gen.OneOf(AlignedWrites(blockSize, spanBlocks), UnalignedWrites(blockSize, spanBlocks));

    /// <summary>Volume histories: 1 to 8 snapshots, each after 0 to 4 writes; shrinks to fewer snapshots and fewer writes.</summary>
    /// <param name="blockSize">The block size in bytes.</param>
    /// <param name="spanBlocks">The blocks the writes fall in.</param>
    /// <returns>The arbitrary.</returns>
    public static Arbitrary<VolumeHistory> VolumeHistories(int blockSize = TestCloud.BlockSize, int spanBlocks = SpanBlocks)
        => (from count in Gen.Choose(1, 8)
            from batches in Writes(blockSize, spanBlocks).ListOf().Resize(4).Select(b => (IReadOnlyList<GeneratedWrite>)[.. b.Take(4)]).ArrayOf(count)
            select new VolumeHistory(batches))
            .Shrinking(ShrinkHistory);

    /// <summary>Snapshot chains: a volume history whose snapshots are each shared with <see cref="ModelDriver.Recipient"/> with the chance given.</summary>
    /// <param name="sharedPercent">The chance, 0 to 100, that a snapshot is shared.</param>
    /// <param name="blockSize">The block size in bytes.</param>
    /// <returns>The arbitrary: shrinks to fewer snapshots, then to unshared ones.</returns>
    public static Arbitrary<SnapshotChain> SnapshotChains(int sharedPercent = 50, int blockSize = TestCloud.BlockSize)
    {
        ArgumentOutOfRangeException.ThrowIfNegative(sharedPercent);
        ArgumentOutOfRangeException.ThrowIfGreaterThan(sharedPercent, 100);
        return (from history in VolumeHistories(blockSize).Generator
                from shared in Gen.Choose(1, 100).Select(p => p <= sharedPercent).ArrayOf(history.Batches.Count)
                select new SnapshotChain(history, shared))
            .Shrinking(chain => ShrinkHistory(chain.History).Select(h => new SnapshotChain(h, [.. chain.Shared.Take(h.Batches.Count)]))
                .Concat(chain.Shared.Select((s, i) => (s, i)).Where(p => p.s).Select(p => chain with { Shared = [.. chain.Shared.Select((s, j) => s && j != p.i)] })));
    }

    /// <summary>Tag sets of 0 to 4 tags from a small vocabulary (so that filters match often), values short.</summary>
    /// <returns>The arbitrary: shrinks to fewer tags.</returns>
    public static Arbitrary<IReadOnlyDictionary<string, string>> TagSets()
    {
        string[] keys = ["Name", "env", "team", "backup", "aws-backup:keep"];
        string[] values = ["", "prod", "dev", "daily", "weekly"];
        return Gen.Zip(Gen.Elements(keys), Gen.Elements(values)).ArrayOf().Resize(4)
            .Select(tags => (IReadOnlyDictionary<string, string>)tags.Take(4).DistinctBy(t => t.Item1).ToDictionary(t => t.Item1, t => t.Item2, StringComparer.Ordinal))
            .Shrinking(tags => tags.Keys.Select(k => (IReadOnlyDictionary<string, string>)tags.Where(t => t.Key != k).ToDictionary(StringComparer.Ordinal)));
    }

    /// <summary>Account and Region layouts: the owner (<see cref="TestCloud.Account"/>) and 0 to 2 other accounts, in the home Region (<see cref="TestCloud.Region"/>) and 0 to 2 others.</summary>
    /// <returns>The arbitrary: shrinks to fewer accounts and Regions.</returns>
    public static Arbitrary<AccountLayout> AccountLayouts()
    {
        string[] others = [ModelDriver.Recipient, "333333333333"];
        string[] regions = ["us-west-2", "eu-west-1"];
        return (from accounts in Gen.Choose(0, 2)
                from more in Gen.Choose(0, 2)
                select new AccountLayout([TestCloud.Account, .. others.Take(accounts)], [TestCloud.Region, .. regions.Take(more)]))
            .Shrinking(layout => new[]
            {
                layout with { Accounts = [.. layout.Accounts.Take(layout.Accounts.Count - 1)] },
                layout with { Regions = [.. layout.Regions.Take(layout.Regions.Count - 1)] },
            }.Where(l => l.Accounts.Count >= 1 && l.Regions.Count >= 1 && l != layout));
    }

    /// <summary>Clock advances in whole seconds from one second to <paramref name="max"/>; small ones more often. They shrink towards a second.</summary>
    /// <param name="max">The longest advance.</param>
    /// <returns>The arbitrary.</returns>
    public static Arbitrary<TimeSpan> ClockAdvances(TimeSpan max)
    {
        var seconds = (int)Math.Min(int.MaxValue, Math.Max(1, max.TotalSeconds));
        return Gen.Frequency(
                (3, Gen.Choose(1, Math.Min(seconds, 120))),
                (2, Gen.Choose(1, Math.Min(seconds, 86_400))),
                (1, Gen.Choose(1, seconds)))
            .Select(s => TimeSpan.FromSeconds(s))
            .Shrinking(span => Shrinks.Towards((int)span.TotalSeconds, 1).Select(s => TimeSpan.FromSeconds(s)));
    }

    /// <summary>
    /// Schedules: 1 to <paramref name="maxSteps"/> clock advances of 1 to <paramref name="maxUnits"/> whole
    /// <paramref name="unit"/>s each (a snapshot schedule, say, in hours). They shrink to fewer steps, then each step towards one unit.
    /// </summary>
    /// <param name="unit">The unit of each advance.</param>
    /// <param name="maxUnits">The most units one advance takes.</param>
    /// <param name="maxSteps">The most advances.</param>
    /// <returns>The arbitrary.</returns>
    public static Arbitrary<TimeSpan[]> ClockSchedules(TimeSpan unit, int maxUnits, int maxSteps)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(maxUnits, 1);
        ArgumentOutOfRangeException.ThrowIfLessThan(maxSteps, 1);
        return (from count in Gen.Choose(1, maxSteps)
                from units in Gen.Choose(1, maxUnits).ArrayOf(count)
                select units.Select(u => unit * u).ToArray())
            .Shrinking(steps => Shrinks.Shorter(steps, step => Shrinks.Towards((int)(step / unit), 1).Select(u => unit * u)).Where(s => s.Length > 0));
    }

    private static IEnumerable<VolumeHistory> ShrinkHistory(VolumeHistory history)
        => Shrinks.Shorter(history.Batches, batch => Shrinks.Removals(batch).Select(b => (IReadOnlyList<GeneratedWrite>)b))
            .Where(b => b.Length > 0)
            .Select(b => new VolumeHistory(b));

    private static (int, Gen<ModelOp>)[] VolumeAndSnapshotOps()
    {
        var target = Gen.Choose(0, 7);
        var write = from t in target
                    from block in Gen.Choose(0, SpanBlocks - 1)
                    from shape in Gen.Elements(0, 1, 2, 3)
                    from seed in Gen.Choose(0, 5) // few seeds: equal blocks exercise dedup
                    let offset = shape == 0 ? block * TestCloud.BlockSize : (block * TestCloud.BlockSize) + (seed * 333)
                    let length = shape switch { 0 => TestCloud.BlockSize, 1 => 100, 2 => 2 * TestCloud.BlockSize, _ => TestCloud.BlockSize + 1 }
                    select new ModelOp(ModelOpKind.Write, t, Math.Min(offset, (SpanBlocks * TestCloud.BlockSize) - length), length, seed);
        return
        [
            (2, Gen.Constant(new ModelOp(ModelOpKind.CreateVolume, 0, 0, 0, 0))),
            (8, write),
            (3, target.Select(t => new ModelOp(ModelOpKind.CreateSnapshot, t, 0, 0, 0))),
            (2, target.Select(t => new ModelOp(ModelOpKind.DeleteSnapshot, t, 0, 0, 0))),
            (2, target.Select(t => new ModelOp(ModelOpKind.CreateVolumeFromSnapshot, t, 0, 0, 0))),
            (1, target.Select(t => new ModelOp(ModelOpKind.DeleteVolume, t, 0, 0, 0))),
            (2, Gen.Choose(1, 120).Select(s => new ModelOp(ModelOpKind.AdvanceTime, 0, 0, 0, s))),
            (1, target.Select(t => new ModelOp(ModelOpKind.CopySnapshot, t, 0, 0, 0))),
            (1, Gen.Zip(target, Gen.Choose(0, 3)).Select(p => new ModelOp(ModelOpKind.InvalidCall, p.Item1, 0, 0, p.Item2))),
        ];
    }
}
