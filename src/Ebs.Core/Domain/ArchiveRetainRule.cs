namespace Ebs.Core.Domain;

/// <summary>The retention of an archive rule (DLM's <c>ArchiveRetainRule</c>).</summary>
public sealed record ArchiveRetainRule
{
    /// <summary>Gets how long snapshots stay in the archive tier.</summary>
    public required RetentionArchiveTier RetentionArchiveTier { get; init; }
}
