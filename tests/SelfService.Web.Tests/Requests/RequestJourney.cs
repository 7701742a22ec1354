using System.Globalization;
using System.IO.Compression;
using System.Net;
using System.Net.Http.Headers;
using System.Text;
using AngleSharp.Html.Dom;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.Extensions.DependencyInjection;
using SelfService.Web.Hosting;
using SelfService.Web.Tests.Support;

namespace SelfService.Web.Tests.Requests;

/// <summary>Drives the request pages as a person would: GET each page, fill in its form, post it.</summary>
public sealed class RequestJourney(WebApplicationFactory<Program> factory, HttpClient client)
{
    public HttpClient Client { get; } = client;

    public DateOnly Today => factory.Services.GetRequiredService<UkClock>().Today();

    public static string LongDate(DateOnly date) => date.ToString("d MMMM yyyy", CultureInfo.GetCultureInfo("en-GB"));

    public static async Task<RequestJourney> SignInAsync(WebApplicationFactory<Program> factory, string email) =>
        new(factory, await PortalSignIn.SignInAsync(factory, email));

    public async Task<Guid> StartAsync()
    {
        using var response = await Forms.PostAsync(Client, "/requests/new");
        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        var location = response.Headers.Location!.OriginalString;
        Assert.StartsWith("/requests/", location, StringComparison.Ordinal);
        return Guid.Parse(location["/requests/".Length..]);
    }

    /// <summary>Answers a question and expects to be sent on; returns where to.</summary>
    public async Task<string> AnswerAsync(Guid draftId, string page, params (string Name, string Value)[] fields)
    {
        using var response = await Forms.PostAsync(Client, $"/requests/{draftId}/{page}", Forms.Fields(fields));
        if (response.StatusCode != HttpStatusCode.Redirect)
        {
            var doc = await Html.ParseAsync(response);
            Assert.Fail($"Answering {page} was refused ({(int)response.StatusCode}): {doc.QuerySelector(".govuk-error-summary")?.TextContent.Trim()}");
        }

        return response.Headers.Location!.OriginalString;
    }

    /// <summary>Posts a question's form expecting it to come back with errors, and returns the page.</summary>
    public async Task<IHtmlDocument> AnswerWrongAsync(Guid draftId, string page, params (string Name, string Value)[] fields)
    {
        using var response = await Forms.PostAsync(Client, $"/requests/{draftId}/{page}", Forms.Fields(fields));
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        return await Html.ParseAsync(response);
    }

    public async Task<IHtmlDocument> GetPageAsync(string url)
    {
        using var response = await Client.GetAsync(url);
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        return await Html.ParseAsync(response);
    }

    /// <summary>Uploads one file through the documents page's multipart form, as a browser without JavaScript does.</summary>
    public async Task<HttpResponseMessage> UploadAsync(Guid draftId, string fileName, string contentType, byte[] content)
    {
        var url = $"/requests/{draftId}/documents";
        var page = await GetPageAsync(url);
        var form = (IHtmlFormElement)page.QuerySelector("#upload-form")!;
        Assert.Equal("multipart/form-data", form.GetAttribute("enctype"));
        var token = form.QuerySelector($"input[name={Forms.AntiforgeryField}]")!.GetAttribute("value")!;
        using var body = new MultipartFormDataContent
        {
            { new StringContent(token), Forms.AntiforgeryField },
        };
        var file = new ByteArrayContent(content);
        file.Headers.ContentType = new MediaTypeHeaderValue(contentType);
        body.Add(file, "File", fileName);
        return await Client.PostAsync(form.GetAttribute("action"), body);
    }

    public async Task UploadOkAsync(Guid draftId, string fileName, string contentType, byte[] content)
    {
        using var response = await UploadAsync(draftId, fileName, contentType, content);
        if (response.StatusCode != HttpStatusCode.Redirect)
        {
            var doc = await Html.ParseAsync(response);
            Assert.Fail($"Uploading {fileName} was refused ({(int)response.StatusCode}): {doc.QuerySelector(".govuk-error-summary")?.TextContent.Trim()} {doc.QuerySelector("main")?.InnerHtml}");
        }
    }

    public async Task FinishDocumentsAsync(Guid draftId)
    {
        var url = $"/requests/{draftId}/documents";
        var page = await GetPageAsync(url);
        using var response = await Forms.SubmitAsync(Client, page, url, formSelector: "#continue-form");
        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
    }

    /// <summary>Everything a parent answers, up to check answers.</summary>
    public async Task FillAsParentAsync(Guid draftId, string firstName = "Eleanor", string knownAs = "Ellie", DateOnly? dateOfBirth = null)
    {
        var born = dateOfBirth ?? Today.AddYears(-7);
        await AnswerAsync(draftId, "who-is-asking", ("Requester", "Parent"));
        await AnswerAsync(draftId, "child", ChildFields(firstName, "Brown", knownAs, born, "ls7 3ab"));
        await AnswerAsync(draftId, "parents", ("Parents[0].FirstName", "Jo"), ("Parents[0].LastName", "Brown"), ("Parents[0].Relationship", "Mother"), ("Action", "save"));
        await FillTheRestAsync(draftId);
    }

    public async Task FillTheRestAsync(Guid draftId, bool schoolAsking = false)
    {
        if (!schoolAsking)
        {
            await AnswerAsync(draftId, "school", ("Attends", "no"));
        }

        await AnswerAsync(draftId, "needs", ("Areas", "CommunicationAndInteraction"), ("Areas", "SensoryAndPhysical"), ("Description", "Finds it hard to follow spoken instructions.\nNeeds help at lunchtimes."));
        if (schoolAsking)
        {
            await AnswerAsync(draftId, "support-history", ("HadSenSupport", "yes"), ("Cycles", "3"), ("WhatWasTried", "Small-group speech work twice a week."), ("WhatHappened", "Some progress; the gap is widening."));
        }
        else
        {
            await AnswerAsync(draftId, "support-history", ("HadSenSupport", "no"));
        }

        await AnswerAsync(draftId, "views", ("ChildViews", "I want to make friends."), ("FamilyViews", "We are worried about secondary school."));
        await AnswerAsync(draftId, "professionals", ("Professionals[0].Name", "Dr Priya Nair"), ("Professionals[0].Role", "Paediatrician"), ("Action", "save"));
    }

    public static (string, string)[] ChildFields(string first, string last, string? knownAs, DateOnly born, string postcode) =>
    [
        ("FirstName", first),
        ("LastName", last),
        ("KnownAs", knownAs ?? ""),
        ("DateOfBirth.Day", born.Day.ToString(CultureInfo.InvariantCulture)),
        ("DateOfBirth.Month", born.Month.ToString(CultureInfo.InvariantCulture)),
        ("DateOfBirth.Year", born.Year.ToString(CultureInfo.InvariantCulture)),
        ("Postcode", postcode),
    ];

    /// <summary>Declares and sends; returns the confirmation page's address.</summary>
    public async Task<string> SendAsync(Guid draftId)
    {
        var check = await GetPageAsync($"/requests/{draftId}/check-answers");
        Assert.Null(check.QuerySelector("#problems"));
        return await AnswerAsync(draftId, "declaration", ("Confirmed", "true"));
    }

    public static class Files
    {
        public static byte[] Pdf() => Encoding.ASCII.GetBytes("%PDF-1.4\n1 0 obj << /Type /Catalog >> endobj\ntrailer << /Root 1 0 R >>\n%%EOF\n");

        public static byte[] Png() => [0x89, 0x50, 0x4E, 0x47, 0x0D, 0x0A, 0x1A, 0x0A, 0, 0, 0, 13, 0x49, 0x48, 0x44, 0x52, 0, 0, 0, 1, 0, 0, 0, 1, 8, 2, 0, 0, 0];

        public static byte[] Jpeg() => [0xFF, 0xD8, 0xFF, 0xE0, 0, 16, 0x4A, 0x46, 0x49, 0x46, 0, 1, 1, 0, 0, 1, 0, 1, 0, 0, 0xFF, 0xD9];

        public static byte[] Doc() => [0xD0, 0xCF, 0x11, 0xE0, 0xA1, 0xB1, 0x1A, 0xE1, .. new byte[504]];

        public static byte[] Docx() => Zip(("[Content_Types].xml", "<Types/>"), ("word/document.xml", "<w:document/>"));

        /// <summary>A zip that is not a Word document.</summary>
        public static byte[] OtherZip() => Zip(("readme.txt", "hello"));

        /// <summary>The start of a Windows program (the "MZ" header).</summary>
        public static byte[] Exe() => [0x4D, 0x5A, 0x90, 0, 3, 0, 0, 0, 4, 0, 0, 0, 0xFF, 0xFF, 0, 0];

        public static byte[] Text() => Encoding.UTF8.GetBytes("This is a plain text file, not a PDF.");

        private static byte[] Zip(params (string Name, string Text)[] entries)
        {
            using var memory = new MemoryStream();
            using (var zip = new ZipArchive(memory, ZipArchiveMode.Create, leaveOpen: true))
            {
                foreach (var (name, text) in entries)
                {
                    using var writer = new StreamWriter(zip.CreateEntry(name).Open());
                    writer.Write(text);
                }
            }

            return memory.ToArray();
        }
    }
}
