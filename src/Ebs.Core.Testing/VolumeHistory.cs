namespace Ebs.Core.Testing;

/// <summary>A volume's history: batches of writes, each followed by a snapshot.</summary>
/// <param name="Batches">The writes before each snapshot, oldest first.</param>
public sealed record VolumeHistory(IReadOnlyList<IReadOnlyList<GeneratedWrite>> Batches)
{
    /// <summary>The history as <c>[write 0+4096 #1] snap [..] snap</c>.</summary>
    /// <returns>The text.</returns>
    public override string ToString() => string.Join(" ", Batches.Select(b => $"[{string.Join(", ", b)}] snap"));
}
