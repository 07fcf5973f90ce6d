using Ebs.Core.Chunks;
using Ebs.Core.Storage;

namespace Ebs.Core.Tests;

public sealed class DisposalTests
{
    [Fact]
    public async Task EveryCall_InMemoryCloudDisposed_ObjectDisposedException()
    {
        var cloud = EbsCloud.CreateInMemory();

        var calls = await DisposedCloudCalls.AssertEveryCallThrowsAsync(cloud);

        Assert.True(calls > 20, $"Only {calls} calls were found.");
    }

    [Fact]
    public async Task EveryCall_InMemoryStateStoreCloudDisposed_ObjectDisposedException()
    {
        using var chunks = new InMemoryChunkStore(EbsOptions.DefaultBlockSize);
        var cloud = await EbsCloud.OpenAsync(new EbsOptions(), chunks, new InMemoryStateStore());

        var calls = await DisposedCloudCalls.AssertEveryCallThrowsAsync(cloud);

        Assert.True(calls > 20, $"Only {calls} calls were found.");
    }

    [Fact]
    public async Task DisposeAsync_Twice_SecondDoesNothing()
    {
        var cloud = EbsCloud.CreateInMemory();
        await cloud.DisposeAsync();

        await cloud.DisposeAsync();

        var error = await Assert.ThrowsAsync<ObjectDisposedException>(() => cloud.ScrubAsync().AsTask());
        Assert.Equal(nameof(EbsCloud), error.ObjectName);
    }
}
