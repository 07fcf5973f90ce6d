using Ebs.Core;
using Ebs.Core.Tests;

namespace Ebs.Storage.Sqlite.Tests;

public sealed class DisposalTests
{
    [Fact]
    public async Task EveryCall_LocalDirectoryCloudDisposed_ObjectDisposedExceptionAndDirectoryReleased()
    {
        using var dir = new TempDirectory();
        var cloud = await LocalDirectory.OpenAsync(dir.Path, new EbsOptions());

        var calls = await DisposedCloudCalls.AssertEveryCallThrowsAsync(cloud);

        Assert.True(calls > 20, $"Only {calls} calls were found.");
        await using var reopened = await LocalDirectory.OpenAsync(dir.Path, new EbsOptions());
    }
}
