using System.Net;
using System.Net.Sockets;
using System.Text;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Options;
using SelfService.Data;
using SelfService.Data.Requests;
using SelfService.Web.Documents;

namespace SelfService.Web.Tests.Requests;

public sealed class DocumentUploadTests(RequestsWebAppFactory factory) : IClassFixture<RequestsWebAppFactory>
{
    public static TheoryData<string, string, string> AllowedTypes => new()
    {
        { "report.pdf", "application/pdf", "Pdf" },
        { "letter.docx", "application/vnd.openxmlformats-officedocument.wordprocessingml.document", "Word" },
        { "old letter.doc", "application/msword", "WordLegacy" },
        { "photo.JPG", "image/jpeg", "Jpeg" },
        { "scan.png", "image/png", "Png" },
        { "unclaimed.pdf", "application/octet-stream", "Pdf" },
    };

    [Theory]
    [MemberData(nameof(AllowedTypes))]
    public async Task Each_allowed_type_is_accepted_and_quarantined_when_no_scanner_is_configured(string fileName, string contentType, string kind)
    {
        var journey = await RequestJourney.SignInAsync(factory, $"docs.{Guid.NewGuid():N}@example.com");
        var draftId = await journey.StartAsync();
        await journey.UploadOkAsync(draftId, fileName, contentType, Content(kind));

        var page = await journey.GetPageAsync($"/requests/{draftId}/documents");
        Assert.Contains(fileName, page.QuerySelector("#documents")!.TextContent, StringComparison.Ordinal);
        Assert.NotNull(page.QuerySelector("#not-scanned"));
        await using var scope = factory.Services.CreateAsyncScope();
        var document = await scope.ServiceProvider.GetRequiredService<CaseStoreDbContext>().Set<RequestDocument>().SingleAsync(d => d.DraftId == draftId);
        Assert.Equal(Enum.Parse<DocumentKind>(kind), document.Kind);
        Assert.Equal(DocumentScanStatus.Quarantined, document.ScanStatus);
        Assert.False(document.IsShareable);
        Assert.StartsWith(DocumentStorage.QuarantineFolder + "/", document.StoredName, StringComparison.Ordinal);
        Assert.True(scope.ServiceProvider.GetRequiredService<DocumentStorage>().Exists(document.StoredName));
        Assert.Equal(64, document.Sha256.Length);
    }

    [Theory]
    [InlineData("setup.pdf", "application/pdf", "Exe", "is not a real")]
    [InlineData("notes.pdf", "application/pdf", "Text", "is not a real")]
    [InlineData("archive.docx", "application/vnd.openxmlformats-officedocument.wordprocessingml.document", "OtherZip", "is not a real")]
    [InlineData("report.png", "image/png", "Pdf", "is not the type of file its name says")]
    [InlineData("report.pdf", "image/png", "Pdf", "is not the type of file its name says")]
    [InlineData("program.exe", "application/octet-stream", "Exe", "must be a PDF")]
    [InlineData("empty.pdf", "application/pdf", "Empty", "is empty")]
    public async Task A_file_that_is_not_what_it_claims_is_refused_with_its_own_error_and_the_draft_is_kept(string fileName, string contentType, string kind, string error)
    {
        var journey = await RequestJourney.SignInAsync(factory, $"bad.docs.{Guid.NewGuid():N}@example.com");
        var draftId = await journey.StartAsync();
        await journey.AnswerAsync(draftId, "who-is-asking", ("Requester", "Parent"));
        await journey.UploadOkAsync(draftId, "good.pdf", "application/pdf", RequestJourney.Files.Pdf());

        using var response = await journey.UploadAsync(draftId, fileName, contentType, Content(kind));
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var page = await Html.ParseAsync(response);
        Assert.StartsWith("Error: ", page.Title, StringComparison.Ordinal);
        var summary = page.QuerySelector(".govuk-error-summary a")!;
        Assert.Contains(error, summary.TextContent, StringComparison.Ordinal);
        Assert.Equal("#File", summary.GetAttribute("href"));
        Assert.Contains(error, page.QuerySelector("#File-error")!.TextContent, StringComparison.Ordinal);

        // The earlier file and the answers are untouched.
        Assert.Contains("good.pdf", page.QuerySelector("#documents")!.TextContent, StringComparison.Ordinal);
        await using var scope = factory.Services.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<CaseStoreDbContext>();
        Assert.Equal(1, await db.Set<RequestDocument>().CountAsync(d => d.DraftId == draftId));
        Assert.NotNull((await db.Set<SelfService.Domain.Requests.RequestDraft>().SingleAsync(d => d.Id == draftId)).Answers.WhoIsAsking);
    }

    [Theory]
    [InlineData(RequestsWebAppFactory.MaxFileSizeMegabytes * 1024 * 1024 + 10)]
    [InlineData(RequestsWebAppFactory.MaxFileSizeMegabytes * 1024 * 1024 * 3)]
    public async Task A_file_over_the_stated_limit_is_refused_on_the_page_not_with_an_error_page(int size)
    {
        var journey = await RequestJourney.SignInAsync(factory, $"big.{Guid.NewGuid():N}@example.com");
        var draftId = await journey.StartAsync();
        var page = await journey.GetPageAsync($"/requests/{draftId}/documents");
        Assert.Contains($"smaller than {RequestsWebAppFactory.MaxFileSizeMegabytes} MB", page.QuerySelector("main")!.TextContent, StringComparison.Ordinal);

        var big = new byte[size];
        RequestJourney.Files.Pdf().CopyTo(big, 0);
        using var response = await journey.UploadAsync(draftId, "huge.pdf", "application/pdf", big);
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var result = await Html.ParseAsync(response);
        Assert.Contains($"smaller than {RequestsWebAppFactory.MaxFileSizeMegabytes} MB", result.QuerySelector("#File-error")!.TextContent, StringComparison.Ordinal);
        Assert.StartsWith("Error: ", result.Title, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_file_can_be_removed()
    {
        var journey = await RequestJourney.SignInAsync(factory, $"remove.{Guid.NewGuid():N}@example.com");
        var draftId = await journey.StartAsync();
        await journey.UploadOkAsync(draftId, "wrong file.pdf", "application/pdf", RequestJourney.Files.Pdf());
        var url = $"/requests/{draftId}/documents";
        var page = await journey.GetPageAsync(url);
        using var response = await Support.Forms.SubmitAsync(journey.Client, page, url, formSelector: "#documents form");
        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        Assert.Null((await journey.GetPageAsync(url)).QuerySelector("#documents"));
    }

    [Fact]
    public async Task ClamAv_scanning_over_the_INSTREAM_protocol_reports_clean_and_infected_files()
    {
        await using var clamd = await FakeClamd.StartAsync();
        var scanner = new ClamAvScanner(Options.Create(new DocumentOptions { ClamAvHost = "127.0.0.1", ClamAvPort = clamd.Port }), NullLogger<ClamAvScanner>.Instance);

        using var clean = new MemoryStream(RequestJourney.Files.Pdf());
        Assert.Equal(DocumentScanStatus.Clean, (await scanner.ScanAsync(clean)).Status);

        using var eicar = new MemoryStream(Encoding.ASCII.GetBytes(FakeClamd.Eicar));
        var infected = await scanner.ScanAsync(eicar);
        Assert.Equal(DocumentScanStatus.Infected, infected.Status);
        Assert.Equal("Eicar-Test-Signature", infected.Detail);
        Assert.Equal(Encoding.ASCII.GetBytes(FakeClamd.Eicar), clamd.LastReceived);
    }

    [Fact]
    public async Task An_unreachable_scanner_quarantines_the_file()
    {
        var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        var port = ((IPEndPoint)listener.LocalEndpoint).Port;
        listener.Stop();
        var scanner = new ClamAvScanner(Options.Create(new DocumentOptions { ClamAvHost = "127.0.0.1", ClamAvPort = port, ClamAvTimeoutSeconds = 5 }), NullLogger<ClamAvScanner>.Instance);
        using var file = new MemoryStream(RequestJourney.Files.Pdf());
        Assert.Equal(DocumentScanStatus.Quarantined, (await scanner.ScanAsync(file)).Status);
    }

    [Fact]
    public async Task With_a_scanner_configured_clean_files_are_kept_and_infected_ones_refused()
    {
        await using var clamd = await FakeClamd.StartAsync();
        using var scanned = factory.WithWebHostBuilder(b => b.UseSetting("Documents:ClamAvHost", "127.0.0.1").UseSetting("Documents:ClamAvPort", clamd.Port.ToString(System.Globalization.CultureInfo.InvariantCulture)));
        var journey = await RequestJourney.SignInAsync(scanned, $"scanned.{Guid.NewGuid():N}@example.com");
        var draftId = await journey.StartAsync();
        await journey.UploadOkAsync(draftId, "clean.pdf", "application/pdf", RequestJourney.Files.Pdf());

        var eicarPdf = Encoding.ASCII.GetBytes("%PDF-1.4\n" + FakeClamd.Eicar);
        using var response = await journey.UploadAsync(draftId, "infected.pdf", "application/pdf", eicarPdf);
        var page = await Html.ParseAsync(response);
        Assert.Contains("infected.pdf contains a virus", page.QuerySelector("#File-error")!.TextContent, StringComparison.Ordinal);

        await using var scope = scanned.Services.CreateAsyncScope();
        var document = await scope.ServiceProvider.GetRequiredService<CaseStoreDbContext>().Set<RequestDocument>().SingleAsync(d => d.DraftId == draftId);
        Assert.Equal("clean.pdf", document.FileName);
        Assert.Equal(DocumentScanStatus.Clean, document.ScanStatus);
        Assert.StartsWith(DocumentStorage.CleanFolder + "/", document.StoredName, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("../../etc/passwd.pdf", "passwd.pdf")]
    [InlineData("C:\\Users\\jo\\report<1>.pdf", "report_1_.pdf")]
    [InlineData("  .pdf", "document.pdf")]
    [InlineData("a\u0000b.pdf", "a_b.pdf")]
    public void File_names_are_made_safe(string uploaded, string expected) =>
        Assert.Equal(expected, DocumentUploads.SafeFileName(uploaded));

    [Fact]
    public void Names_that_are_not_text_at_all_are_made_safe_not_refused()
    {
        // Built here: a lone surrogate does not survive being an attribute argument.
        var uploaded = "a\uFFFFb" + '\uD800' + ".pdf";
        var longName = new string('x', RequestDocument.FileNameLength - 5) + "😀😀.pdf";
        var clipped = DocumentUploads.SafeFileName(longName);

        Assert.Equal("a_b_.pdf", DocumentUploads.SafeFileName(uploaded));
        // Cut to length without keeping half an emoji: strict UTF-8 (as the database stores it) accepts it.
        Assert.EndsWith(".pdf", clipped, StringComparison.Ordinal);
        Assert.InRange(clipped.Length, 1, RequestDocument.FileNameLength);
        _ = new System.Text.UTF8Encoding(false, throwOnInvalidBytes: true).GetBytes(clipped);
    }

    private static byte[] Content(string kind) => kind switch
    {
        "Pdf" => RequestJourney.Files.Pdf(),
        "Word" => RequestJourney.Files.Docx(),
        "WordLegacy" => RequestJourney.Files.Doc(),
        "Jpeg" => RequestJourney.Files.Jpeg(),
        "Png" => RequestJourney.Files.Png(),
        "Exe" => RequestJourney.Files.Exe(),
        "Text" => RequestJourney.Files.Text(),
        "OtherZip" => RequestJourney.Files.OtherZip(),
        "Empty" => [],
        _ => throw new ArgumentOutOfRangeException(nameof(kind)),
    };
}

/// <summary>
/// A loopback TCP server speaking clamd's INSTREAM protocol (no ClamAV signatures can be fetched
/// here): it reads the chunks as clamd does and answers FOUND for the EICAR test string.
/// </summary>
internal sealed class FakeClamd : IAsyncDisposable
{
    public const string Eicar = @"X5O!P%@AP[4\PZX54(P^)7CC)7}$EICAR-STANDARD-ANTIVIRUS-TEST-FILE!$H+H*";

    private readonly TcpListener _listener = new(IPAddress.Loopback, 0);
    private readonly CancellationTokenSource _stop = new();
    private Task? _loop;

    public int Port => ((IPEndPoint)_listener.LocalEndpoint).Port;

    public byte[] LastReceived { get; private set; } = [];

    public static Task<FakeClamd> StartAsync()
    {
        var clamd = new FakeClamd();
        clamd._listener.Start();
        clamd._loop = clamd.AcceptAsync();
        return Task.FromResult(clamd);
    }

    private async Task AcceptAsync()
    {
        while (!_stop.IsCancellationRequested)
        {
            TcpClient client;
            try
            {
                client = await _listener.AcceptTcpClientAsync(_stop.Token);
            }
            catch (OperationCanceledException)
            {
                return;
            }

            using (client)
            {
                await using var stream = client.GetStream();
                var command = new byte["zINSTREAM\0".Length];
                await stream.ReadExactlyAsync(command, _stop.Token);
                using var received = new MemoryStream();
                var length = new byte[4];
                while (true)
                {
                    await stream.ReadExactlyAsync(length, _stop.Token);
                    var size = System.Buffers.Binary.BinaryPrimitives.ReadUInt32BigEndian(length);
                    if (size == 0)
                    {
                        break;
                    }

                    var chunk = new byte[size];
                    await stream.ReadExactlyAsync(chunk, _stop.Token);
                    received.Write(chunk);
                }

                LastReceived = received.ToArray();
                var verdict = Encoding.ASCII.GetString(LastReceived).Contains(Eicar, StringComparison.Ordinal) ? "stream: Eicar-Test-Signature FOUND\0" : "stream: OK\0";
                await stream.WriteAsync(Encoding.ASCII.GetBytes(verdict), _stop.Token);
            }
        }
    }

    public async ValueTask DisposeAsync()
    {
        await _stop.CancelAsync();
        _listener.Stop();
        if (_loop is not null)
        {
            await _loop;
        }

        _stop.Dispose();
    }
}
