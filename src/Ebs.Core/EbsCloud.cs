using Ebs.Core.Chunks;
using Ebs.Core.Services;
using Ebs.Core.Storage;
using Microsoft.Extensions.Options;

namespace Ebs.Core;

/// <summary>
/// The composition root: Regions with their Availability Zones, accounts, the chunk store,
/// options and the <see cref="TimeProvider"/>. Get service facades through
/// <see cref="Account(string)"/>. Safe to share between threads.
/// </summary>
public sealed class EbsCloud : IAsyncDisposable, IDisposable
{
    private readonly CloudEngine _engine;

    /// <summary>Creates a cloud over the given chunk store.</summary>
    /// <param name="options">The settings; validated here.</param>
    /// <param name="timeProvider">The clock; <see cref="TimeProvider.System"/> when <see langword="null"/>.</param>
    /// <param name="chunkStore">The chunk store; a new <see cref="InMemoryChunkStore"/> when <see langword="null"/>.</param>
    /// <exception cref="ArgumentNullException"><paramref name="options"/> is <see langword="null"/>.</exception>
    /// <exception cref="OptionsValidationException">The options are not valid.</exception>
    public EbsCloud(EbsOptions options, TimeProvider? timeProvider = null, IChunkStore? chunkStore = null)
    {
        ArgumentNullException.ThrowIfNull(options);
        var validation = new EbsOptionsValidator().Validate(Microsoft.Extensions.Options.Options.DefaultName, options);
        if (validation.Failed)
        {
            throw new OptionsValidationException(Microsoft.Extensions.Options.Options.DefaultName, typeof(EbsOptions), validation.Failures);
        }

        _engine = new CloudEngine(options, timeProvider ?? TimeProvider.System, chunkStore ?? new InMemoryChunkStore(options.BlockSize));
    }

    /// <summary>Gets the shared core, for tests and benchmarks of the internals.</summary>
    internal CloudEngine Engine => _engine;

    /// <summary>Gets the clock that drives every time-based effect.</summary>
    public TimeProvider TimeProvider => _engine.Time;

    /// <summary>Gets the block size in bytes.</summary>
    public int BlockSize => _engine.BlockSize;

    /// <summary>Gets the chunk store holding every block's bytes.</summary>
    public IChunkStore ChunkStore => _engine.Chunks;

    /// <summary>Gets the configured Regions and their Availability Zones.</summary>
    public IReadOnlyDictionary<string, IReadOnlyList<string>> Regions => _engine.Regions;

    /// <summary>Creates a cloud on the in-memory chunk store.</summary>
    /// <param name="configure">Edits the default options, or <see langword="null"/>.</param>
    /// <param name="timeProvider">The clock; <see cref="TimeProvider.System"/> when <see langword="null"/>.</param>
    /// <returns>The new cloud.</returns>
    /// <exception cref="OptionsValidationException">The options are not valid.</exception>
    public static EbsCloud CreateInMemory(Action<EbsOptions>? configure = null, TimeProvider? timeProvider = null)
    {
        var options = new EbsOptions();
        configure?.Invoke(options);
        return new EbsCloud(options, timeProvider);
    }

    /// <summary>Gets the services as seen by one caller account.</summary>
    /// <param name="accountId">The 12-digit account id.</param>
    /// <returns>The account's entry point.</returns>
    /// <exception cref="ArgumentNullException"><paramref name="accountId"/> is <see langword="null"/>.</exception>
    /// <exception cref="EbsException"><c>InvalidParameterValue</c> when the id is not 12 digits.</exception>
    public EbsAccount Account(string accountId)
    {
        ArgumentNullException.ThrowIfNull(accountId);
        if (accountId.Length != 12 || accountId.AsSpan().ContainsAnyExceptInRange('0', '9'))
        {
            throw new EbsException(EbsErrorCodes.InvalidParameterValue, $"Account id '{accountId}' is not 12 digits.", accountId);
        }

        return new EbsAccount(_engine, accountId);
    }

    /// <summary>
    /// Recomputes every reference count by mark-and-sweep from the live roots (volumes,
    /// snapshots) and compares with the stored counts, nodes and chunks.
    /// </summary>
    /// <param name="repair">When <see langword="true"/>, deletes leaked chunks and nodes and corrects wrong counts.</param>
    /// <param name="cancellationToken">A token to cancel the scrub.</param>
    /// <returns>What was found (and repaired).</returns>
    public ValueTask<ScrubReport> ScrubAsync(bool repair = false, CancellationToken cancellationToken = default)
        => _engine.ExclusiveAsync(() => Scrubber.RunAsync(_engine, repair, cancellationToken), cancellationToken);

    /// <inheritdoc />
    public void Dispose() => _engine.Dispose();

    /// <inheritdoc />
    public ValueTask DisposeAsync()
    {
        Dispose();
        return ValueTask.CompletedTask;
    }
}
