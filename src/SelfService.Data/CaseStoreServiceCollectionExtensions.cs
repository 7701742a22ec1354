using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Diagnostics;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;

namespace SelfService.Data;

public static class CaseStoreServiceCollectionExtensions
{
    /// <summary>Registers the case store, its migrator and the case commands for the configured database.</summary>
    public static IServiceCollection AddCaseStore(this IServiceCollection services, IConfiguration configuration, string dataDirectory)
    {
        ArgumentNullException.ThrowIfNull(services);
        var options = CaseStoreOptions.FromConfiguration(configuration, dataDirectory);
        if (options.Provider == CaseStoreProvider.Sqlite)
        {
            Directory.CreateDirectory(dataDirectory);
        }

        services.AddSingleton(options);
        services.AddDbContext<CaseStoreDbContext>(builder => builder.UseCaseStore(options));
        services.AddScoped<CaseStoreMigrator>();
        services.AddScoped<CaseCommands>();
        services.AddScoped<PlanCommands>();
        services.AddScoped<Casework.PlanActions>();
        return services;
    }

    /// <summary>The one place a context is pointed at a database, shared by the app and the tests.</summary>
    public static DbContextOptionsBuilder UseCaseStore(this DbContextOptionsBuilder builder, CaseStoreOptions options)
    {
        ArgumentNullException.ThrowIfNull(builder);
        ArgumentNullException.ThrowIfNull(options);
        var migrationsAssembly = typeof(CaseStoreDbContext).Assembly.GetName().Name;
        switch (options.Provider)
        {
            case CaseStoreProvider.Sqlite:
                var sqlite = new SqliteConnectionStringBuilder(options.ConnectionString)
                {
                    ForeignKeys = true,
                };
                builder.UseSqlite(sqlite.ConnectionString, o => o.MigrationsAssembly(migrationsAssembly));
                builder.AddInterceptors(SqlitePragmas.Instance);
                break;
            case CaseStoreProvider.Postgres:
                builder.UseNpgsql(options.ConnectionString, o => o.MigrationsAssembly(migrationsAssembly));
                break;
            default:
                throw new InvalidOperationException($"Unsupported case store provider {options.Provider}.");
        }

        // The migrations are written by hand with no model snapshot, so EF always believes the
        // model has changes it has not seen. The schema tests compare the migrated database with
        // the model on both providers instead, which is a stronger check.
        builder.ConfigureWarnings(w => w.Ignore(RelationalEventId.PendingModelChangesWarning));
        return builder;
    }
}
