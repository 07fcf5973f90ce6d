using FsCheck;
using FsCheck.Fluent;

namespace Ebs.Core.Tests.Properties;

/// <summary>Generators of model-based operation sequences.</summary>
public static class Generators
{
    /// <summary>The bytes a generated volume spans: writes land within it so they overlap often.</summary>
    public const int SpanBlocks = 12;

    public static Arbitrary<ModelOp[]> Operations()
    {
        var target = Gen.Choose(0, 7);
        var write = from t in target
                    from block in Gen.Choose(0, SpanBlocks - 1)
                    from shape in Gen.Elements(0, 1, 2, 3)
                    from seed in Gen.Choose(0, 5) // few seeds: equal blocks exercise dedup
                    let offset = shape == 0 ? block * TestCloud.BlockSize : (block * TestCloud.BlockSize) + (seed * 333)
                    let length = shape switch { 0 => TestCloud.BlockSize, 1 => 100, 2 => 2 * TestCloud.BlockSize, _ => TestCloud.BlockSize + 1 }
                    select new ModelOp(ModelOpKind.Write, t, Math.Min(offset, (SpanBlocks * TestCloud.BlockSize) - length), length, seed);
        var op = Gen.Frequency(
            (2, Gen.Constant(new ModelOp(ModelOpKind.CreateVolume, 0, 0, 0, 0))),
            (8, write),
            (3, target.Select(t => new ModelOp(ModelOpKind.CreateSnapshot, t, 0, 0, 0))),
            (2, target.Select(t => new ModelOp(ModelOpKind.DeleteSnapshot, t, 0, 0, 0))),
            (2, target.Select(t => new ModelOp(ModelOpKind.CreateVolumeFromSnapshot, t, 0, 0, 0))),
            (1, target.Select(t => new ModelOp(ModelOpKind.DeleteVolume, t, 0, 0, 0))),
            (2, Gen.Choose(1, 120).Select(s => new ModelOp(ModelOpKind.AdvanceTime, 0, 0, 0, s))),
            (1, target.Select(t => new ModelOp(ModelOpKind.CopySnapshot, t, 0, 0, 0))),
            (1, Gen.Zip(target, Gen.Choose(0, 3)).Select(p => new ModelOp(ModelOpKind.InvalidCall, p.Item1, 0, 0, p.Item2))));
        return Gen.Sized(size => op.ArrayOf(Math.Min(size, 40))).ToArbitrary();
    }
}
