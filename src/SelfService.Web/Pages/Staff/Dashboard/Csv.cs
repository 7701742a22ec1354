using System.Text;

namespace SelfService.Web.Pages.Staff.Dashboard;

/// <summary>RFC 4180 CSV: a field with a comma, quote or line break is quoted and its quotes doubled; lines end CRLF.</summary>
public static class Csv
{
    public static string Write(FigureTable table)
    {
        ArgumentNullException.ThrowIfNull(table);
        var text = new StringBuilder();
        Line(text, table.Columns);
        foreach (var row in table.Rows)
        {
            Line(text, row);
        }

        return text.ToString();
    }

    public static string Field(string value)
    {
        ArgumentNullException.ThrowIfNull(value);

        // A leading =, +, - or @ would run as a formula when the file is opened in a spreadsheet.
        var safe = value.Length > 0 && value[0] is '=' or '+' or '@' || (value.Length > 1 && value[0] == '-' && !char.IsDigit(value[1]))
            ? "'" + value
            : value;
        return safe.AsSpan().IndexOfAny(",\"\r\n") >= 0 ? "\"" + safe.Replace("\"", "\"\"", StringComparison.Ordinal) + "\"" : safe;
    }

    private static void Line(StringBuilder text, IReadOnlyList<string> fields)
    {
        text.AppendJoin(',', fields.Select(Field));
        text.Append("\r\n");
    }
}
