namespace SelfService.Domain.Performance;

/// <summary>
/// The published England figure the dashboard shows beside the council's own, for context. It is
/// configuration (section <c>Performance:England</c>) because DfE publishes a new one each June.
/// </summary>
public sealed class EnglandFigure
{
    public const string SectionName = "Performance:England";

    /// <summary>The calendar year the figure describes.</summary>
    public int Year { get; set; } = 2024;

    /// <summary>% of new EHC plans issued within 20 weeks, excluding exception cases.</summary>
    public decimal PercentExcludingExceptions { get; set; } = 46m;

    public string Source { get; set; } =
        "Department for Education, \"Education, health and care plans\" (SEN2), reporting year 2025: calendar year 2024, England";
}
