using System.Runtime.InteropServices;
using Ebs.Cli.Transfer;
using Ebs.Core.Tests;

namespace Ebs.Cli.Tests;

/// <summary>An export's runs go around the page cache where they can, and through it where a direct write is refused.</summary>
public sealed class DirectWritesTests
{
    private const int Run = 64 << 10;

    [Fact]
    public void WriteRun_AlignedRun_StaysDirectAndLands()
    {
        using var dir = new TempDirectory();
        using var file = Create(dir);
        var (bytes, handle) = Pinned(Run + DirectWrites.Alignment);
        try
        {
            var run = bytes.AsSpan(AlignedStart(handle), Run);
            Random.Shared.NextBytes(run);

            var direct = DiskImage.WriteRun(file, Run, run, direct: true);

            Assert.True(direct);
            Assert.Equal(run.ToArray(), ReadBack(file, Run, Run));
        }
        finally
        {
            handle.Free();
        }
    }

    [Fact]
    public void WriteRun_RefusedDirectWrite_WrittenThroughThePageCacheAndDirectOff()
    {
        using var dir = new TempDirectory();
        using var file = Create(dir);
        var (bytes, handle) = Pinned(Run + DirectWrites.Alignment + 1);
        try
        {
            // One byte past a 4-KiB boundary of memory: the kernel refuses it as a direct write (EINVAL).
            var run = bytes.AsSpan(AlignedStart(handle) + 1, Run);
            Random.Shared.NextBytes(run);

            var direct = DiskImage.WriteRun(file, 0, run, direct: true);

            Assert.False(direct);
            Assert.Equal(run.ToArray(), ReadBack(file, 0, Run));
        }
        finally
        {
            handle.Free();
        }
    }

    private static FileStream Create(TempDirectory dir)
    {
        var file = new FileStream(Path.Combine(dir.Path, "image"), FileMode.CreateNew, FileAccess.ReadWrite, FileShare.None, bufferSize: 0);
        file.SetLength(4L * Run);
        Assert.True(DirectWrites.TryEnable(file.SafeFileHandle), "direct writes are not available in the temporary folder's file system");
        return file;
    }

    private static (byte[] Bytes, GCHandle Handle) Pinned(int length)
    {
        var bytes = new byte[length];
        return (bytes, GCHandle.Alloc(bytes, GCHandleType.Pinned));
    }

    private static int AlignedStart(GCHandle handle)
    {
        var address = handle.AddrOfPinnedObject();
        return (int)((DirectWrites.Alignment - (address % DirectWrites.Alignment)) % DirectWrites.Alignment);
    }

    private static byte[] ReadBack(FileStream file, long offset, int length)
    {
        DirectWrites.Disable(file.SafeFileHandle);
        var bytes = new byte[length];
        Assert.Equal(length, RandomAccess.Read(file.SafeFileHandle, bytes, offset));
        return bytes;
    }
}
