using System.Net;
using System.Text.Json.Nodes;
using System.Text.RegularExpressions;
using SelfService.Web.Bot;
using SelfService.Web.Tests.Configuration;

namespace SelfService.Web.Tests.Deployment;

/// <summary>
/// deploy/azure: the Bicep compiles cleanly to the committed main.json, and what that template
/// deploys fits the app: settings it really reads, secrets only through Key Vault, the bot on the
/// app's own messages endpoint, a health check path the app serves.
/// </summary>
public sealed partial class AzureTemplateTests(WebAppFactory factory) : IClassFixture<WebAppFactory>
{
    /// <summary>The settings that hold secrets: each must come from Key Vault.</summary>
    private static readonly string[] SecretKeys =
    [
        "ConnectionStrings:CaseStore",
        "Bot:MicrosoftAppPassword",
        "DirectLine:Secret",
        "DirectLine:TokenSigningKey",
        "SignIn:CodeKey",
        "StaffSignIn:ClientSecret",
        "Email:Smtp:Password",
    ];

    /// <summary>Read by ASP.NET Core itself (ASPNETCORE_ variables lose the prefix as configuration keys).</summary>
    private static readonly string[] HostSettings = ["ASPNETCORE_ENVIRONMENT", "ASPNETCORE_FORWARDEDHEADERS_ENABLED", "AllowedHosts"];

    private readonly ArmTemplate _template = ArmTemplate.Load();

    [Fact]
    public async Task Bicep_builds_without_warnings_to_exactly_the_committed_main_json()
    {
        var built = Path.Combine(Path.GetTempPath(), $"selfservice-main-{Guid.NewGuid():N}.json");
        try
        {
            var (exitCode, output, errors) = await BicepCli.RunAsync("build", ArmTemplate.BicepPath, "--outfile", built);

            Assert.True(exitCode == 0, $"bicep build failed ({exitCode}):\n{output}\n{errors}");
            Assert.True(errors.Length == 0, $"bicep build reported diagnostics:\n{errors}");
            Assert.True(
                File.ReadAllText(built) == File.ReadAllText(ArmTemplate.JsonPath),
                "deploy/azure/main.json is not what main.bicep builds to: run deploy/azure/check.sh --write");
        }
        finally
        {
            File.Delete(built);
        }
    }

    [Fact]
    public async Task Bicep_rejects_a_template_with_a_mistake_so_the_clean_build_means_something()
    {
        var broken = Path.Combine(Path.GetTempPath(), $"selfservice-broken-{Guid.NewGuid():N}.bicep");
        await File.WriteAllTextAsync(broken, (await File.ReadAllTextAsync(ArmTemplate.BicepPath)).Replace("webSocketsEnabled: true", "webSocketsEnabled: 'yes'", StringComparison.Ordinal));
        try
        {
            var (_, _, errors) = await BicepCli.RunAsync("build", broken, "--stdout");

            // A wrong property type is a warning (exit 0), which the clean-build test refuses.
            Assert.Contains("webSocketsEnabled", errors, StringComparison.Ordinal);
        }
        finally
        {
            File.Delete(broken);
        }
    }

    [Fact]
    public void Every_app_setting_is_a_key_the_app_reads_and_the_sample_documents()
    {
        var read = AppConfigurationKeys.All();
        var sample = SampleSettingsFile.Load();
        var settings = _template.AppSettings.Select(s => s.Name).ToList();

        Assert.Equal(settings.Count, settings.Distinct(StringComparer.OrdinalIgnoreCase).Count());
        foreach (var name in settings.Where(n => !HostSettings.Contains(n)))
        {
            Assert.DoesNotContain(":", name, StringComparison.Ordinal); // App Service on Linux takes "__" only
            var key = ArmTemplate.ConfigurationKey(name);
            // An entry of a dictionary setting (a claim value -> a role) is read through the dictionary.
            var dictionary = AppConfigurationKeys.Dictionaries.FirstOrDefault(d => key.StartsWith(d + ":", StringComparison.OrdinalIgnoreCase));
            if (dictionary is not null)
            {
                Assert.True(Enum.TryParse<Domain.People.StaffRole>(Value(name), out _), $"{name}: {Value(name)} is not a staff role");
                key = dictionary;
            }

            Assert.True(read.Contains(key), $"{name}: the app reads no configuration key {key}");
            Assert.True(sample.Names(key), $"{name}: {key} is not in appsettings.sample.json");
        }

        // The one host setting a council would not know: the sample says when to use it.
        Assert.Contains("ASPNETCORE_FORWARDEDHEADERS_ENABLED=true", sample.Text, StringComparison.Ordinal);
        Assert.Contains("Postgres", Value("Database__Provider"), StringComparison.Ordinal);
        Assert.Equal("Production", Value("ASPNETCORE_ENVIRONMENT"));
    }

    [Fact]
    public void Secret_settings_are_key_vault_references_read_through_the_apps_managed_identity()
    {
        var vaultSecrets = _template.Resources("Microsoft.KeyVault/vaults/secrets")
            .Select(s => SecretName().Match((string)s["name"]!).Groups["name"].Value)
            .ToHashSet();
        var referencing = _template.AppSettings.Where(s => s.Value.Contains("@Microsoft.KeyVault(", StringComparison.Ordinal)).ToList();

        Assert.Equal(SecretKeys.Order(), referencing.Select(s => ArmTemplate.ConfigurationKey(s.Name)).Order());
        foreach (var (name, value) in referencing)
        {
            var reference = KeyVaultReference().Match(value);
            Assert.True(reference.Success, $"{name}: {value} is not a Key Vault reference by vault and secret name");
            Assert.Contains(reference.Groups["secret"].Value, vaultSecrets);
        }

        var site = _template.Resource("Microsoft.Web/sites");
        var identity = (string)site["properties"]!["keyVaultReferenceIdentity"]!;
        Assert.Contains("Microsoft.ManagedIdentity/userAssignedIdentities", identity, StringComparison.Ordinal);
        Assert.Equal("UserAssigned", (string?)site["identity"]!["type"]);
        Assert.Contains(identity.Trim('[', ']'), site["identity"]!["userAssignedIdentities"]!.AsObject().Single().Key, StringComparison.Ordinal);

        // The same identity holds "Key Vault Secrets User" on the vault, before the app first starts.
        var grant = _template.Resource("Microsoft.Authorization/roleAssignments");
        Assert.Contains("Microsoft.KeyVault/vaults", (string)grant["scope"]!, StringComparison.Ordinal);
        Assert.Contains(identity.Trim('[', ']'), (string)grant["properties"]!["principalId"]!, StringComparison.Ordinal);
        Assert.Contains("4633458b-17de-408a-b874-0445c86b69e6", _template.Root["variables"]!["keyVaultSecretsUserRoleId"]!.ToString(), StringComparison.Ordinal);
        Assert.Contains(site["dependsOn"]!.AsArray(), d => ((string)d!).Contains("Microsoft.Authorization/roleAssignments", StringComparison.Ordinal));
        Assert.True((bool)_template.Resource("Microsoft.KeyVault/vaults")["properties"]!["enableRbacAuthorization"]!);
    }

    [Fact]
    public void The_template_holds_no_secret_value()
    {
        var secure = _template.SecureParameters.ToHashSet();
        Assert.Superset(new HashSet<string> { "postgresAdminPassword", "botAppPassword", "directLineSecret", "directLineTokenSigningKey", "signInCodeKey", "staffSignInClientSecret", "smtpPassword" }, secure);

        // Secure parameters have no default but "none".
        foreach (var name in secure)
        {
            var fallback = _template.Parameter(name)["defaultValue"];
            Assert.True(fallback is null || (string?)fallback == string.Empty, $"{name} has a default value");
        }

        // Every Key Vault secret's value is an expression over a secure parameter.
        foreach (var secret in _template.Resources("Microsoft.KeyVault/vaults/secrets"))
        {
            var value = (string)secret["properties"]!["value"]!;
            Assert.StartsWith("[", value, StringComparison.Ordinal);
            Assert.Contains(ParameterReference().Matches(value), p => secure.Contains(p.Groups["name"].Value));
        }

        // Secrets reach the app and the database only: no setting or output carries a secure parameter.
        foreach (var (name, value) in _template.AppSettings)
        {
            Assert.DoesNotContain(ParameterReference().Matches(value), p => secure.Contains(p.Groups["name"].Value));
            Assert.False(SecretKeys.Contains(ArmTemplate.ConfigurationKey(name)) && !value.StartsWith('['), $"{name} has a literal value");
        }

        Assert.DoesNotContain(_template.Root["outputs"]!.AsObject(), o => ParameterReference().Matches(o.Value!.ToJsonString()).Any(p => secure.Contains(p.Groups["name"].Value)));
    }

    [Fact]
    public void The_bot_registration_calls_the_apps_messages_endpoint_and_has_direct_line_and_teams()
    {
        var bot = _template.Resource("Microsoft.BotService/botServices");
        var endpoint = (string)bot["properties"]!["endpoint"]!;

        Assert.Equal("/api/messages", BotHosting.MessagesPath);
        Assert.Matches(@"^\[format\('https://\{0\}/api/messages', variables\('hostName'\)\)\]$", endpoint);
        Assert.Equal("SingleTenant", (string?)bot["properties"]!["msaAppType"]);
        // The registration and the app name the same Entra ID application and tenant.
        Assert.Equal((string?)bot["properties"]!["msaAppId"], Value("Bot__MicrosoftAppId"));
        Assert.Equal((string?)bot["properties"]!["msaAppTenantId"], Value("Bot__MicrosoftAppTenantId"));

        var channels = _template.Resources("Microsoft.BotService/botServices/channels")
            .ToDictionary(c => (string)c["properties"]!["channelName"]!, c => c["properties"]!["properties"]!);
        Assert.Equal(["DirectLineChannel", "MsTeamsChannel"], channels.Keys.Order());
        Assert.True((bool)channels["MsTeamsChannel"]["isEnabled"]!);
        var site = Assert.Single(channels["DirectLineChannel"]["sites"]!.AsArray())!;
        Assert.True((bool)site["isEnabled"]! && (bool)site["isV3Enabled"]!);
    }

    [Fact]
    public async Task The_web_app_runs_dotnet_10_always_on_with_websockets_and_a_health_check_the_app_serves()
    {
        Assert.Equal("DOTNETCORE|10.0", _template.SiteConfig("linuxFxVersion"));
        Assert.Contains("<TargetFramework>net10.0</TargetFramework>", await File.ReadAllTextAsync(RepositoryFiles.PathOf("Directory.Build.props")), StringComparison.Ordinal);
        Assert.Equal("true", _template.SiteConfig("alwaysOn"));
        Assert.Equal("true", _template.SiteConfig("webSocketsEnabled"));
        Assert.True((bool)_template.Resource("Microsoft.Web/sites")["properties"]!["httpsOnly"]!);
        Assert.Equal("dotnet SelfService.Web.dll", _template.SiteConfig("appCommandLine"));

        var path = _template.SiteConfig("healthCheckPath");
        using var response = await factory.CreateClient().GetAsync(new Uri(path, UriKind.Relative));
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Contains("caseStore", await response.Content.ReadAsStringAsync(), StringComparison.Ordinal);
    }

    [Fact]
    public void The_case_store_is_a_postgresql_database_the_app_reaches_over_verified_tls()
    {
        var server = _template.Resource("Microsoft.DBforPostgreSQL/flexibleServers");
        var database = _template.Resource("Microsoft.DBforPostgreSQL/flexibleServers/databases");
        var firewall = _template.Resource("Microsoft.DBforPostgreSQL/flexibleServers/firewallRules");
        var connection = (string)_template.Resources("Microsoft.KeyVault/vaults/secrets")
            .Single(s => ((string)s["name"]!).Contains("'casestore-connection-string'", StringComparison.Ordinal))["properties"]!["value"]!;

        Assert.Equal("Enabled", (string?)server["properties"]!["authConfig"]!["passwordAuth"]);
        Assert.Equal("UTF8", (string?)database["properties"]!["charset"]);
        Assert.Equal(("0.0.0.0", "0.0.0.0"), ((string)firewall["properties"]!["startIpAddress"]!, (string)firewall["properties"]!["endIpAddress"]!));
        Assert.Contains("SSL Mode=VerifyFull", connection, StringComparison.Ordinal);
        Assert.Contains("fullyQualifiedDomainName", connection, StringComparison.Ordinal);
        Assert.Contains("variables('databaseName')", connection, StringComparison.Ordinal);
        Assert.Equal("Postgres", Value("Database__Provider"));
    }

    [Fact]
    public void The_example_parameters_give_every_required_setting_and_no_secret()
    {
        var example = JsonNode.Parse(File.ReadAllText(RepositoryFiles.PathOf("deploy", "azure", "main.parameters.example.json")))!["parameters"]!.AsObject();
        var parameters = _template.Root["parameters"]!.AsObject();
        var secure = _template.SecureParameters.ToHashSet();

        Assert.All(example, p => Assert.True(parameters.ContainsKey(p.Key), $"{p.Key} is not a parameter of the template"));
        Assert.DoesNotContain(example, p => secure.Contains(p.Key));
        var required = parameters.Where(p => p.Value!["defaultValue"] is null && !secure.Contains(p.Key)).Select(p => p.Key);
        Assert.All(required, name => Assert.True(example.ContainsKey(name), $"the example leaves out {name}, which has no default"));
    }

    private string Value(string settingName) => _template.AppSettings.Single(s => s.Name == settingName).Value;

    [GeneratedRegex(@"'(?<name>[a-z0-9-]+)'\)\]$")]
    private static partial Regex SecretName();

    [GeneratedRegex(@"format\('@Microsoft\.KeyVault\(VaultName=\{0\};SecretName=(?<secret>[a-z0-9-]+)\)'")]
    private static partial Regex KeyVaultReference();

    [GeneratedRegex(@"parameters\('(?<name>\w+)'\)")]
    private static partial Regex ParameterReference();
}
