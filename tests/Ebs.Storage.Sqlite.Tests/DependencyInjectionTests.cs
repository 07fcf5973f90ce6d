using Ebs.Core;
using Ebs.Core.Services;
using Ebs.Core.Tests;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;

namespace Ebs.Storage.Sqlite.Tests;

public sealed class DependencyInjectionTests
{
    [Fact]
    public async Task AddEbsLocalDirectory_ResolvedCloud_PersistsAcrossContainers()
    {
        using var dir = new TempDirectory();
        await using (var provider = new ServiceCollection().AddEbsLocalDirectory(dir.Path, o => o.BlockSize = 8192).BuildServiceProvider())
        {
            var cloud = provider.GetRequiredService<Core.EbsCloud>();
            Assert.Equal(8192, cloud.BlockSize);
            await cloud.Account(TestCloud.Account).Ec2(TestCloud.Region).CreateVolumeAsync(new CreateVolumeRequest { AvailabilityZone = "us-east-1a", Size = 3 });
        }

        await using (var provider = new ServiceCollection().AddEbsLocalDirectory(dir.Path, o => o.BlockSize = 8192).BuildServiceProvider())
        {
            var volume = Assert.Single(await provider.GetRequiredService<Core.EbsCloud>().Account(TestCloud.Account).Ec2(TestCloud.Region).ListVolumesAsync());
            Assert.Equal(3, volume.Size);
        }
    }

    [Fact]
    public async Task AddEbsLocalDirectory_HostStarts_StoreOpenedBeforeFirstUse()
    {
        using var dir = new TempDirectory();
        using var host = HostOn(dir.Path);

        await host.StartAsync();

        var error = await Assert.ThrowsAsync<EbsException>(() => LocalDirectory.OpenAsync(dir.Path, new EbsOptions()).AsTask());
        Assert.Equal(LocalStoreErrorCodes.StoreInUse, error.ErrorCode);
        await host.StopAsync();
    }

    [Fact]
    public async Task AddEbsLocalDirectory_StoreInUse_HostStartFails()
    {
        using var dir = new TempDirectory();
        await using var holder = await LocalDirectory.OpenAsync(dir.Path, new EbsOptions());
        using var host = HostOn(dir.Path);

        var error = await Assert.ThrowsAsync<EbsException>(() => host.StartAsync());

        Assert.Equal(LocalStoreErrorCodes.StoreInUse, error.ErrorCode);
    }

    [Fact]
    public async Task AddEbsLocalDirectory_DamagedStore_HostStartFailsAndStoreUnchanged()
    {
        using var dir = new TempDirectory();
        var state = Path.Combine(dir.Path, LocalDirectory.StateFileName);
        await File.WriteAllBytesAsync(state, TestCloud.Block(7));
        using var host = HostOn(dir.Path);

        var error = await Assert.ThrowsAsync<EbsException>(() => host.StartAsync());

        Assert.Equal(LocalStoreErrorCodes.StoreDamaged, error.ErrorCode);
        Assert.Equal(TestCloud.Block(7), await File.ReadAllBytesAsync(state));
    }

    private static IHost HostOn(string path)
    {
        var builder = Host.CreateEmptyApplicationBuilder(new HostApplicationBuilderSettings());
        builder.Services.AddEbsLocalDirectory(path);
        return builder.Build();
    }
}
