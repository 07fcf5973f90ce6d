namespace Ebs.Core.Storage;

/// <summary>
/// Raised when a lock-free reader meets a node or chunk that a concurrent writer has just
/// released; the reader retries against the newer state.
/// </summary>
internal sealed class StaleReadException(string message) : Exception(message);
