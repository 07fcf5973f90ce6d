using System.Runtime.InteropServices;

namespace Ebs.Cli;

/// <summary>
/// Turns Ctrl-C and SIGTERM into a cancellation of the running command, so that it stops at a
/// safe point and the store is closed properly instead of the process being killed mid-write.
/// </summary>
internal sealed class InterruptSignals : IDisposable
{
    private readonly CancellationTokenSource _source = new();
    private readonly PosixSignalRegistration _terminate;

    /// <summary>Starts listening for Ctrl-C and SIGTERM.</summary>
    public InterruptSignals()
    {
        Console.CancelKeyPress += OnCancelKeyPress;
        _terminate = PosixSignalRegistration.Create(PosixSignal.SIGTERM, OnTerminate);
    }

    /// <summary>Gets the token that is cancelled at the first signal.</summary>
    public CancellationToken Token => _source.Token;

    /// <inheritdoc/>
    public void Dispose()
    {
        Console.CancelKeyPress -= OnCancelKeyPress;
        _terminate.Dispose();
        _source.Dispose();
    }

    private void OnCancelKeyPress(object? sender, ConsoleCancelEventArgs e) => e.Cancel = Cancel();

    private void OnTerminate(PosixSignalContext context) => context.Cancel = Cancel();

    // The first signal asks the command to stop; a second one, while it is still winding
    // down, takes the default action and ends the process at once.
    private bool Cancel()
    {
        if (_source.IsCancellationRequested)
        {
            return false;
        }

        _source.Cancel();
        return true;
    }
}
