namespace Ebs.Core.Benchmarks;

/// <summary>Where a benchmark's changed blocks lie on the volume.</summary>
public enum ChangeLayout
{
    /// <summary>Each changed block at a random place: about one new leaf node per block, the worst case for a tree.</summary>
    Scattered,

    /// <summary>Runs of consecutive changed blocks, as files and databases write them.</summary>
    Clustered,
}
