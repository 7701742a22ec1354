using System.Net;
using SelfService.Web.Tests.Support;

namespace SelfService.Web.Tests.Members;

/// <summary>Sends an enquiry through the real pages: the form, check answers, then the confirmation.</summary>
public static class MemberEnquiryForms
{
    public static IEnumerable<KeyValuePair<string, string>> Valid(string firstName, bool consent) => Forms.Fields(
        ("ChildFirstName", firstName),
        ("ChildLastName", "Brown"),
        ("ChildDateOfBirth.Day", "1"),
        ("ChildDateOfBirth.Month", "5"),
        ("ChildDateOfBirth.Year", "2018"),
        ("ParentName", "Jo Brown"),
        ("Postcode", "ls7 3ab"),
        ("Concern", "The family have waited months for a decision."),
        ("Category", "Delay"),
        ("HasConsent", consent ? "yes" : "no"),
        ("ConsentGivenBy", consent ? "Jo Brown" : ""),
        ("ConsentMethod", consent ? "Email" : ""),
        ("ConsentGivenOn.Day", consent ? "20" : ""),
        ("ConsentGivenOn.Month", consent ? "12" : ""),
        ("ConsentGivenOn.Year", consent ? "2026" : ""));

    /// <returns>The enquiry's reference.</returns>
    public static async Task<string> SendAsync(HttpClient client, string firstName, bool consent)
    {
        ArgumentNullException.ThrowIfNull(client);
        using var form = await Forms.PostAsync(client, "/members/enquiries/new", Valid(firstName, consent));
        Assert.Equal(HttpStatusCode.Redirect, form.StatusCode);
        var check = form.Headers.Location!.OriginalString;
        Assert.Matches(@"^/members/enquiries/new/[0-9a-f-]{36}/check$", check);

        using var sent = await Forms.PostAsync(client, check);
        Assert.Equal(HttpStatusCode.Redirect, sent.StatusCode);
        var confirmation = sent.Headers.Location!.OriginalString;
        var match = System.Text.RegularExpressions.Regex.Match(confirmation, @"^/members/enquiries/(MQ-\d{4}-\d{5})/confirmation$");
        Assert.True(match.Success, confirmation);
        return match.Groups[1].Value;
    }
}
