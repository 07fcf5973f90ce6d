using Spectre.Console;
using Spectre.Console.Rendering;

namespace Ebs.Cli.Formatting;

/// <summary>
/// Writes a table without box drawing, for standard output that is not a terminal: aligned
/// columns for people reading a log or a pager, or tab-separated rows for scripts. Cells are
/// never wrapped or cut, so ids and states stay whole whatever the width.
/// </summary>
internal static class PlainTable
{
    private const string ColumnGap = "  ";

    // Wide enough that no cell is ever wrapped; a cell's own line breaks become spaces.
    private const int UnboundedWidth = 1 << 16;

    /// <summary>Writes the title, a header and the rows in space-aligned columns, then the caption.</summary>
    /// <param name="console">The console whose capabilities the cells are rendered with.</param>
    /// <param name="table">The table.</param>
    /// <param name="writer">Where the lines go.</param>
    public static void WriteAligned(IAnsiConsole console, Table table, TextWriter writer)
    {
        var header = table.Columns.Select(c => PlainText(console, c.Header)).ToList();
        var rows = table.Rows.Select(r => r.Select(cell => PlainText(console, cell)).ToList()).ToList();
        var widths = header.Select((h, i) => rows.Select(r => r[i].Length).Append(h.Length).Max()).ToList();
        var rightAligned = table.Columns.Select(c => c.Alignment == Justify.Right).ToList();

        if (table.Title is { } title)
        {
            writer.WriteLine(PlainText(console, new Markup(title.Text)));
        }

        foreach (var line in rows.Prepend(header))
        {
            var cells = line.Select((cell, i) => rightAligned[i] ? cell.PadLeft(widths[i]) : cell.PadRight(widths[i]));
            writer.WriteLine(string.Join(ColumnGap, cells).TrimEnd());
        }

        if (table.Caption is { } caption)
        {
            writer.WriteLine(PlainText(console, new Markup(caption.Text)));
        }
    }

    /// <summary>Writes each row as tab-separated cells, without header, title or caption, as the AWS CLI's text output.</summary>
    /// <param name="console">The console whose capabilities the cells are rendered with.</param>
    /// <param name="table">The table.</param>
    /// <param name="writer">Where the lines go.</param>
    public static void WriteTabSeparated(IAnsiConsole console, Table table, TextWriter writer)
    {
        foreach (var row in table.Rows)
        {
            writer.WriteLine(string.Join('\t', row.Select(cell => PlainText(console, cell))));
        }
    }

    private static string PlainText(IAnsiConsole console, IRenderable renderable)
    {
        var options = new RenderOptions(console.Profile.Capabilities, new Size(UnboundedWidth, UnboundedWidth));
        var lines = string.Concat(renderable.Render(options, UnboundedWidth).Select(s => s.IsLineBreak ? "\n" : s.IsControlCode ? string.Empty : s.Text));
        return string.Join(' ', lines.Split('\n', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries));
    }
}
