namespace Ebs.Core.Domain;

/// <summary>Archiving of a schedule's snapshots (DLM's <c>ArchiveRule</c>): what the schedule's retention lets go is moved to the archive tier instead of being deleted, and kept there by <see cref="RetainRule"/>.</summary>
public sealed record ArchiveRule
{
    /// <summary>Gets how long archived snapshots are kept.</summary>
    public required ArchiveRetainRule RetainRule { get; init; }
}
