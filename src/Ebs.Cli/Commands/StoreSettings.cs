using System.ComponentModel;
using Ebs.Cli.Formatting;
using Spectre.Console;
using Spectre.Console.Cli;

namespace Ebs.Cli.Commands;

/// <summary>The options of every command that works on the store: where it is and how to print.</summary>
internal class StoreSettings : GlobalSettings
{
    /// <summary>The account the default <c>--account</c> names.</summary>
    public const string DefaultAccount = "111111111111";

    /// <summary>The Region the default <c>--region</c> names.</summary>
    public const string DefaultRegion = "us-east-1";

    /// <summary>The environment variable that names the store when <c>--store</c> does not.</summary>
    public const string StoreVariable = "EBS_STORE";

    private const string DefaultStore = ".ebs";

    [CommandOption("--store <PATH>")]
    [Description("The store directory (default: $EBS_STORE, else ./.ebs).")]
    public string? Store { get; init; }

    [CommandOption("--output <FORMAT>")]
    [Description("table, text (tab-separated rows, no header) or json (default: table; printed as aligned plain text when standard output is not a terminal).")]
    public string? Output { get; init; }

    [CommandOption("--json")]
    [Description("Short for --output json.")]
    public bool JsonShorthand { get; init; }

    /// <summary>Gets how to print the result.</summary>
    public OutputFormat Format => JsonShorthand ? OutputFormat.Json : Parse(Output) ?? OutputFormat.Table;

    /// <summary>Gets a value indicating whether the result is printed as JSON, for scripts.</summary>
    public bool Json => Format == OutputFormat.Json;

    /// <summary>Gets the store directory to open.</summary>
    public string StorePath => Store ?? Environment.GetEnvironmentVariable(StoreVariable) ?? DefaultStore;

    /// <summary>
    /// Refuses a blank <c>--store</c>, which would mean the current directory to some calls and an error to others,
    /// or a directory named by spaces; and one that names a file, which no store can be made in.
    /// </summary>
    /// <param name="store">The <c>--store</c> value, or <see langword="null"/> when not given.</param>
    /// <returns>The result.</returns>
    public static ValidationResult ValidateStoreOption(string? store)
        => store switch
        {
            null => ValidationResult.Success(),
            _ when string.IsNullOrWhiteSpace(store) => ValidationResult.Error("--store is empty: give a directory, or leave the option out."),
            _ => DirectoryOrAbsent("--store", store),
        };

    /// <inheritdoc/>
    public override ValidationResult Validate()
    {
        if (Output is not null && Parse(Output) is null)
        {
            return ValidationResult.Error($"--output must be table, text or json, not '{Output}'.");
        }

        if (JsonShorthand && Output is not null && Parse(Output) != OutputFormat.Json)
        {
            return ValidationResult.Error($"--json and --output {Output} contradict each other.");
        }

        return Store is null ? ValidateStoreVariable(Environment.GetEnvironmentVariable(StoreVariable)) : ValidateStoreOption(Store);
    }

    private static ValidationResult ValidateStoreVariable(string? value)
        => value switch
        {
            null => DirectoryOrAbsent("The default store", DefaultStore),
            _ when string.IsNullOrWhiteSpace(value) => ValidationResult.Error($"{StoreVariable} is set but empty: set it to a directory, or unset it."),
            _ => DirectoryOrAbsent(StoreVariable, value),
        };

    // A store is a directory, made on first write; a file in its place would only fail later, and less clearly.
    private static ValidationResult DirectoryOrAbsent(string source, string path)
        => Path.Exists(path) && !Directory.Exists(path) ? ValidationResult.Error($"{source} '{path}' is not a directory.") : ValidationResult.Success();

    // By name only: Enum.Parse would also take "1".
    private static OutputFormat? Parse(string? text)
        => Enum.GetValues<OutputFormat>().Cast<OutputFormat?>().FirstOrDefault(f => string.Equals(f.ToString(), text, StringComparison.OrdinalIgnoreCase));
}
