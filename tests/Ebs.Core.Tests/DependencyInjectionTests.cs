using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;
using Microsoft.Extensions.Time.Testing;

namespace Ebs.Core.Tests;

public sealed class DependencyInjectionTests
{
    [Fact]
    public async Task AddEbs_WithRegisteredTimeProvider_CloudUsesItAndOptions()
    {
        var time = new FakeTimeProvider();
        var services = new ServiceCollection().AddSingleton<TimeProvider>(time).AddEbs(o => o.BlockSize = 8192);
        await using var provider = services.BuildServiceProvider();

        var cloud = provider.GetRequiredService<EbsCloud>();

        Assert.Same(time, cloud.TimeProvider);
        Assert.Equal(8192, cloud.BlockSize);
    }

    [Fact]
    public async Task AddEbs_InvalidBlockSize_ValidationFails()
    {
        await using var provider = new ServiceCollection().AddEbs(o => o.BlockSize = 3000).BuildServiceProvider();

        var error = Assert.Throws<OptionsValidationException>(() => provider.GetRequiredService<IOptions<EbsOptions>>().Value);

        Assert.Contains("BlockSize", error.Message, StringComparison.Ordinal);
        Assert.Throws<OptionsValidationException>(() => EbsCloud.CreateInMemory(o => o.Regions = new Dictionary<string, IReadOnlyList<string>>()));
    }
}
