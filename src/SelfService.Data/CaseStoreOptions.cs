using Microsoft.Extensions.Configuration;

namespace SelfService.Data;

public enum CaseStoreProvider
{
    /// <summary>A single file beside the app: one server, or a laptop demo.</summary>
    Sqlite,

    /// <summary>A shared server: several app instances, backups and replication run by the council.</summary>
    Postgres,
}

/// <summary>Which database holds the case store, from <c>Database:Provider</c> and <c>ConnectionStrings:CaseStore</c>.</summary>
public sealed record CaseStoreOptions(CaseStoreProvider Provider, string ConnectionString)
{
    public const string ProviderKey = "Database:Provider";

    public const string ConnectionStringName = "CaseStore";

    /// <summary>Reads the settings, failing at startup with a message an operator can act on.</summary>
    public static CaseStoreOptions FromConfiguration(IConfiguration configuration, string dataDirectory)
    {
        ArgumentNullException.ThrowIfNull(configuration);
        var providerName = configuration[ProviderKey];
        var provider = string.IsNullOrWhiteSpace(providerName)
            ? CaseStoreProvider.Sqlite
            : Enum.TryParse<CaseStoreProvider>(providerName, ignoreCase: true, out var parsed) && Enum.IsDefined(parsed)
                ? parsed
                : throw new InvalidOperationException(
                    $"{ProviderKey} is \"{providerName}\", which is not a supported database. Use \"Sqlite\" or \"Postgres\".");

        var connectionString = configuration.GetConnectionString(ConnectionStringName);
        if (string.IsNullOrWhiteSpace(connectionString))
        {
            connectionString = provider switch
            {
                CaseStoreProvider.Sqlite => $"Data Source={Path.Combine(dataDirectory, "selfservice.db")}",
                _ => throw new InvalidOperationException(
                    $"{ProviderKey} is Postgres but ConnectionStrings:{ConnectionStringName} is not set. " +
                    "Set it, e.g. \"Host=db.example;Database=selfservice;Username=selfservice\"."),
            };
        }

        return new CaseStoreOptions(provider, connectionString);
    }
}
