using System.Text;

namespace Ebs.Core.Testing;

/// <summary>
/// What <see cref="EbsInvariants.CheckAsync"/> found: every violation, one line each, and the
/// recorded script when a recorder was given. <c>report.ThrowIfViolated()</c> fails a test with all of it.
/// </summary>
public sealed class InvariantReport
{
    internal InvariantReport(IReadOnlyList<string> violations, string? script)
    {
        Violations = violations;
        Script = script;
    }

    /// <summary>Gets the violations, one line each; empty when every invariant holds.</summary>
    public IReadOnlyList<string> Violations { get; }

    /// <summary>Gets the recorded calls as a numbered script, or <see langword="null"/> when no recorder was given.</summary>
    public string? Script { get; }

    /// <summary>Gets a value indicating whether every invariant holds.</summary>
    public bool IsClean => Violations.Count == 0;

    /// <summary>Throws <see cref="InvariantViolationException"/> with <see cref="ToString"/> as its message unless <see cref="IsClean"/>.</summary>
    /// <exception cref="InvariantViolationException">An invariant does not hold.</exception>
    public void ThrowIfViolated()
    {
        if (!IsClean)
        {
            throw new InvariantViolationException(ToString());
        }
    }

    /// <summary>Every violation on its own line, then the script.</summary>
    /// <returns>The text.</returns>
    public override string ToString()
    {
        if (IsClean)
        {
            return "all invariants hold";
        }

        var text = new StringBuilder();
        text.AppendLine($"{Violations.Count} invariant violation(s):");
        foreach (var violation in Violations)
        {
            text.Append("- ").AppendLine(violation);
        }

        if (Script is not null)
        {
            text.AppendLine("script:").Append(Script);
        }

        return text.ToString().TrimEnd();
    }
}
