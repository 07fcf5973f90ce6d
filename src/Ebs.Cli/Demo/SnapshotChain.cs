namespace Ebs.Cli.Demo;

/// <summary>The three snapshots of one volume that the later sections diff, delete from and restore.</summary>
/// <param name="A">The first snapshot: every written block.</param>
/// <param name="B">The middle snapshot.</param>
/// <param name="C">The latest snapshot.</param>
internal sealed record SnapshotChain(DemoSnapshot A, DemoSnapshot B, DemoSnapshot C)
{
    /// <summary>Gets the snapshots, oldest first.</summary>
    public IReadOnlyList<DemoSnapshot> All => [A, B, C];
}
