using System.ComponentModel;
using System.Globalization;
using System.Text.Json.Nodes;
using Ebs.Core;
using Ebs.Core.Services;
using Spectre.Console;
using Spectre.Console.Cli;

namespace Ebs.Cli.Commands.Store;

/// <summary>
/// <c>ebs store init [--block-size SIZE]</c>: creates the store with the block size asked for
/// (recorded in it; every later command opens it with that size). A store that exists is left as
/// it is when its size agrees and refused (<c>LocalStore.BlockSizeMismatch</c>) when it does not.
/// </summary>
internal sealed class StoreInitCommand(IAnsiConsole console, TimeProvider time) : StoreCommand<StoreInitCommand.Settings>(console, time)
{
    protected override int? RequestedBlockSize(Settings settings) => settings.BlockSizeBytes;

    protected override Task<int> RunAsync(EbsCloud cloud, Ec2Client ec2, Settings settings, CancellationToken cancellationToken)
    {
        var path = Path.GetFullPath(settings.StorePath);
        Print(settings, new JsonObject { ["Store"] = path, ["BlockSize"] = cloud.BlockSize }, () => new Text($"Store {path}: {Settings.Describe(cloud.BlockSize)} blocks.\n"));
        return Task.FromResult(0);
    }

    internal sealed class Settings : StoreSettings
    {
        /// <summary>The block sizes a store may have: powers of two from 4 KiB to 1 MiB.</summary>
        public static readonly int[] Allowed = [.. Enumerable.Range(12, 9).Select(shift => 1 << shift)];

        [CommandOption("--block-size <SIZE>")]
        [Description("The block size of a new store: 4K, 8K, 16K, 32K, 64K, 128K, 256K, 512K or 1M (default: 512K, the EBS direct API's). Small blocks re-store less per scattered small write; large ones keep fewer chunks and map nodes. Fixed once the store exists.")]
        public string? BlockSize { get; init; }

        /// <summary>Gets the block size asked for, in bytes, or <see langword="null"/> when none was.</summary>
        public int? BlockSizeBytes => BlockSize is null ? null : Parse(BlockSize);

        /// <summary>Writes a block size as the option takes it: 64K, 1M.</summary>
        public static string Describe(int bytes) => bytes >= 1 << 20 ? $"{bytes >> 20}M" : $"{bytes >> 10}K";

        /// <inheritdoc/>
        public override ValidationResult Validate()
        {
            var result = base.Validate();
            return result.Successful && BlockSize is not null && Parse(BlockSize) is null
                ? ValidationResult.Error($"--block-size must be one of {string.Join(", ", Allowed.Select(Describe))} (or the same in bytes), not '{BlockSize}'.")
                : result;
        }

        /// <summary>Reads 65536, 64K, 64k, 64KiB or 1M; <see langword="null"/> for anything else, or a size not allowed.</summary>
        private static int? Parse(string text)
        {
            var trimmed = text.Trim();
            var (digits, scale) = trimmed.ToUpperInvariant() switch
            {
                var t when t.EndsWith("KIB", StringComparison.Ordinal) => (t[..^3], 1 << 10),
                var t when t.EndsWith("MIB", StringComparison.Ordinal) => (t[..^3], 1 << 20),
                var t when t.EndsWith('K') => (t[..^1], 1 << 10),
                var t when t.EndsWith('M') => (t[..^1], 1 << 20),
                var t => (t, 1),
            };
            return int.TryParse(digits, NumberStyles.None, CultureInfo.InvariantCulture, out var value)
                && (long)value * scale is var bytes && Allowed.Contains((int)Math.Min(bytes, int.MaxValue))
                ? (int)bytes
                : null;
        }
    }
}
