namespace Ebs.Core.Testing;

/// <summary>
/// Thrown when a cloud breaks an invariant: by <see cref="InvariantReport.ThrowIfViolated"/>, and by
/// <see cref="ModelDriver"/> and <see cref="CallRecorder.RefusedAsync"/> the moment the cloud and the model disagree.
/// Its message lists every violation and, when there is one, the recorded script.
/// </summary>
public sealed class InvariantViolationException : Exception
{
    /// <summary>Creates the exception.</summary>
    public InvariantViolationException()
    {
    }

    /// <summary>Creates the exception with a message.</summary>
    /// <param name="message">What was violated.</param>
    public InvariantViolationException(string message)
        : base(message)
    {
    }

    /// <summary>Creates the exception with a message and the exception that caused it.</summary>
    /// <param name="message">What was violated.</param>
    /// <param name="innerException">The cause.</param>
    public InvariantViolationException(string message, Exception innerException)
        : base(message, innerException)
    {
    }
}
