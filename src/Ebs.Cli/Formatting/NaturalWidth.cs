using Spectre.Console;
using Spectre.Console.Rendering;

namespace Ebs.Cli.Formatting;

/// <summary>
/// Renders a table at its natural width, wider than the terminal when it must be, so that no
/// cell is wrapped or cut: an id broken over two lines cannot be read or copied.
/// </summary>
/// <param name="table">The table.</param>
internal sealed class NaturalWidth(Table table) : IRenderable
{
    private const int Unbounded = 1 << 16;

    private readonly IRenderable _table = table;

    /// <inheritdoc/>
    public Measurement Measure(RenderOptions options, int maxWidth) => _table.Measure(options, Unbounded);

    /// <inheritdoc/>
    public IEnumerable<Segment> Render(RenderOptions options, int maxWidth)
    {
        var width = Math.Max(maxWidth, _table.Measure(options, Unbounded).Max);
        return _table.Render(options with { ConsoleSize = new Size(width, options.ConsoleSize.Height) }, width);
    }
}
