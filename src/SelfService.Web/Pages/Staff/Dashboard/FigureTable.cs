namespace SelfService.Web.Pages.Staff.Dashboard;

/// <summary>
/// One dashboard figure as a table: the page shows it beside its chart and the CSV file is the
/// same rows, so what a manager reads and what they download cannot differ.
/// </summary>
/// <param name="Key">The figure's name in its CSV address, <c>/staff/dashboard/{Key}.csv</c>.</param>
/// <param name="Title">The heading and the chart's title.</param>
/// <param name="Description">What the figure counts, in a sentence: the chart's description and the table's caption.</param>
public sealed record FigureTable(
    string Key,
    string Title,
    string Description,
    IReadOnlyList<string> Columns,
    IReadOnlyList<IReadOnlyList<string>> Rows);
