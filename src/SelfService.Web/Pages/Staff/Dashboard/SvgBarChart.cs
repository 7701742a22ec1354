using System.Globalization;
using System.Net;
using System.Text;

namespace SelfService.Web.Pages.Staff.Dashboard;

/// <summary>How a series is drawn: each has its own fill pattern as well as colour, so no meaning rests on colour alone.</summary>
public enum SeriesStyle
{
    Solid,
    Hatched,
    Dotted,
}

public sealed record ChartSeries(string Name, IReadOnlyList<double?> Values, SeriesStyle Style);

/// <summary>A value to mark across the chart with a labelled dashed line (the England figure).</summary>
public sealed record ReferenceLine(double Value, string Label);

/// <summary>
/// A horizontal grouped bar chart as inline SVG, drawn on the server so it needs no script: an
/// image with a title and description for screen readers (the table beside it carries the
/// figures), GOV.UK colours, every bar labelled with its value and every series with a pattern.
/// </summary>
public static class SvgBarChart
{
    private const int Width = 760;
    private const int LabelWidth = 240;
    private const int ValueRoom = 70;
    private const int BarHeight = 18;
    private const int BarGap = 3;
    private const int GroupGap = 14;
    private const int LegendHeight = 34;
    private const string Blue = "#1d70b8";
    private const string DarkBlue = "#003078";
    private const string Grey = "#505a5f";
    private const string Black = "#0b0c0c";

    public static string Render(
        string id,
        string title,
        string description,
        IReadOnlyList<string> categories,
        IReadOnlyList<ChartSeries> series,
        string unit,
        double? maximum = null,
        ReferenceLine? reference = null)
    {
        ArgumentNullException.ThrowIfNull(categories);
        ArgumentNullException.ThrowIfNull(series);
        var values = series.SelectMany(s => s.Values).OfType<double>().ToList();
        var max = Math.Max(1, maximum ?? Math.Max(values.DefaultIfEmpty(0).Max(), reference?.Value ?? 0));
        var plotWidth = Width - LabelWidth - ValueRoom;
        var groupHeight = (series.Count * BarHeight) + ((series.Count - 1) * BarGap);
        var top = LegendHeight + (reference is null ? 0 : 18);
        var height = top + (categories.Count * (groupHeight + GroupGap)) + 10;
        double X(double value) => LabelWidth + (plotWidth * value / max);

        var svg = new StringBuilder();
        svg.Append(Invariant($"<svg xmlns=\"http://www.w3.org/2000/svg\" class=\"app-chart\" id=\"{id}\" role=\"img\" aria-labelledby=\"{id}-title {id}-desc\" viewBox=\"0 0 {Width} {height}\" width=\"100%\" preserveAspectRatio=\"xMinYMin meet\" font-family=\"GDS Transport, arial, sans-serif\" font-size=\"14\">"));
        svg.Append(Invariant($"<title id=\"{id}-title\">{Encode(title)}</title>"));
        svg.Append(Invariant($"<desc id=\"{id}-desc\">{Encode(description)}</desc>"));
        svg.Append("<defs>");
        svg.Append(Invariant($"<pattern id=\"{id}-hatched\" width=\"6\" height=\"6\" patternUnits=\"userSpaceOnUse\" patternTransform=\"rotate(45)\"><rect width=\"6\" height=\"6\" fill=\"{DarkBlue}\"/><line x1=\"0\" y1=\"0\" x2=\"0\" y2=\"6\" stroke=\"#ffffff\" stroke-width=\"2\"/></pattern>"));
        svg.Append(Invariant($"<pattern id=\"{id}-dotted\" width=\"5\" height=\"5\" patternUnits=\"userSpaceOnUse\"><rect width=\"5\" height=\"5\" fill=\"{Grey}\"/><circle cx=\"2.5\" cy=\"2.5\" r=\"1.2\" fill=\"#ffffff\"/></pattern>"));
        svg.Append("</defs>");

        // The legend names each series beside a swatch of its fill.
        var legendX = LabelWidth;
        foreach (var s in series)
        {
            svg.Append(Invariant($"<rect x=\"{legendX}\" y=\"8\" width=\"16\" height=\"16\" fill=\"{Fill(id, s.Style)}\" stroke=\"{Black}\" stroke-width=\"1\"/>"));
            svg.Append(Invariant($"<text x=\"{legendX + 22}\" y=\"21\" fill=\"{Black}\">{Encode(s.Name)}</text>"));
            legendX += 40 + (int)(s.Name.Length * 7.2);
        }

        for (var c = 0; c < categories.Count; c++)
        {
            var groupTop = top + (c * (groupHeight + GroupGap));
            svg.Append(Invariant($"<text x=\"{LabelWidth - 8}\" y=\"{groupTop + (groupHeight / 2.0) + 5:F1}\" text-anchor=\"end\" fill=\"{Black}\">{Encode(categories[c])}</text>"));
            for (var s = 0; s < series.Count; s++)
            {
                var y = groupTop + (s * (BarHeight + BarGap));
                var value = c < series[s].Values.Count ? series[s].Values[c] : null;
                if (value is { } v)
                {
                    var barWidth = Math.Max(v > 0 ? 1 : 0, X(v) - LabelWidth);
                    svg.Append(Invariant($"<rect x=\"{LabelWidth}\" y=\"{y}\" width=\"{barWidth:F1}\" height=\"{BarHeight}\" fill=\"{Fill(id, series[s].Style)}\"/>"));
                    svg.Append(Invariant($"<text x=\"{LabelWidth + barWidth + 6:F1}\" y=\"{y + 14}\" fill=\"{Black}\">{Encode(Format(v) + unit)}</text>"));
                }
                else
                {
                    svg.Append(Invariant($"<text x=\"{LabelWidth + 6}\" y=\"{y + 14}\" fill=\"{Grey}\">no data</text>"));
                }
            }
        }

        // The axis line the bars start from.
        svg.Append(Invariant($"<line x1=\"{LabelWidth}\" y1=\"{top - 4}\" x2=\"{LabelWidth}\" y2=\"{height - 6}\" stroke=\"{Black}\" stroke-width=\"1\"/>"));
        if (reference is not null)
        {
            var x = X(reference.Value);
            svg.Append(Invariant($"<line x1=\"{x:F1}\" y1=\"{top - 6}\" x2=\"{x:F1}\" y2=\"{height - 6}\" stroke=\"{Black}\" stroke-width=\"2\" stroke-dasharray=\"6 4\"/>"));
            svg.Append(Invariant($"<text x=\"{x:F1}\" y=\"{top - 10}\" text-anchor=\"middle\" fill=\"{Black}\" font-weight=\"bold\">{Encode(reference.Label)}</text>"));
        }

        svg.Append("</svg>");
        return svg.ToString();
    }

    private static string Fill(string id, SeriesStyle style) => style switch
    {
        SeriesStyle.Hatched => $"url(#{id}-hatched)",
        SeriesStyle.Dotted => $"url(#{id}-dotted)",
        _ => Blue,
    };

    private static string Format(double value) =>
        value == Math.Floor(value) ? value.ToString("0", CultureInfo.InvariantCulture) : value.ToString("0.0", CultureInfo.InvariantCulture);

    private static string Encode(string text) => WebUtility.HtmlEncode(text);

    private static string Invariant(FormattableString text) => text.ToString(CultureInfo.InvariantCulture);
}
