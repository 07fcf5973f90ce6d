using Ebs.Core;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;

namespace Ebs.Storage.Sqlite;

/// <summary>
/// Opens the registered local directory as the host starts, so that a store that cannot be
/// opened (in use by another process, damaged, too new) fails the host's start instead of the
/// first request that needs it. The container keeps the cloud and disposes it on shutdown.
/// </summary>
internal sealed class LocalDirectoryStartup(IServiceProvider services) : IHostedService
{
    /// <summary>Resolves the <see cref="EbsCloud"/> singleton, which opens the directory.</summary>
    /// <param name="cancellationToken">Not used: the open is short and leaves nothing half done.</param>
    /// <returns>A completed task.</returns>
    public Task StartAsync(CancellationToken cancellationToken)
    {
        services.GetRequiredService<EbsCloud>();
        return Task.CompletedTask;
    }

    /// <summary>Does nothing: the container disposes the cloud, releasing the directory.</summary>
    /// <param name="cancellationToken">Not used.</param>
    /// <returns>A completed task.</returns>
    public Task StopAsync(CancellationToken cancellationToken) => Task.CompletedTask;
}
