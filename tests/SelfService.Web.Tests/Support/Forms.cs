using System.Net;
using AngleSharp.Html.Dom;

namespace SelfService.Web.Tests.Support;

/// <summary>
/// Submits a page's form as a browser would: every field the form already holds (hidden fields,
/// including the antiforgery token, current values, checked boxes), with the given values in
/// place of those fields, to the form's action (or the page's own address).
/// </summary>
public static class Forms
{
    public const string AntiforgeryField = "__RequestVerificationToken";

    /// <summary>GETs <paramref name="pageUrl"/>, then submits its form. The GET must succeed.</summary>
    public static async Task<HttpResponseMessage> PostAsync(
        HttpClient client, string pageUrl, IEnumerable<KeyValuePair<string, string>>? fields = null, string formSelector = "form[method=post]")
    {
        ArgumentNullException.ThrowIfNull(client);
        using var page = await client.GetAsync(pageUrl);
        if (page.StatusCode != HttpStatusCode.OK)
        {
            throw new InvalidOperationException($"GET {pageUrl} returned {(int)page.StatusCode}, not a page with a form.");
        }

        var doc = await Html.ParseAsync(page);
        return await SubmitAsync(client, doc, pageUrl, fields, formSelector);
    }

    /// <summary>Submits a form of an already-fetched page (whose address was <paramref name="pageUrl"/>).</summary>
    /// <param name="file">A file for the form's file field, sent as multipart/form-data as a browser would.</param>
    public static async Task<HttpResponseMessage> SubmitAsync(
        HttpClient client, IHtmlDocument page, string pageUrl, IEnumerable<KeyValuePair<string, string>>? fields = null, string formSelector = "form[method=post]", FormFile? file = null)
    {
        ArgumentNullException.ThrowIfNull(client);
        ArgumentNullException.ThrowIfNull(page);
        var form = page.QuerySelector(formSelector) as IHtmlFormElement
            ?? throw new InvalidOperationException($"No form matching '{formSelector}' on {pageUrl}.");

        var given = (fields ?? []).ToList();
        var givenNames = given.Select(f => f.Key).ToHashSet(StringComparer.Ordinal);
        var values = CurrentValues(form).Where(f => !givenNames.Contains(f.Key)).Concat(given).ToList();

        var action = form.GetAttribute("action");
        var target = string.IsNullOrEmpty(action) ? pageUrl : action;
        if (file is null)
        {
            using var content = new FormUrlEncodedContent(values);
            return await client.PostAsync(target, content);
        }

        using var multipart = new MultipartFormDataContent();
        foreach (var (name, value) in values)
        {
            multipart.Add(new StringContent(value), name);
        }

        var part = new ByteArrayContent(file.Content);
        part.Headers.ContentType = new System.Net.Http.Headers.MediaTypeHeaderValue(file.ContentType);
        multipart.Add(part, file.Field, file.FileName);
        return await client.PostAsync(target, multipart);
    }

    /// <summary>Posts exactly these fields, with no antiforgery token unless given: for testing rejection.</summary>
    public static async Task<HttpResponseMessage> PostRawAsync(HttpClient client, string url, IEnumerable<KeyValuePair<string, string>> fields)
    {
        ArgumentNullException.ThrowIfNull(client);
        using var content = new FormUrlEncodedContent(fields);
        return await client.PostAsync(url, content);
    }

    public static string AntiforgeryToken(IHtmlDocument page)
    {
        ArgumentNullException.ThrowIfNull(page);
        return page.QuerySelector($"input[name={AntiforgeryField}]")?.GetAttribute("value")
            ?? throw new InvalidOperationException("The page has no antiforgery token.");
    }

    /// <summary>Shorthand for field lists: <c>Forms.Fields(("email", "a@b.com"))</c>.</summary>
    public static IEnumerable<KeyValuePair<string, string>> Fields(params (string Name, string Value)[] fields) =>
        fields.Select(f => new KeyValuePair<string, string>(f.Name, f.Value));

    private static IEnumerable<KeyValuePair<string, string>> CurrentValues(IHtmlFormElement form)
    {
        foreach (var element in form.Elements)
        {
            var name = element.GetAttribute("name");
            if (string.IsNullOrEmpty(name) || element.HasAttribute("disabled"))
            {
                continue;
            }

            switch (element)
            {
                case IHtmlInputElement input when input.Type is "checkbox" or "radio":
                    if (input.IsChecked)
                    {
                        yield return new(name, input.Value);
                    }

                    break;
                case IHtmlInputElement input when input.Type is "submit" or "button" or "file" or "image" or "reset":
                    break;
                case IHtmlInputElement input:
                    yield return new(name, input.Value);
                    break;
                case IHtmlTextAreaElement area:
                    yield return new(name, area.Value);
                    break;
                case IHtmlSelectElement select:
                    foreach (var option in select.Options.Where(o => o.IsSelected))
                    {
                        yield return new(name, option.Value);
                    }

                    break;
            }
        }
    }
}

/// <summary>A file chosen in a form's file field.</summary>
public sealed record FormFile(string Field, string FileName, string ContentType, byte[] Content)
{
    /// <summary>The smallest file every PDF check accepts.</summary>
    public static FormFile Pdf(string field, string fileName) =>
        new(field, fileName, "application/pdf", System.Text.Encoding.ASCII.GetBytes("%PDF-1.4\n1 0 obj <<>> endobj\ntrailer <<>>\n%%EOF\n"));
}
