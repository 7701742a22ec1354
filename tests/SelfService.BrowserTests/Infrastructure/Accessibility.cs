using System.Text;
using Deque.AxeCore.Commons;
using Deque.AxeCore.Playwright;
using Microsoft.Playwright;

namespace SelfService.BrowserTests.Infrastructure;

/// <summary>axe-core in the real page, limited to the WCAG 2.2 AA rules the regulations require.</summary>
public static class Accessibility
{
    public static readonly IReadOnlyList<string> WcagTags = ["wcag2a", "wcag2aa", "wcag21a", "wcag21aa", "wcag22aa"];

    /// <summary>Fails with every violation listed (rule, help, the offending HTML) unless there are none.</summary>
    public static async Task AssertNoViolationsAsync(IPage page)
    {
        ArgumentNullException.ThrowIfNull(page);
        var result = await page.RunAxe(new AxeRunOptions
        {
            RunOnly = new RunOnlyOptions { Type = "tag", Values = [.. WcagTags] },
        });

        // axe passing nothing would also report no violations; make sure it looked at the page.
        Assert.NotEmpty(result.Passes);
        if (result.Violations.Length == 0)
        {
            return;
        }

        var report = new StringBuilder();
        report.Append(result.Violations.Length).Append(" accessibility violation(s) on ").AppendLine(page.Url);
        foreach (var violation in result.Violations)
        {
            report.Append("- ").Append(violation.Id).Append(" (").Append(violation.Impact).Append("): ").AppendLine(violation.Help);
            foreach (var node in violation.Nodes)
            {
                report.Append("    ").AppendLine(node.Html);
            }
        }

        Assert.Fail(report.ToString());
    }
}
