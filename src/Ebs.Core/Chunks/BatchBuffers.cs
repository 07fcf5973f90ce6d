using System.Buffers;

namespace Ebs.Core.Chunks;

/// <summary>
/// The buffers of a batch of whole blocks (up to 16 MiB: a volume or snapshot read, an import's
/// confirmation read-back), pooled apart from <see cref="ArrayPool{T}.Shared"/>. The shared pool
/// caches arrays by thread and by core, and a batch is rented on one thread pool thread and returned
/// on another: measured on a daily import of 1 GiB, it kept handing out fresh arrays, memory the
/// operating system faults in and zeros (about 50,000 pages; 30,000 with this pool, and 10% less time).
/// It keeps at most four arrays of each size, 64 MiB of 16-MiB batches, for the life of the process.
/// </summary>
internal static class BatchBuffers
{
    /// <summary>Gets the pool.</summary>
    public static ArrayPool<byte> Pool { get; } = ArrayPool<byte>.Create(maxArrayLength: 64 << 20, maxArraysPerBucket: 4);
}
