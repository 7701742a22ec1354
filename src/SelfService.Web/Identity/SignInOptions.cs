using System.ComponentModel.DataAnnotations;

namespace SelfService.Web.Identity;

/// <summary>Sign-in codes, their limits and the session (section <c>SignIn</c>).</summary>
public sealed class SignInOptions
{
    public const string SectionName = "SignIn";

    public TimeSpan CodeLifetime { get; set; } = TimeSpan.FromMinutes(10);

    /// <summary>Wrong guesses allowed on one code before it stops working.</summary>
    [Range(1, 100)]
    public int MaxAttemptsPerCode { get; set; } = 5;

    /// <summary>The window the send and attempt limits count over.</summary>
    public TimeSpan LimitWindow { get; set; } = TimeSpan.FromMinutes(15);

    [Range(1, 1000)]
    public int MaxCodesPerAddress { get; set; } = 3;

    /// <summary>Codes one IP address may ask for (to any addresses); a school or office shares one IP.</summary>
    [Range(1, 100000)]
    public int MaxCodesPerIp { get; set; } = 100;

    /// <summary>Codes one IP address may try (right or wrong) per window.</summary>
    [Range(1, 100000)]
    public int MaxAttemptsPerIp { get; set; } = 200;

    /// <summary>Signed out after this long without a request.</summary>
    public TimeSpan IdleTimeout { get; set; } = TimeSpan.FromMinutes(30);

    /// <summary>Signed out this long after signing in, however active.</summary>
    public TimeSpan AbsoluteLifetime { get; set; } = TimeSpan.FromHours(12);

    /// <summary>
    /// Base64 key (32 bytes or more) for hashing codes. Every instance must share it; without one,
    /// a key is generated and kept in the data directory (fine for one server).
    /// </summary>
    public string? CodeKey { get; set; }

    /// <summary>
    /// Whether an address that belongs to a staff member gets staff access by signing in with an
    /// email code. On in Development for the demo caseworkers; real staff sign-in comes later.
    /// </summary>
    public bool? StaffByEmailCode { get; set; }
}
