using Ebs.Core.Services;
using Ebs.Core.Tests;
using Microsoft.Extensions.DependencyInjection;

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
}
