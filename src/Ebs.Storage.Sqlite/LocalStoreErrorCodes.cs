namespace Ebs.Storage.Sqlite;

/// <summary>
/// The error codes of <see cref="Core.EbsException"/> when a local store cannot be opened. An
/// open refused with any of them deletes nothing the store holds and releases the directory.
/// </summary>
public static class LocalStoreErrorCodes
{
    /// <summary>The state database cannot be read or decoded (not a database, truncated, a table or record damaged); the message names the file and what is wrong.</summary>
    public const string StoreDamaged = "LocalStore.Damaged";

    /// <summary>The directory holds chunk files but its state database is missing or empty, so nothing tells which volumes and snapshots use them.</summary>
    public const string StateMissing = "LocalStore.StateMissing";

    /// <summary>Another process, or another open in this one, has the store open.</summary>
    public const string StoreInUse = "LocalStore.InUse";

    /// <summary>The store was written by a newer library, whose format this one cannot read.</summary>
    public const string FormatTooNew = "LocalStore.FormatTooNew";

    /// <summary>The store was created with another block size than the options give.</summary>
    public const string BlockSizeMismatch = "LocalStore.BlockSizeMismatch";

    /// <summary>There is no store at the path (opening only an existing store), or what is there is not one (another program's database).</summary>
    public const string StoreNotFound = "LocalStore.NotFound";

    /// <summary>
    /// The path holds something that is not a store and must not become one: a <c>state.db</c>
    /// that is another program's database, a <c>chunks</c> that is not a folder. Nothing is written to it.
    /// </summary>
    public const string NotAStore = "LocalStore.NotAStore";

    /// <summary>The path lies inside another store (under its <c>chunks</c> folder, say), whose fsck would take the new store's files for its own.</summary>
    public const string InsideStore = "LocalStore.InsideStore";

    /// <summary>The store's files cannot be written by this process (another user's store, a read-only folder or file); the message names the file. The store is not damaged.</summary>
    public const string AccessDenied = "LocalStore.AccessDenied";
}
