using Microsoft.Extensions.Configuration;

namespace SelfService.Data.Tests;

public sealed class CaseStoreOptionsTests
{
    [Fact]
    public void Without_settings_the_store_is_a_sqlite_file_in_the_data_directory()
    {
        var options = CaseStoreOptions.FromConfiguration(Configuration(), "/srv/selfservice");
        Assert.Equal(new CaseStoreOptions(CaseStoreProvider.Sqlite, "Data Source=/srv/selfservice/selfservice.db"), options);
    }

    [Fact]
    public void Postgres_uses_the_configured_connection_string()
    {
        var options = CaseStoreOptions.FromConfiguration(
            Configuration(("Database:Provider", "postgres"), ("ConnectionStrings:CaseStore", "Host=db;Database=send")), "/srv");
        Assert.Equal(new CaseStoreOptions(CaseStoreProvider.Postgres, "Host=db;Database=send"), options);
    }

    [Fact]
    public void An_unknown_provider_stops_startup_naming_the_choices()
    {
        var error = Assert.Throws<InvalidOperationException>(() => CaseStoreOptions.FromConfiguration(Configuration(("Database:Provider", "SqlServer")), "/srv"));
        Assert.Contains("\"SqlServer\"", error.Message, StringComparison.Ordinal);
        Assert.Contains("\"Postgres\"", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Postgres_without_a_connection_string_stops_startup()
    {
        var error = Assert.Throws<InvalidOperationException>(() => CaseStoreOptions.FromConfiguration(Configuration(("Database:Provider", "Postgres")), "/srv"));
        Assert.Contains("ConnectionStrings:CaseStore", error.Message, StringComparison.Ordinal);
    }

    private static IConfiguration Configuration(params (string Key, string Value)[] settings) =>
        new ConfigurationBuilder()
            .AddInMemoryCollection(settings.Select(s => new KeyValuePair<string, string?>(s.Key, s.Value)))
            .Build();
}
