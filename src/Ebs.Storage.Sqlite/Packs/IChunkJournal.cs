namespace Ebs.Storage.Sqlite.Packs;

/// <summary>
/// What a chunk store has to record in the state store's next commit: the locations of the
/// chunks it made durable since, and the chunks deleted since. The state store writes them in
/// the same transaction as the state changes that reference (or stopped referencing) them.
/// </summary>
internal interface IChunkJournal
{
    /// <summary>
    /// Writes the pending changes into the open transaction. The journal holds back every
    /// change to what it wrote until <see cref="Complete"/>, which is always called next.
    /// </summary>
    void Write(ChunkLocationTable table);

    /// <summary>Ends a <see cref="Write"/>: <paramref name="committed"/> tells whether the transaction committed.</summary>
    void Complete(bool committed);

    /// <summary>Called once before the state store closes: writes what is still pending in a transaction of its own.</summary>
    void Close();
}
