using System.Text.Json.Nodes;
using SelfService.Web.Tests.Configuration;

namespace SelfService.Web.Tests.Deployment;

/// <summary>deploy/azure/main.json, the compiled template that is deployed, read as JSON.</summary>
internal sealed class ArmTemplate
{
    private ArmTemplate(JsonObject root) => Root = root;

    public static string BicepPath => RepositoryFiles.PathOf("deploy", "azure", "main.bicep");

    public static string JsonPath => RepositoryFiles.PathOf("deploy", "azure", "main.json");

    public JsonObject Root { get; }

    public static ArmTemplate Load() => new(JsonNode.Parse(File.ReadAllText(JsonPath))!.AsObject());

    public IEnumerable<JsonObject> Resources(string type) =>
        Root["resources"]!.AsArray().Select(r => r!.AsObject()).Where(r => (string?)r["type"] == type);

    public JsonObject Resource(string type) => Assert.Single(Resources(type));

    public JsonObject Parameter(string name) => Root["parameters"]![name]!.AsObject();

    public IEnumerable<string> SecureParameters =>
        Root["parameters"]!.AsObject().Where(p => (string?)p.Value!["type"] == "securestring").Select(p => p.Key);

    /// <summary>The web app's settings as App Service sets them (names with "__" for ":").</summary>
    public IReadOnlyList<(string Name, string Value)> AppSettings =>
        Resource("Microsoft.Web/sites")["properties"]!["siteConfig"]!["appSettings"]!.AsArray()
            .Select(s => ((string)s!["name"]!, (string)s["value"]!))
            .ToList();

    public string SiteConfig(string property) => Resource("Microsoft.Web/sites")["properties"]!["siteConfig"]![property]!.ToString();

    /// <summary>A setting's name as a configuration key: App Service on Linux writes ":" as "__".</summary>
    public static string ConfigurationKey(string settingName) => settingName.Replace("__", ":", StringComparison.Ordinal);
}
