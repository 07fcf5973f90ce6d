namespace Ebs.Cli;

/// <summary>A command line that cannot run as written: reported as a usage error, exit code 2.</summary>
/// <param name="message">What is wrong with the command line, one sentence naming the option or argument.</param>
internal sealed class UsageException(string message) : Exception(message);
