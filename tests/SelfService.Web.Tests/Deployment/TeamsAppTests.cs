using System.IO.Compression;
using System.Net;
using System.Text.Json.Nodes;
using SelfService.Web.Tests.Configuration;
using SelfService.Web.Tests.Support;

namespace SelfService.Web.Tests.Deployment;

/// <summary>
/// deploy/teams: the manifest with its ids as parameters, icons Teams accepts, and the package script
/// that fills the ids in and zips it, checked against Microsoft's published schema.
/// </summary>
public sealed class TeamsAppTests(WebAppFactory factory) : IClassFixture<WebAppFactory>
{
    private const string BotId = "3f2504e0-4f89-41d3-9a0c-0305e82c3301";
    private const string Portal = "https://send.example.gov.uk/";

    private static string Folder => RepositoryFiles.PathOf("deploy", "teams");

    private static JsonObject Manifest => JsonNode.Parse(File.ReadAllText(Path.Combine(Folder, "manifest.json")))!.AsObject();

    [Fact]
    public void The_manifest_has_the_required_fields_and_takes_the_bot_id_as_a_parameter()
    {
        var manifest = Manifest;

        foreach (var field in new[] { "manifestVersion", "version", "id", "developer", "name", "description", "icons", "accentColor", "bots" })
        {
            Assert.True(manifest.ContainsKey(field), $"manifest.json has no {field}");
        }

        Assert.EndsWith($"/v{manifest["manifestVersion"]}/MicrosoftTeams.schema.json", (string)manifest["$schema"]!, StringComparison.Ordinal);
        var bot = Assert.Single(manifest["bots"]!.AsArray())!;
        Assert.Equal("{{BOT_ID}}", (string?)bot["botId"]);
        Assert.Equal("{{BOT_ID}}", (string?)manifest["id"]);
        Assert.Equal(["personal"], bot["scopes"]!.AsArray().Select(s => (string)s!));
        Assert.InRange(((string)manifest["name"]!["short"]!).Length, 1, 30);
        Assert.InRange(((string)manifest["description"]!["short"]!).Length, 1, 80);
        Assert.Matches("^#[0-9A-Fa-f]{6}$", (string)manifest["accentColor"]!);
        Assert.Equal("color.png", (string?)manifest["icons"]!["color"]);
        Assert.Equal("outline.png", (string?)manifest["icons"]!["outline"]);
    }

    [Fact]
    public void The_icons_are_a_192_pixel_colour_icon_and_a_32_pixel_white_outline_on_transparency()
    {
        var color = PngImage.Read(File.ReadAllBytes(Path.Combine(Folder, "color.png")));
        var outline = PngImage.Read(File.ReadAllBytes(Path.Combine(Folder, "outline.png")));

        Assert.Equal((192, 192), (color.Width, color.Height));
        Assert.Equal((32, 32), (outline.Width, outline.Height));
        // Colour: opaque, and the manifest's accent colour as its background.
        Assert.All(color.Pixels, p => Assert.Equal(255, p.A));
        Assert.Equal(((string)Manifest["accentColor"]!).ToUpperInvariant(), $"#{color[0, 0].R:X2}{color[0, 0].G:X2}{color[0, 0].B:X2}");
        // Outline: white and transparency only, and something actually drawn.
        Assert.All(outline.Pixels, p => Assert.True(p.A == 0 || (p.R, p.G, p.B) == (255, 255, 255), $"outline pixel {p} is not white"));
        Assert.Contains(outline.Pixels, p => p.A == 255);
        Assert.Contains(outline.Pixels, p => p.A == 0);
    }

    [Fact]
    public async Task The_package_script_fills_in_the_ids_and_zips_the_manifest_and_icons_at_the_top_level()
    {
        var zip = await PackageAsync();
        try
        {
            using var archive = ZipFile.OpenRead(zip);
            Assert.Equal(["color.png", "manifest.json", "outline.png"], archive.Entries.Select(e => e.FullName).Order());
            using var reader = new StreamReader(archive.GetEntry("manifest.json")!.Open());
            var text = await reader.ReadToEndAsync();
            var manifest = JsonNode.Parse(text)!;

            Assert.DoesNotContain("{{", text, StringComparison.Ordinal);
            Assert.Equal(BotId, (string?)manifest["id"]);
            Assert.Equal(BotId, (string?)manifest["bots"]![0]!["botId"]);
            Assert.Equal("Example City Council", (string?)manifest["developer"]!["name"]);
            Assert.Equal("1.2.3", (string?)manifest["version"]);
            Assert.Equal(["send.example.gov.uk"], manifest["validDomains"]!.AsArray().Select(d => (string)d!));
            await using var icon = archive.GetEntry("color.png")!.Open();
            using var copy = new MemoryStream();
            await icon.CopyToAsync(copy);
            Assert.Equal(await File.ReadAllBytesAsync(Path.Combine(Folder, "color.png")), copy.ToArray());
        }
        finally
        {
            File.Delete(zip);
        }
    }

    [Fact]
    public async Task The_package_script_refuses_a_bot_id_that_is_not_an_app_id()
    {
        var (exitCode, output) = await NodeScripts.RunAsync(
            "node", [Path.Combine(Folder, "package.mjs"), "--bot-id", "selfservice-bot", "--portal-url", Portal, "--council", "Example", "--out", Path.GetTempFileName()], Folder);

        Assert.NotEqual(0, exitCode);
        Assert.Contains("is not a GUID", output, StringComparison.Ordinal);
    }

    [Fact]
    public async Task The_packaged_manifest_is_valid_against_microsofts_schema_and_the_unfilled_one_is_not()
    {
        var scripts = RepositoryFiles.PathOf("tests", "js");
        await NodeScripts.InstallAsync(scripts);
        var zip = await PackageAsync();
        var extracted = Path.Combine(Path.GetTempPath(), $"selfservice-teams-{Guid.NewGuid():N}.json");
        try
        {
            using (var archive = ZipFile.OpenRead(zip))
            {
                archive.GetEntry("manifest.json")!.ExtractToFile(extracted);
            }

            var (exitCode, output) = await NodeScripts.RunAsync("node", ["teams-manifest.test.js", extracted], scripts);
            Assert.True(exitCode == 0, output);
            Assert.Contains("3 passed, 0 failed", output, StringComparison.Ordinal);

            // The schema check is real: the manifest as committed, ids unfilled, fails it.
            var (unfilledExit, unfilled) = await NodeScripts.RunAsync("node", ["teams-manifest.test.js", Path.Combine(Folder, "manifest.json")], scripts);
            Assert.NotEqual(0, unfilledExit);
            Assert.Contains("/bots/0/botId must match pattern", unfilled, StringComparison.Ordinal);
        }
        finally
        {
            File.Delete(zip);
            File.Delete(extracted);
        }
    }

    [Fact]
    public async Task The_manifests_links_are_pages_the_portal_serves()
    {
        var developer = Manifest["developer"]!.AsObject();
        var client = factory.CreateClient();

        foreach (var (field, value) in developer.Where(p => p.Key.EndsWith("Url", StringComparison.Ordinal)))
        {
            var url = new Uri(((string)value!).Replace("{{PORTAL_URL}}", Portal, StringComparison.Ordinal));
            using var response = await client.GetAsync(new Uri(url.PathAndQuery, UriKind.Relative));
            Assert.True(response.StatusCode == HttpStatusCode.OK, $"developer.{field} {url} answers {response.StatusCode}");
        }
    }

    private static async Task<string> PackageAsync()
    {
        var zip = Path.Combine(Path.GetTempPath(), $"selfservice-teams-{Guid.NewGuid():N}.zip");
        var (exitCode, output) = await NodeScripts.RunAsync(
            "node",
            [Path.Combine(Folder, "package.mjs"), "--bot-id", BotId.ToUpperInvariant(), "--portal-url", Portal.TrimEnd('/'), "--council", "Example City Council", "--version", "1.2.3", "--out", zip],
            Folder);
        Assert.True(exitCode == 0, output);
        return zip;
    }
}
