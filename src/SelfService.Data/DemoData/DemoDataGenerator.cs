namespace SelfService.Data.DemoData;

/// <summary>
/// Generates demo data for an authority or for England: a pure function of the scale, the seed
/// and the date it is generated for. It never reads the clock, and it builds every case and plan
/// through the domain's own methods, so the data obeys the same rules as real records.
/// </summary>
public sealed class DemoDataGenerator
{
    public DemoDataGenerator(DemoScale scale, DateOnly today, int seed)
    {
        if (!Enum.IsDefined(scale))
        {
            throw new ArgumentOutOfRangeException(nameof(scale), scale, "Unknown demo scale.");
        }

        Scale = scale;
        Today = today;
        Seed = seed;
    }

    public DemoScale Scale { get; }

    public DateOnly Today { get; }

    public int Seed { get; }

    /// <summary>How many chunks <see cref="Generate"/> yields: one per authority.</summary>
    public int AuthorityCount => DemoScaleProfiles.AuthorityCount(Scale);

    /// <summary>
    /// One chunk per authority, Leeds (with the cast) first. Lazily generated: each chunk is built
    /// when asked for, so a caller that stores and drops each chunk holds one authority at a time.
    /// Enumerating twice gives identical data.
    /// </summary>
    public IEnumerable<DemoDataChunk> Generate()
    {
        var numbering = new DemoNumbering();
        for (var index = 0; index < AuthorityCount; index++)
        {
            yield return new DemoAuthorityBuilder(this, index, numbering).Build();
        }
    }
}

/// <summary>Numbers that must stay unique across authorities (URNs, references, generated emails).</summary>
internal sealed class DemoNumbering
{
    private readonly Dictionary<int, int> _caseNumbersByYear = [];

    // Leeds URNs sit in the 107xxx range like the real ones; the cast's schools use 108xxx;
    // every other authority's schools follow from 110000.
    public int NextLeedsUrn { get; set; } = 107_000;

    public int NextOtherUrn { get; set; } = 110_000;

    public int NextPlanNumber { get; set; } = 1_000;

    public int NextPersonNumber { get; set; } = 1;

    /// <summary>Generated cases start at 00100 each year; the cast holds the low numbers.</summary>
    public int NextCaseNumber(int year)
    {
        var next = _caseNumbersByYear.TryGetValue(year, out var last) ? last + 1 : 100;
        _caseNumbersByYear[year] = next;
        return next;
    }
}
