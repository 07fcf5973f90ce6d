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

    private DirectoryLock(FileStream file) => _file = file;

    /// <exception cref="EbsException"><see cref="LocalStoreErrorCodes.StoreInUse"/> when another holds it.</exception>
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
            return new DirectoryLock(file);
        }
        catch (IOException)
        {
            throw new EbsException(LocalStoreErrorCodes.StoreInUse, $"The store '{directory}' is in use by another process (lock file {path}).", directory);
        }
    }

    public void Dispose() => _file.Dispose();
}
