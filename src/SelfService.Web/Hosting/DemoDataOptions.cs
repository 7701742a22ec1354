using SelfService.Data.DemoData;

namespace SelfService.Web.Hosting;

/// <summary>Demo data settings (section <c>DemoData</c>).</summary>
public sealed class DemoDataOptions
{
    public const string SectionName = "DemoData";

    /// <summary>Fill an empty case store with the demo authority at startup (on in Development).</summary>
    public bool SeedOnFirstRun { get; set; }

    public DemoScale Scale { get; set; } = DemoScale.Leeds;

    /// <summary>The same seed and day give the same data, so a demo can be rebuilt exactly.</summary>
    public int RandomSeed { get; set; } = 20261122;
}
