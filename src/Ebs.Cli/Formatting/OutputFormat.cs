namespace Ebs.Cli.Formatting;

/// <summary>How a command prints its result, as the AWS CLI's <c>--output</c> names them.</summary>
internal enum OutputFormat
{
    /// <summary>A table for people: boxed on a terminal, aligned plain text otherwise.</summary>
    Table,

    /// <summary>Tab-separated rows without a header, for grep, cut and awk.</summary>
    Text,

    /// <summary>JSON shaped like the AWS CLI's responses.</summary>
    Json,
}
