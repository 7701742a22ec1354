namespace SelfService.Data.DemoData;

/// <summary>How much demo data to generate.</summary>
public enum DemoScale
{
    /// <summary>A small authority's worth (a few hundred plans) for fast tests; the cast is all there.</summary>
    Test,

    /// <summary>One Leeds-sized authority: ~200 schools and settings, ~7,000 plans, 30+ new requests a week.</summary>
    Leeds,

    /// <summary>England: Leeds plus 91 more authorities of the same shape, ~640,000 plans and ~24,000 schools.</summary>
    National,
}

/// <summary>The shape of one generated local authority.</summary>
internal sealed record AuthorityProfile(
    int Schools,
    int PlansInPlace,
    double RequestsPerWeek,
    int WeeksOfRequests,
    int Caseworkers,
    int Councillors,
    int MembersOfParliament);

internal static class DemoScaleProfiles
{
    // Leeds: 5,000 plans heading for 7,000 (seed 000), 30+ requests a week, 33 wards of 3 councillors, 8 MPs.
    public static readonly AuthorityProfile Leeds = new(
        Schools: 200, PlansInPlace: 7_000, RequestsPerWeek: 34, WeeksOfRequests: 104, Caseworkers: 36, Councillors: 99, MembersOfParliament: 8);

    // England's other authorities as 91 of the same shape: 638,700 plans (Jan 2025) and ~24,000 schools in all.
    public static readonly AuthorityProfile OtherAuthority = new(
        Schools: 262, PlansInPlace: 6_950, RequestsPerWeek: 31, WeeksOfRequests: 104, Caseworkers: 35, Councillors: 60, MembersOfParliament: 7);

    public static readonly AuthorityProfile Test = new(
        Schools: 24, PlansInPlace: 300, RequestsPerWeek: 5, WeeksOfRequests: 60, Caseworkers: 8, Councillors: 6, MembersOfParliament: 2);

    public const int NationalOtherAuthorities = 91;

    public static int AuthorityCount(DemoScale scale) => scale == DemoScale.National ? 1 + NationalOtherAuthorities : 1;

    public static AuthorityProfile For(DemoScale scale, int authorityIndex) => scale switch
    {
        DemoScale.Test => Test,
        DemoScale.Leeds => Leeds,
        DemoScale.National => authorityIndex == 0 ? Leeds : OtherAuthority,
        _ => throw new ArgumentOutOfRangeException(nameof(scale), scale, "Unknown demo scale."),
    };
}
