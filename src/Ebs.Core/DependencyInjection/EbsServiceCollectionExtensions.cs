using Ebs.Core;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Options;

namespace Microsoft.Extensions.DependencyInjection;

/// <summary>Registers Ebs.Core in a service collection.</summary>
public static class EbsServiceCollectionExtensions
{
    /// <summary>
    /// Adds a singleton <see cref="EbsCloud"/> on the in-memory chunk store, with options
    /// validated on start. A registered <see cref="TimeProvider"/> drives it; otherwise
    /// <see cref="TimeProvider.System"/>.
    /// </summary>
    /// <param name="services">The service collection.</param>
    /// <param name="configure">Edits the options, or <see langword="null"/>.</param>
    /// <returns><paramref name="services"/>.</returns>
    /// <exception cref="ArgumentNullException"><paramref name="services"/> is <see langword="null"/>.</exception>
    public static IServiceCollection AddEbs(this IServiceCollection services, Action<EbsOptions>? configure = null)
    {
        ArgumentNullException.ThrowIfNull(services);
        var options = services.AddOptionsWithValidateOnStart<EbsOptions, EbsOptionsValidator>();
        if (configure is not null)
        {
            options.Configure(configure);
        }

        services.TryAddSingleton(TimeProvider.System);
        services.TryAddSingleton(sp => new EbsCloud(sp.GetRequiredService<IOptions<EbsOptions>>().Value, sp.GetRequiredService<TimeProvider>()));
        return services;
    }
}
