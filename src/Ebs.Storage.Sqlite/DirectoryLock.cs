using Ebs.Core;

namespace Ebs.Storage.Sqlite;

/// <summary>
/// An exclusive lock on a store directory, held through a lock file opened without sharing,
/// so a second process (or a second open in this one) gets a clear error instead of
/// corrupting the store.
/// </summary>
internal sealed class DirectoryLock : IDisposable
{
    public const string FileName = "ebs.lock";

    private readonly FileStream _file;
    private readonly string _path;
    private bool _pinned;
    private bool _released;

    private DirectoryLock(FileStream file, string path)
    {
        _file = file;
        _path = path;
    }

    /// <exception cref="EbsException">
    /// <see cref="LocalStoreErrorCodes.StoreInUse"/> when another holds it; <see cref="LocalStoreErrorCodes.AccessDenied"/>
    /// when the lock file cannot be created or opened for writing.
    /// </exception>
    public static DirectoryLock Acquire(string directory)
    {
        var path = Path.Combine(directory, FileName);
        try
        {
            var file = new FileStream(path, FileMode.OpenOrCreate, FileAccess.ReadWrite, FileShare.None);
            file.SetLength(0);
            using (var writer = new StreamWriter(file, leaveOpen: true))
            {
                writer.Write(Environment.ProcessId);
            }

            file.Flush();
            return new DirectoryLock(file, path);
        }
        catch (UnauthorizedAccessException e)
        {
            throw new EbsException(LocalStoreErrorCodes.AccessDenied, $"The store '{directory}' is not writable by this process: its lock file {path} cannot be created or opened ({e.Message}). Run as the store's owner or give write access to the folder; nothing was changed.", directory);
        }
        catch (IOException)
        {
            throw new EbsException(LocalStoreErrorCodes.StoreInUse, $"The store '{directory}' is in use by another process (lock file {path}).", directory);
        }
    }

    /// <summary>
    /// Keeps the lock held through <see cref="Dispose"/> until <see cref="Unpin"/>: a failed
    /// open removes what it created while no other process can take the directory.
    /// </summary>
    public void Pin() => _pinned = true;

    /// <summary>Ends <see cref="Pin"/>, releasing the lock if it was disposed meanwhile.</summary>
    public void Unpin()
    {
        _pinned = false;
        if (_released)
        {
            _file.Dispose();
        }
    }

    /// <summary>Deletes the lock file while still holding it (where the system allows), so no other process takes the file being removed.</summary>
    public void DeleteFile()
    {
        try
        {
            File.Delete(_path);
        }
        catch (IOException)
        {
            // Windows: a file open without sharing cannot be deleted; an empty lock file is harmless.
        }
    }

    public void Dispose()
    {
        _released = true;
        if (!_pinned)
        {
            _file.Dispose();
        }
    }
}
