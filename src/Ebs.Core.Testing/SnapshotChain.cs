namespace Ebs.Core.Testing;

/// <summary>A chain of incremental snapshots of one volume, each shared with <see cref="ModelDriver.Recipient"/> or not.</summary>
/// <param name="History">The writes before each snapshot.</param>
/// <param name="Shared">Whether each snapshot is shared, by position.</param>
public sealed record SnapshotChain(VolumeHistory History, IReadOnlyList<bool> Shared)
{
    /// <summary>The chain as <c>[write 0+4096 #1] snap shared ...</c>.</summary>
    /// <returns>The text.</returns>
    public override string ToString()
        => string.Join(" ", History.Batches.Select((b, i) => $"[{string.Join(", ", b)}] snap{(Shared[i] ? " shared" : string.Empty)}"));
}
