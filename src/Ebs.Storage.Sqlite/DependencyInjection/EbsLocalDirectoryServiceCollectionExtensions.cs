using Ebs.Core;
using Ebs.Storage.Sqlite;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Options;

namespace Microsoft.Extensions.DependencyInjection;

/// <summary>Registers Ebs.Core on a durable local directory.</summary>
public static class EbsLocalDirectoryServiceCollectionExtensions
{
    /// <summary>
    /// Adds a singleton <see cref="EbsCloud"/> opened on the local directory
    /// <paramref name="path"/> (see <see cref="LocalDirectory"/>), with options validated on start.
    /// Under a host (<c>Microsoft.Extensions.Hosting</c>), a hosted service opens the directory as
    /// the host starts, so a store that is in use, damaged or too new fails the start with its
    /// <see cref="EbsException"/>; without one, the first resolution opens it.
    /// </summary>
    /// <param name="services">The service collection.</param>
    /// <param name="path">The store directory.</param>
    /// <param name="configure">Edits the options, or <see langword="null"/>.</param>
    /// <returns><paramref name="services"/>.</returns>
    /// <exception cref="ArgumentNullException"><paramref name="services"/> or <paramref name="path"/> is <see langword="null"/>.</exception>
    public static IServiceCollection AddEbsLocalDirectory(this IServiceCollection services, string path, Action<EbsOptions>? configure = null)
    {
        ArgumentNullException.ThrowIfNull(services);
        ArgumentNullException.ThrowIfNull(path);
        services.AddEbs(configure);
        services.Replace(ServiceDescriptor.Singleton(sp =>
            LocalDirectory.OpenAsync(path, sp.GetRequiredService<IOptions<EbsOptions>>().Value, sp.GetRequiredService<TimeProvider>()).AsTask().GetAwaiter().GetResult()));
        services.TryAddEnumerable(ServiceDescriptor.Singleton<IHostedService, LocalDirectoryStartup>());
        return services;
    }
}
