using SelfService.Web.Pages.Staff.Dashboard;

namespace SelfService.Web.Tests.Dashboard;

public sealed class CsvTests
{
    [Theory]
    [InlineData("plain", "plain")]
    [InlineData("12.5", "12.5")]
    [InlineData("-3", "-3")]
    [InlineData("a, b", "\"a, b\"")]
    [InlineData("say \"no\"", "\"say \"\"no\"\"\"")]
    [InlineData("two\nlines", "\"two\nlines\"")]
    [InlineData("=SUM(A1:A9)", "'=SUM(A1:A9)")]
    [InlineData("@cmd", "'@cmd")]
    [InlineData("-cmd", "'-cmd")]
    public void Fields_are_quoted_when_they_must_be_and_never_run_as_formulas(string value, string expected) =>
        Assert.Equal(expected, Csv.Field(value));

    [Fact]
    public void A_table_is_a_header_line_then_one_line_a_row_ending_crlf()
    {
        var table = new FigureTable("k", "Title", "About", ["Period", "Count"], [["October 2026", "3"], ["July, to September 2026", "10"]]);

        var csv = Csv.Write(table);

        Assert.Equal("Period,Count\r\nOctober 2026,3\r\n\"July, to September 2026\",10\r\n", csv);
        Assert.Equal([["Period", "Count"], ["October 2026", "3"], ["July, to September 2026", "10"]], CsvReader.Parse(csv));
    }
}

/// <summary>A small RFC 4180 reader, so the tests read the files as a spreadsheet would rather than by splitting on commas.</summary>
internal static class CsvReader
{
    public static List<IReadOnlyList<string>> Parse(string text)
    {
        var rows = new List<IReadOnlyList<string>>();
        var row = new List<string>();
        var field = new System.Text.StringBuilder();
        var quoted = false;
        for (var i = 0; i < text.Length; i++)
        {
            var c = text[i];
            if (quoted)
            {
                if (c == '"' && i + 1 < text.Length && text[i + 1] == '"')
                {
                    field.Append('"');
                    i++;
                }
                else if (c == '"')
                {
                    quoted = false;
                }
                else
                {
                    field.Append(c);
                }
            }
            else if (c == '"')
            {
                quoted = true;
            }
            else if (c == ',')
            {
                row.Add(field.ToString());
                field.Clear();
            }
            else if (c == '\r' && i + 1 < text.Length && text[i + 1] == '\n')
            {
                row.Add(field.ToString());
                field.Clear();
                rows.Add(row);
                row = [];
                i++;
            }
            else
            {
                field.Append(c);
            }
        }

        return rows;
    }
}
