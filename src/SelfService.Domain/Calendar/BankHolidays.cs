using System.Collections.Frozen;
using System.Globalization;
using System.Text.Json;

namespace SelfService.Domain.Calendar;

/// <summary>
/// A set of bank holidays that knows which years it covers, so that a date outside the data is
/// reported rather than silently treated as having no bank holidays.
/// </summary>
public sealed class BankHolidays
{
    private const string EnglandAndWalesResource = "SelfService.Domain.bank-holidays-england-and-wales.json";

    private static readonly Lazy<BankHolidays> _englandAndWales =
        new(LoadEnglandAndWales, LazyThreadSafetyMode.ExecutionAndPublication);

    private readonly FrozenDictionary<DateOnly, string> _titles;

    public BankHolidays(IEnumerable<BankHoliday> holidays, int firstYear, int lastYear)
    {
        ArgumentNullException.ThrowIfNull(holidays);
        ArgumentOutOfRangeException.ThrowIfLessThan(firstYear, DateOnly.MinValue.Year);
        ArgumentOutOfRangeException.ThrowIfGreaterThan(lastYear, DateOnly.MaxValue.Year);
        ArgumentOutOfRangeException.ThrowIfLessThan(lastYear, firstYear);

        var titles = new Dictionary<DateOnly, string>();
        foreach (var holiday in holidays)
        {
            if (holiday.Date.Year < firstYear || holiday.Date.Year > lastYear)
            {
                throw new ArgumentException(
                    $"Bank holiday {holiday.Date:yyyy-MM-dd} lies outside the covered years {firstYear} to {lastYear}.",
                    nameof(holidays));
            }

            if (!titles.TryAdd(holiday.Date, holiday.Title))
            {
                throw new ArgumentException($"Bank holiday {holiday.Date:yyyy-MM-dd} appears twice.", nameof(holidays));
            }
        }

        _titles = titles.ToFrozenDictionary();
        Dates = _titles.Keys.ToFrozenSet();
        FirstYear = firstYear;
        LastYear = lastYear;
    }

    /// <summary>England and Wales, as published by GOV.UK and shipped with the product.</summary>
    public static BankHolidays EnglandAndWales => _englandAndWales.Value;

    public IReadOnlySet<DateOnly> Dates { get; }

    public int FirstYear { get; }

    public int LastYear { get; }

    public string CoveredRange => $"{FirstYear} to {LastYear}";

    public bool Covers(DateOnly date) => date.Year >= FirstYear && date.Year <= LastYear;

    /// <summary>
    /// Whether the date and everything up to <paramref name="monthsAfter"/> months after it are
    /// covered. Safe for any date: <see cref="DateOnly.AddMonths"/> itself would throw near 9999.
    /// </summary>
    public bool Covers(DateOnly date, int monthsAfter) =>
        Covers(date) && date <= new DateOnly(LastYear, 12, 31).AddMonths(-monthsAfter);

    /// <exception cref="ArgumentOutOfRangeException">The date is outside the covered years.</exception>
    public bool IsBankHoliday(DateOnly date)
    {
        EnsureCovered(date, nameof(date));
        return _titles.ContainsKey(date);
    }

    /// <returns>The holiday's title, or null when the date is not a bank holiday.</returns>
    /// <exception cref="ArgumentOutOfRangeException">The date is outside the covered years.</exception>
    public string? TitleOf(DateOnly date)
    {
        EnsureCovered(date, nameof(date));
        return _titles.GetValueOrDefault(date);
    }

    internal void EnsureCovered(DateOnly date, string paramName)
    {
        if (!Covers(date))
        {
            throw new ArgumentOutOfRangeException(
                paramName,
                date,
                $"Bank holiday data covers {CoveredRange} only, so working days cannot be worked out for {date:yyyy-MM-dd}.");
        }
    }

    /// <summary>
    /// Reads the GOV.UK format: <c>{"division": "...", "events": [{"date": "2023-01-02", "title": "..."}]}</c>.
    /// The covered years are those from the earliest to the latest event; each must hold at least one
    /// event, because a missing year would otherwise look like a year without bank holidays.
    /// </summary>
    public static BankHolidays FromJson(Stream json)
    {
        ArgumentNullException.ThrowIfNull(json);

        using var document = JsonDocument.Parse(json);
        var holidays = new List<BankHoliday>();
        foreach (var item in document.RootElement.GetProperty("events").EnumerateArray())
        {
            var date = DateOnly.ParseExact(item.GetProperty("date").GetString() ?? string.Empty, "yyyy-MM-dd", CultureInfo.InvariantCulture);
            var title = item.GetProperty("title").GetString() ?? string.Empty;
            holidays.Add(new BankHoliday(date, title));
        }

        if (holidays.Count == 0)
        {
            throw new InvalidDataException("The bank holiday data has no events.");
        }

        var firstYear = holidays.Min(h => h.Date.Year);
        var lastYear = holidays.Max(h => h.Date.Year);
        var yearsPresent = holidays.Select(h => h.Date.Year).ToHashSet();
        for (var year = firstYear; year <= lastYear; year++)
        {
            if (!yearsPresent.Contains(year))
            {
                throw new InvalidDataException($"The bank holiday data has no events for {year}.");
            }
        }

        return new BankHolidays(holidays, firstYear, lastYear);
    }

    private static BankHolidays LoadEnglandAndWales()
    {
        using var stream = typeof(BankHolidays).Assembly.GetManifestResourceStream(EnglandAndWalesResource)
            ?? throw new InvalidOperationException($"Embedded resource {EnglandAndWalesResource} is missing.");
        return FromJson(stream);
    }
}
