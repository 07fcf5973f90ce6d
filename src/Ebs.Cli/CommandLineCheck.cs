using System.ComponentModel;
using System.Diagnostics.CodeAnalysis;
using System.Globalization;
using System.Numerics;
using System.Reflection;
using Spectre.Console.Cli;

namespace Ebs.Cli;

/// <summary>
/// Reports, before Spectre.Console.Cli parses them, the command-line mistakes it reports without
/// naming the option or misreads: a lone <c>-</c>; an option given no value, to which its retry
/// for a default command binds the placeholder <c>__default_command</c> as if it were one; and a
/// whole-number option given something else.
/// </summary>
internal static class CommandLineCheck
{
    private const string EndOfOptions = "--";

    // Every option that takes a value, by each of its names as typed, with the types it binds to.
    private static readonly ILookup<string, Type> ValueOptions = FindValueOptions();

    /// <summary>Throws for the first such mistake in <paramref name="args"/>.</summary>
    /// <param name="args">The command line.</param>
    /// <exception cref="UsageException">A mistake was found.</exception>
    public static void Check(IReadOnlyList<string> args)
    {
        var options = args.TakeWhile(arg => arg != EndOfOptions).ToList();
        if (options.Contains("-"))
        {
            throw new UsageException("'-' is not an argument ebs takes; for a file named '-', write ./-");
        }

        for (var i = 0; i < options.Count; i++)
        {
            var separator = options[i].IndexOfAny(['=', ':']);
            var name = separator < 0 ? options[i] : options[i][..separator];
            if (!ValueOptions.Contains(name))
            {
                continue;
            }

            // A value that follows as its own argument is looked at again as a name, and passed over as none.
            var value = separator >= 0 ? options[i][(separator + 1)..] : i + 1 < options.Count && !IsOption(options[i + 1]) ? options[i + 1] : null;
            if (value is null)
            {
                throw new UsageException($"{name} needs a value.");
            }

            if (ValueOptions[name].All(IsWholeNumber) && !ValueOptions[name].Any(type => WholeNumberConverter(type).IsValid(value)))
            {
                throw new UsageException(BigInteger.TryParse(value, NumberStyles.Integer, CultureInfo.InvariantCulture, out _)
                    ? $"{name} is out of range: '{value}'."
                    : $"{name} must be a whole number, not '{value}'.");
            }
        }
    }

    // As Spectre reads them: a dash then a letter, or two dashes; "-5" is a value.
    private static bool IsOption(string arg) => arg.StartsWith(EndOfOptions, StringComparison.Ordinal) || (arg.Length > 1 && arg[0] == '-' && !char.IsDigit(arg[1]));

    private static bool IsWholeNumber(Type type) => (Nullable.GetUnderlyingType(type) ?? type) is var number && (number == typeof(int) || number == typeof(long));

    // The converters Spectre.Console.Cli binds whole numbers with.
    private static TypeConverter WholeNumberConverter(Type type) => (Nullable.GetUnderlyingType(type) ?? type) == typeof(int) ? new Int32Converter() : new Int64Converter();

    [UnconditionalSuppressMessage("Trimming", "IL2026", Justification = "The CLI's assembly is a trimming root (Ebs.Cli.csproj): its settings types and their properties are all kept.")]
    [UnconditionalSuppressMessage("Trimming", "IL2070", Justification = "The CLI's assembly is a trimming root (Ebs.Cli.csproj): its settings types and their properties are all kept.")]
    private static ILookup<string, Type> FindValueOptions() => typeof(CommandLineCheck).Assembly.GetTypes()
        .Where(type => type.IsSubclassOf(typeof(CommandSettings)))
        .SelectMany(type => type.GetProperties())
        .SelectMany(property => property.GetCustomAttribute<CommandOptionAttribute>() is { ValueName: not null, ValueIsOptional: false } option
            ? option.LongNames.Select(name => $"--{name}").Concat(option.ShortNames.Select(name => $"-{name}")).Select(name => (Name: name, property.PropertyType))
            : [])
        .ToLookup(option => option.Name, option => option.PropertyType);
}
