namespace SelfService.Web.Documents;

/// <summary>The request journey's settings (configuration section "Requests").</summary>
public sealed class RequestOptions
{
    public const string SectionName = "Requests";

    /// <summary>
    /// The portal's public address, for the link to the case in confirmation emails. Configured,
    /// never taken from the request's Host header, which a caller controls. Unset: no link.
    /// </summary>
    public Uri? PortalBaseUrl { get; set; }
}
