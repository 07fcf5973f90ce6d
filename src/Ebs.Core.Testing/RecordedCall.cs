namespace Ebs.Core.Testing;

/// <summary>One call a <see cref="CallRecorder"/> saw: what it was and how it ended.</summary>
/// <param name="Number">Its position in the script, from 1.</param>
/// <param name="Description">What the call was, as the caller described it.</param>
/// <param name="Outcome">How it ended: <c>ok</c>, a result, or the error code it was refused with.</param>
/// <param name="Violation">What was wrong with it (a refusal that changed something, a wrong outcome), or <see langword="null"/>.</param>
public sealed record RecordedCall(int Number, string Description, string Outcome, string? Violation)
{
    /// <summary>The call as one line of a script: <c>3. DeleteSnapshot snap-… -> ok</c>.</summary>
    /// <returns>The line.</returns>
    public override string ToString()
        => $"{Number}. {Description} -> {Outcome}{(Violation is null ? string.Empty : $"   !! {Violation}")}";
}
