namespace SelfService.Web.Pages;

/// <summary>Names and small models shared by the GOV.UK partials.</summary>
public static class GovUk
{
    public const string ServiceName = "SEND Self-Service";
}

/// <summary>A row of the GOV.UK summary list (<c>_SummaryList</c> partial).</summary>
public sealed record SummaryListRow(string Key, string Value);
