using System.Net;
using System.Text.RegularExpressions;

namespace SelfService.Benchmarks.Fuzzing;

/// <summary>A field as the page rendered it: its name, input type, value, and the choices a select, radio or button offers.</summary>
internal sealed record FormField(string Name, string Type, string Value, IReadOnlyList<string> Options);

/// <summary>A form some role can see, with everything needed to post it back (the antiforgery token among its fields).</summary>
internal sealed record DiscoveredForm(string Role, string Page, string Action, bool Multipart, IReadOnlyList<FormField> Fields);

/// <summary>One signed-in (or anonymous) person the fuzzer acts as: their session cookies, fixed once discovery is over.</summary>
internal sealed class FuzzSession(string role, CookieContainer cookies)
{
    public string Role { get; } = role;

    public CookieContainer Cookies { get; } = cookies;

    /// <summary>Adds the session's cookies, when it has any, to a request for <paramref name="root"/>.</summary>
    public void Attach(HttpRequestMessage request, Uri root)
    {
        if (Cookies.GetCookieHeader(root) is { Length: > 0 } header)
        {
            request.Headers.Add("Cookie", header);
        }
    }

    public void Remember(Uri root, HttpResponseMessage response)
    {
        if (response.Headers.TryGetValues("Set-Cookie", out var values))
        {
            foreach (var value in values)
            {
                try
                {
                    Cookies.SetCookies(root, value);
                }
                catch (CookieException)
                {
                    // A cookie the container cannot hold is one this crawl does not need.
                }
            }
        }
    }
}

/// <summary>
/// Finds every form each role can reach: crawls the pages linked from the role's start pages (a
/// few of each shape, so a caseworker does not visit every case), posts each form once as the page
/// left it and crawls where that leads (a new request's task list, say), and keeps the forms.
/// </summary>
internal static partial class FormDiscovery
{
    private const int MaxPagesPerRole = 90;
    private const int MaxPagesPerShape = 3;

    private static readonly string[] StartPages =
    [
        "/", "/cases", "/requests", "/requests/new", "/members/enquiries", "/members/enquiries/new", "/complaints", "/complaints/new",
        "/staff", "/staff/work", "/staff/enquiries", "/staff/complaints", "/staff/dashboard", "/staff/cases/new", "/chat", "/chat/link",
        "/sign-in", "/what-happens-and-when",
    ];

    public static async Task<List<DiscoveredForm>> DiscoverAsync(HttpClient http, Uri root, FuzzSession session, FuzzTally tally)
    {
        var forms = new Dictionary<string, DiscoveredForm>(StringComparer.Ordinal);
        var seen = new HashSet<string>(StringComparer.Ordinal);
        var shapes = new Dictionary<string, int>(StringComparer.Ordinal);
        var queue = new Queue<string>(StartPages);
        var posted = new HashSet<string>(StringComparer.Ordinal);
        var pages = 0;
        for (var round = 0; round < 6; round++)
        {
            while (queue.Count > 0 && pages < MaxPagesPerRole)
            {
                var path = queue.Dequeue();
                var shape = Shape(path);
                if (!seen.Add(path) || (shapes.TryGetValue(shape, out var n) && n >= MaxPagesPerShape))
                {
                    continue;
                }

                shapes[shape] = n + 1;
                pages++;
                var html = await GetAsync(http, root, session, path, tally);
                if (Environment.GetEnvironmentVariable("FUZZ_VERBOSE") is { Length: > 0 })
                {
                    Console.WriteLine($"  {session.Role} GET {path}: {(html is null ? "not a page" : $"{Forms(html, session.Role, path).Count()} forms")}");
                }

                if (html is null)
                {
                    continue;
                }

                foreach (var link in Links(html))
                {
                    queue.Enqueue(link);
                }

                foreach (var form in Forms(html, session.Role, path))
                {
                    forms.TryAdd($"{Shape(form.Action)} {string.Join(',', form.Fields.Select(f => f.Name).Order(StringComparer.Ordinal))}", form);
                }
            }

            // Post each form once as it stands, and crawl where it leads.
            foreach (var form in forms.Values.Where(f => posted.Add(f.Page + " " + f.Action)).ToList())
            {
                if (await PostAsItStandsAsync(http, root, session, form, tally) is { } next)
                {
                    queue.Enqueue(next);
                }
            }
        }

        return [.. forms.Values];
    }

    /// <summary>Whether posting a form could end the session the rest of the run depends on.</summary>
    public static bool EndsSession(string role, string action) =>
        action.Contains("sign-out", StringComparison.OrdinalIgnoreCase)
        || (role != "anonymous" && (action.StartsWith("/sign-in", StringComparison.OrdinalIgnoreCase) || action.StartsWith("/staff/sign-in", StringComparison.OrdinalIgnoreCase)));

    /// <summary>A path with its identifiers replaced, so /cases/EHC-2025-00042 and /cases/EHC-2024-00007 count as one kind of page.</summary>
    public static string Shape(string path) => Digits().Replace(Guid().Replace(path.Split('?')[0], "{id}"), "{n}");

    private static async Task<string?> GetAsync(HttpClient http, Uri root, FuzzSession session, string path, FuzzTally tally)
    {
        using var request = new HttpRequestMessage(HttpMethod.Get, new Uri(root, path));
        session.Attach(request, root);
        var fuzzRequest = new FuzzRequest("pages (crawl)", "GET", path, null, "", session.Role);
        using var response = await FuzzHttp.SendAsync(http, request, fuzzRequest, tally);
        if (response is null)
        {
            return null;
        }

        session.Remember(root, response);
        var type = response.Content.Headers.ContentType?.MediaType;
        return response.StatusCode == HttpStatusCode.OK && type == "text/html" ? await response.Content.ReadAsStringAsync() : null;
    }

    private static async Task<string?> PostAsItStandsAsync(HttpClient http, Uri root, FuzzSession session, DiscoveredForm form, FuzzTally tally)
    {
        // Empty fields get a plausible answer, as someone pressing on would give, so a journey's next page is reached.
        var fields = form.Fields.Where(f => f.Type != "file")
            .Select(f => new KeyValuePair<string, string>(f.Name, f.Value.Length > 0 ? f.Value : Plausible(f))).ToList();
        using var request = new HttpRequestMessage(HttpMethod.Post, new Uri(root, form.Action)) { Content = new FormUrlEncodedContent(fields) };
        session.Attach(request, root);
        var fuzzRequest = new FuzzRequest("forms (as rendered)", "POST", form.Action, "application/x-www-form-urlencoded", string.Join("&", fields.Select(f => f.Key)), session.Role);
        using var response = await FuzzHttp.SendAsync(http, request, fuzzRequest, tally);
        if (response is null)
        {
            return null;
        }

        session.Remember(root, response);
        return response.StatusCode is HttpStatusCode.Redirect or HttpStatusCode.SeeOther or HttpStatusCode.Found
            && response.Headers.Location is { IsAbsoluteUri: false } location && location.OriginalString.StartsWith('/')
            ? location.OriginalString
            : null;
    }

    private static string Plausible(FormField field)
    {
        var name = field.Name.ToLowerInvariant();
        return field switch
        {
            { Options.Count: > 0 } => field.Options[0],
            _ when name.Contains("email", StringComparison.Ordinal) => "helen.carter@example.com",
            _ when name.Contains("postcode", StringComparison.Ordinal) => "LS7 3AB",
            _ when name.Contains("phone", StringComparison.Ordinal) => "0113 496 0000",
            _ when name.EndsWith("day", StringComparison.Ordinal) => "2",
            _ when name.EndsWith("month", StringComparison.Ordinal) => "4",
            _ when name.EndsWith("year", StringComparison.Ordinal) => "2019",
            _ when name.Contains("date", StringComparison.Ordinal) => "2026-11-20",
            _ when name.Contains("urn", StringComparison.Ordinal) => "107950",
            _ when field.Type is "number" => "1",
            _ when field.Type is "hidden" => "",
            _ => "Sam needs help with reading",
        };
    }

    private static IEnumerable<string> Links(string html)
    {
        foreach (Match match in Href().Matches(html))
        {
            var link = WebUtility.HtmlDecode(match.Groups["href"].Value);
            if (!link.StartsWith("//", StringComparison.Ordinal) && !link.Contains("sign-out", StringComparison.OrdinalIgnoreCase)
                && !StaticFile().IsMatch(link))
            {
                yield return link.Split('#')[0];
            }
        }
    }

    internal static IEnumerable<DiscoveredForm> Forms(string html, string role, string page)
    {
        foreach (Match form in FormElement().Matches(html))
        {
            var attributes = form.Groups["attributes"].Value;
            if (!Attribute(attributes, "method").Equals("post", StringComparison.OrdinalIgnoreCase))
            {
                continue;
            }

            var action = WebUtility.HtmlDecode(Attribute(attributes, "action"));
            action = action.Length == 0 ? page : action;
            if (!action.StartsWith('/') || action.StartsWith("//", StringComparison.Ordinal) || EndsSession(role, action))
            {
                continue;
            }

            var multipart = Attribute(attributes, "enctype").Contains("multipart", StringComparison.OrdinalIgnoreCase);
            yield return new DiscoveredForm(role, page, action, multipart, Fields(form.Groups["body"].Value));
        }
    }

    private static List<FormField> Fields(string body)
    {
        var fields = new List<FormField>();
        var choices = new Dictionary<string, List<string>>(StringComparer.Ordinal);
        foreach (Match input in Input().Matches(body))
        {
            var a = input.Groups["attributes"].Value;
            var name = WebUtility.HtmlDecode(Attribute(a, "name"));
            if (name.Length == 0)
            {
                continue;
            }

            var type = Attribute(a, "type").ToLowerInvariant() is { Length: > 0 } t ? t : "text";
            var value = WebUtility.HtmlDecode(Attribute(a, "value"));
            if (type is "radio" or "checkbox")
            {
                if (!choices.TryGetValue(name, out var list))
                {
                    choices[name] = list = [];
                    fields.Add(new FormField(name, type, a.Contains("checked", StringComparison.Ordinal) ? value : "", list));
                }

                list.Add(value.Length == 0 ? "on" : value);
                continue;
            }

            if (type is "submit" or "button" or "image" or "reset")
            {
                continue;
            }

            fields.Add(new FormField(name, type, value, []));
        }

        foreach (Match textarea in TextArea().Matches(body))
        {
            fields.Add(new FormField(WebUtility.HtmlDecode(Attribute(textarea.Groups["attributes"].Value, "name")), "textarea", WebUtility.HtmlDecode(textarea.Groups["body"].Value), []));
        }

        foreach (Match select in Select().Matches(body))
        {
            var options = Option().Matches(select.Groups["body"].Value).Select(o => WebUtility.HtmlDecode(o.Groups["value"].Value)).ToList();
            fields.Add(new FormField(WebUtility.HtmlDecode(Attribute(select.Groups["attributes"].Value, "name")), "select", options.FirstOrDefault() ?? "", options));
        }

        // A button's name and value are posted only when it is the one pressed: the form's submit choices.
        var buttons = Button().Matches(body).Select(b => (Name: WebUtility.HtmlDecode(Attribute(b.Groups["attributes"].Value, "name")), Value: WebUtility.HtmlDecode(Attribute(b.Groups["attributes"].Value, "value"))))
            .Where(b => b.Name.Length > 0).GroupBy(b => b.Name, StringComparer.Ordinal);
        foreach (var group in buttons)
        {
            var values = group.Select(b => b.Value).ToList();
            fields.Add(new FormField(group.Key, "button", values[0], values));
        }

        return [.. fields.Where(f => f.Name.Length > 0)];
    }

    private static string Attribute(string attributes, string name)
    {
        var match = Regex.Match(attributes, $"""(?:^|\s){name}\s*=\s*"(?<value>[^"]*)"|(?:^|\s){name}\s*=\s*'(?<value>[^']*)'""", RegexOptions.IgnoreCase, TimeSpan.FromSeconds(1));
        return match.Success ? match.Groups["value"].Value : "";
    }

    [GeneratedRegex("""<form\b(?<attributes>[^>]*)>(?<body>.*?)</form>""", RegexOptions.Singleline | RegexOptions.IgnoreCase)]
    private static partial Regex FormElement();

    [GeneratedRegex("""<input\b(?<attributes>[^>]*)>""", RegexOptions.IgnoreCase)]
    private static partial Regex Input();

    [GeneratedRegex("""<textarea\b(?<attributes>[^>]*)>(?<body>.*?)</textarea>""", RegexOptions.Singleline | RegexOptions.IgnoreCase)]
    private static partial Regex TextArea();

    [GeneratedRegex("""<select\b(?<attributes>[^>]*)>(?<body>.*?)</select>""", RegexOptions.Singleline | RegexOptions.IgnoreCase)]
    private static partial Regex Select();

    [GeneratedRegex("""<option\b[^>]*\bvalue="(?<value>[^"]*)"[^>]*>""", RegexOptions.IgnoreCase)]
    private static partial Regex Option();

    [GeneratedRegex("""<button\b(?<attributes>[^>]*)>""", RegexOptions.IgnoreCase)]
    private static partial Regex Button();

    [GeneratedRegex("""\bhref="(?<href>/[^"]*)"[^>]*>""")]
    private static partial Regex Href();

    [GeneratedRegex(@"\.(css|js|png|svg|ico|woff2?|jpg|map|txt)(\?|$)", RegexOptions.IgnoreCase)]
    private static partial Regex StaticFile();

    [GeneratedRegex("[0-9a-fA-F]{8}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{12}")]
    private static partial Regex Guid();

    [GeneratedRegex("[0-9]+")]
    private static partial Regex Digits();
}
