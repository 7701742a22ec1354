using System.Globalization;
using System.Net;
using System.Text.RegularExpressions;
using SelfService.Benchmarks.Portal;

namespace SelfService.Benchmarks.Faults;

/// <summary>
/// One signed-in person using the request pages over HTTP as a browser without JavaScript does:
/// each page fetched, its form posted with the antiforgery token it carried. Every response is
/// classified as the person would see it.
/// </summary>
internal sealed partial class PortalUser : IDisposable
{
    private const string TokenField = "__RequestVerificationToken";
    private readonly HttpClient _http;

    private PortalUser(string email, CookieContainer cookies, Uri root)
    {
        Email = email;
        _http = new HttpClient(new SocketsHttpHandler { CookieContainer = cookies, AllowAutoRedirect = false, PooledConnectionLifetime = TimeSpan.FromSeconds(30) }, disposeHandler: true)
        {
            BaseAddress = root,
            Timeout = TimeSpan.FromSeconds(60),
        };
    }

    public string Email { get; }

    public static async Task<PortalUser> SignInAsync(Uri root, string pickup, string email) =>
        new(email, await PortalBenchmark.SignInAsync(root, pickup, email), root);

    /// <summary>Starts a new draft; its id, or null with the outcome if that failed.</summary>
    public async Task<(Outcome Outcome, Guid? DraftId)> StartDraftAsync()
    {
        var (outcome, location) = await PostFormAsync("/requests/new", [], expectLocationPrefix: "/requests/");
        return (outcome, outcome.Kind == OutcomeKind.Success ? Guid.Parse(location!["/requests/".Length..]) : null);
    }

    /// <summary>The pages of a parent's request, in order, with the answers (the child's first name tells the requests apart).</summary>
    public static IReadOnlyList<(string Page, (string Name, string Value)[] Fields)> ParentAnswers(string childFirstName, DateOnly today)
    {
        var born = today.AddYears(-7);
        return
        [
            ("who-is-asking", [("Requester", "Parent")]),
            // "new": a parent who already has a child on record is otherwise asked to pick one first.
            ("child?new=true", [("FirstName", childFirstName), ("LastName", "Fault"), ("KnownAs", ""),
                ("DateOfBirth.Day", born.Day.ToString(CultureInfo.InvariantCulture)), ("DateOfBirth.Month", born.Month.ToString(CultureInfo.InvariantCulture)),
                ("DateOfBirth.Year", born.Year.ToString(CultureInfo.InvariantCulture)), ("Postcode", "LS7 3AB")]),
            ("parents", [("Parents[0].FirstName", "Jo"), ("Parents[0].LastName", "Fault"), ("Parents[0].Relationship", "Mother"), ("Action", "save")]),
            ("school", [("Attends", "no")]),
            ("needs", [("Areas", "CommunicationAndInteraction"), ("Description", "Finds it hard to follow spoken instructions.")]),
            ("support-history", [("HadSenSupport", "no")]),
            ("views", [("ChildViews", "I want to make friends."), ("FamilyViews", "We are worried about next year.")]),
            ("professionals", [("Professionals[0].Name", "Dr Priya Nair"), ("Professionals[0].Role", "Paediatrician"), ("Action", "save")]),
            ("documents?handler=continue", []),
        ];
    }

    /// <summary>Answers one page of a draft: GET it, post the form; success is the redirect onwards.</summary>
    public async Task<Outcome> AnswerAsync(Guid draftId, string page, (string Name, string Value)[] fields)
    {
        var (outcome, _) = await PostFormAsync($"/requests/{draftId}/{page}", fields, expectLocationPrefix: "/requests/");
        return outcome;
    }

    /// <summary>Declares and sends: success is the redirect to the confirmation page (the moment the person is told it was sent).</summary>
    public async Task<Outcome> SendAsync(Guid draftId)
    {
        var (outcome, _) = await PostFormAsync($"/requests/{draftId}/declaration", [("Confirmed", "true")], expectLocationPrefix: $"/requests/{draftId}/confirmation");
        return outcome;
    }

    /// <summary>Posts the declaration with a token taken earlier, so many sends can start at the same instant.</summary>
    public async Task<Outcome> SendWithTokenAsync(Guid draftId, string token)
    {
        var fields = new List<KeyValuePair<string, string>> { new(TokenField, token), new("Confirmed", "true") };
        return await SendRawAsync(HttpMethod.Post, $"/requests/{draftId}/declaration", fields, r => Outcome.IsRedirect(r)
            && r.Headers.Location?.OriginalString == $"/requests/{draftId}/confirmation");
    }

    /// <summary>An antiforgery token for this person's later posts.</summary>
    public async Task<string> TokenAsync(Guid draftId)
    {
        var page = await _http.GetStringAsync(new Uri($"/requests/{draftId}/declaration", UriKind.Relative));
        return Token().Match(page) is { Success: true } match ? WebUtility.HtmlDecode(match.Groups[1].Value) : throw new InvalidOperationException("No antiforgery token on the declaration page.");
    }

    /// <summary>The confirmation page; the reference on it, if it showed one.</summary>
    public async Task<(Outcome Outcome, string? Reference)> ConfirmationAsync(Guid draftId)
    {
        string? reference = null;
        var outcome = await SendRawAsync(HttpMethod.Get, $"/requests/{draftId}/confirmation", null, r => r.StatusCode == HttpStatusCode.OK, body =>
            reference = Reference().Match(body) is { Success: true } m ? m.Groups[1].Value : null);
        if (outcome.Kind == OutcomeKind.Success && reference is null)
        {
            return (new Outcome(OutcomeKind.Other, outcome.Status, "confirmation without a reference"), null);
        }

        return (outcome, reference);
    }

    /// <summary>The case page the confirmation links to.</summary>
    public Task<Outcome> ViewCaseAsync(string reference) =>
        SendRawAsync(HttpMethod.Get, $"/cases/{reference}", null, r => r.StatusCode == HttpStatusCode.OK);

    public void Dispose() => _http.Dispose();

    private async Task<(Outcome Outcome, string? Location)> PostFormAsync(string url, (string Name, string Value)[] fields, string expectLocationPrefix)
    {
        var pageUrl = url.Split('?')[0];
        string? token = null;
        string? redirectedTo = null;
        var got = await SendRawAsync(HttpMethod.Get, pageUrl, null, r =>
        {
            // Already done (a draft sent by an earlier try whose answer never arrived): the page sends the person on, as the post would.
            redirectedTo = Outcome.IsRedirect(r) ? r.Headers.Location?.OriginalString : null;
            return r.StatusCode == HttpStatusCode.OK || (redirectedTo?.StartsWith(expectLocationPrefix, StringComparison.Ordinal) ?? false);
        }, body => token = Token().Match(body) is { Success: true } m ? WebUtility.HtmlDecode(m.Groups[1].Value) : null);
        if (got.Kind != OutcomeKind.Success || redirectedTo is not null)
        {
            return (got, redirectedTo);
        }

        if (token is null)
        {
            return (new Outcome(OutcomeKind.Other, got.Status, $"no form on {pageUrl}"), null);
        }

        var form = fields.Select(f => new KeyValuePair<string, string>(f.Name, f.Value)).Prepend(new(TokenField, token)).ToList();
        string? location = null;
        var posted = await SendRawAsync(HttpMethod.Post, url, form, r =>
        {
            location = r.Headers.Location?.OriginalString;
            return Outcome.IsRedirect(r) && location is not null && location.StartsWith(expectLocationPrefix, StringComparison.Ordinal);
        });
        return (posted, location);
    }

    private async Task<Outcome> SendRawAsync(HttpMethod method, string url, List<KeyValuePair<string, string>>? form, Func<HttpResponseMessage, bool> isSuccess, Action<string>? read = null)
    {
        try
        {
            using var request = new HttpRequestMessage(method, new Uri(url, UriKind.Relative));
            if (form is not null)
            {
                request.Content = new FormUrlEncodedContent(form);
            }

            using var response = await _http.SendAsync(request);
            var body = await response.Content.ReadAsStringAsync();
            var outcome = Outcome.Classify(response, body, isSuccess);
            if (outcome.Kind == OutcomeKind.Success)
            {
                read?.Invoke(body);
            }

            return outcome;
        }
        catch (Exception e) when (e is HttpRequestException or TaskCanceledException or IOException)
        {
            return Outcome.FromException(e);
        }
    }

    [GeneratedRegex("""name="__RequestVerificationToken"[^>]*\bvalue="([^"]*)""")]
    private static partial Regex Token();

    [GeneratedRegex("""<strong id="reference">([^<]+)</strong>""")]
    private static partial Regex Reference();
}
