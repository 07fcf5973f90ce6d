using FsCheck;
using FsCheck.Fluent;

namespace Ebs.Core.Tests.Properties;

/// <summary>Generators of model-based operation sequences.</summary>
public static class Generators
{
    /// <summary>The bytes a generated volume spans: writes land within it so they overlap often.</summary>
    public const int SpanBlocks = 12;

    /// <summary>Sequences of the volume and snapshot operations only (no rule, no archive tier, no Fast Snapshot Restore).</summary>
    public static Arbitrary<ModelOp[]> Operations() => Gen.Sized(size => Gen.Frequency(VolumeAndSnapshotOps()).ArrayOf(Math.Min(size, 40))).ToArbitrary();

    /// <summary>
    /// Sequences, each starting with a volume (half of them also with an instance of an image of it), that also use the Recycle Bin (a rule of 1 or 2 days
    /// in two sequences of three), the archive tier, Fast Snapshot Restore, and waits of hours to
    /// days so that temporary restores and bin retention end.
    /// </summary>
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
                                 select new ModelSequence(days, [new ModelOp(ModelOpKind.CreateVolume, 0, 0, 0, 0), .. launched ? launch : [], .. ops])).ToArbitrary();
    }

    /// <summary>
    /// Lifecycle-policy sequences: writes to a tagged and an untagged volume, manual snapshots and
    /// their deletion, policies (retain 1 to 4, every 1, 2, 4, 12 or 24 hours) created, disabled,
    /// enabled and deleted, and clock jumps of a minute to three days (never onto a whole second, so a
    /// write never shares its instant with a run).
    /// </summary>
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
        return Gen.Sized(size => op.ArrayOf(Math.Min(size, 25))).ToArbitrary();
    }

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
