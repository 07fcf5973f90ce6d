using System.Globalization;
using System.Text;

namespace Ebs.Core.Testing;

/// <summary>
/// Records every call a test makes through it and how it ended, so that a failure prints a
/// readable script, and checks that every refused call (an <see cref="EbsException"/>) changed
/// nothing: not the state, not a count, not a stored chunk.
/// </summary>
/// <param name="cloud">The cloud the calls go to.</param>
public sealed class CallRecorder(EbsCloud cloud)
{
    private readonly List<RecordedCall> _calls = [];

    /// <summary>Gets or sets the cloud the calls go to (set it again after reopening a durable cloud).</summary>
    public EbsCloud Cloud { get; set; } = cloud ?? throw new ArgumentNullException(nameof(cloud));

    /// <summary>Gets the calls so far, in order.</summary>
    public IReadOnlyList<RecordedCall> Calls => _calls;

    /// <summary>Gets the calls whose outcome broke an invariant.</summary>
    public IEnumerable<RecordedCall> Violations => _calls.Where(c => c.Violation is not null);

    /// <summary>Adds a step that is no call (a clock advance, a comment) to the script.</summary>
    /// <param name="description">What happened.</param>
    public void Note(string description) => Add(description, "ok", null);

    /// <summary>
    /// Makes a call and records its result, or the error code it was refused with; a refusal that
    /// changed anything is recorded as a violation. A refusal is thrown on to the caller.
    /// </summary>
    /// <typeparam name="T">The call's result.</typeparam>
    /// <param name="description">What the call is, for the script: <c>DeleteSnapshot snap-…</c>.</param>
    /// <param name="call">The call.</param>
    /// <returns>The call's result.</returns>
    /// <exception cref="EbsException">The call was refused.</exception>
    public async Task<T> CallAsync<T>(string description, Func<Task<T>> call)
    {
        ArgumentNullException.ThrowIfNull(call);
        var before = await CloudFingerprint.TakeAsync(Cloud).ConfigureAwait(false);
        try
        {
            var result = await call().ConfigureAwait(false);
            Add(description, Describe(result), null);
            return result;
        }
        catch (EbsException e)
        {
            var changed = !before.Matches(await CloudFingerprint.TakeAsync(Cloud).ConfigureAwait(false));
            Add(description, e.ErrorCode, changed ? "the refused call changed the cloud" : null);
            throw;
        }
    }

    /// <inheritdoc cref="CallAsync{T}(string, Func{Task{T}})"/>
    public Task CallAsync(string description, Func<Task> call)
    {
        ArgumentNullException.ThrowIfNull(call);
        return CallAsync<string>(description, async () =>
        {
            await call().ConfigureAwait(false);
            return "ok";
        });
    }

    /// <summary>
    /// Makes a call that must be refused with <paramref name="expectedCode"/> and change nothing; records it,
    /// and throws <see cref="InvariantViolationException"/> (with the script) when it was not refused, was
    /// refused with another code, or changed something.
    /// </summary>
    /// <param name="description">What the call is, for the script.</param>
    /// <param name="call">The call.</param>
    /// <param name="expectedCode">The error code it must be refused with.</param>
    /// <returns>The refusal.</returns>
    /// <exception cref="InvariantViolationException">The call was not refused as expected, or changed something.</exception>
    public async Task<EbsException> RefusedAsync(string description, Func<Task> call, string expectedCode)
    {
        ArgumentNullException.ThrowIfNull(call);
        var before = await CloudFingerprint.TakeAsync(Cloud).ConfigureAwait(false);
        try
        {
            await call().ConfigureAwait(false);
        }
        catch (EbsException e)
        {
            var changed = !before.Matches(await CloudFingerprint.TakeAsync(Cloud).ConfigureAwait(false));
            var violation = e.ErrorCode != expectedCode ? $"expected {expectedCode}" : changed ? "the refused call changed the cloud" : null;
            Add(description, e.ErrorCode, violation);
            ThrowIf(violation);
            return e;
        }

        Add(description, "ok", $"expected {expectedCode}");
        ThrowIf($"expected {expectedCode}");
        throw new InvalidOperationException("unreachable");
    }

    /// <summary>The calls as a numbered script, one per line.</summary>
    /// <returns>The script.</returns>
    public string ToScript() => string.Join(Environment.NewLine, _calls);

    /// <inheritdoc cref="ToScript"/>
    public override string ToString() => ToScript();

    private void ThrowIf(string? violation)
    {
        if (violation is not null)
        {
            throw new InvariantViolationException(new StringBuilder()
                .Append(CultureInfo.InvariantCulture, $"call {_calls.Count}: {violation}").AppendLine()
                .AppendLine("script:")
                .Append(ToScript())
                .ToString());
        }
    }

    /// <summary>Records a step that succeeded without going through <see cref="CallAsync{T}"/>.</summary>
    internal void Record(string description, string outcome) => Add(description, outcome, null);

    private void Add(string description, string outcome, string? violation) => _calls.Add(new RecordedCall(_calls.Count + 1, description, outcome, violation));

    private static string Describe(object? result) => result switch
    {
        null => "ok",
        string text => text,
        _ when result.ToString() is { Length: <= 60 } text => text, // ids, counts, states
        _ => result.GetType().Name,
    };
}
