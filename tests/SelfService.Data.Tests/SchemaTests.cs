using Microsoft.EntityFrameworkCore;
using SelfService.Data.Tests.Infrastructure;

namespace SelfService.Data.Tests;

/// <summary>
/// The migrations are written by hand, so nothing but this test ties them to the model: a
/// database built by the migrations must match one built straight from the model.
/// </summary>
public abstract class SchemaTests<TDatabase>(TDatabase database) : IClassFixture<TDatabase>
    where TDatabase : TestDatabase
{
    [Fact]
    public async Task Migrations_build_exactly_the_schema_the_model_describes()
    {
        await using var migrated = await database.CreateScratchAsync();
        await using var created = await database.CreateScratchAsync();
        await using (var db = migrated.NewContext())
        {
            await new CaseStoreMigrator(db, Microsoft.Extensions.Logging.Abstractions.NullLogger<CaseStoreMigrator>.Instance).MigrateAsync();
        }

        await using (var db = created.NewContext())
        {
            Assert.True(await db.Database.EnsureCreatedAsync());
        }

        IReadOnlyList<string> fromMigrations, fromModel;
        await using (var db = migrated.NewContext())
        {
            fromMigrations = await SchemaReader.ReadAsync(db);
        }

        await using (var db = created.NewContext())
        {
            fromModel = await SchemaReader.ReadAsync(db);
        }

        Assert.Equal(22, fromModel.Count(l => l.StartsWith("table ", StringComparison.Ordinal)));
        var missing = fromModel.Except(fromMigrations).ToList();
        var unexpected = fromMigrations.Except(fromModel).ToList();
        Assert.True(
            missing.Count == 0 && unexpected.Count == 0,
            $"The migrations do not match the model.\nIn the model, not migrated:\n  {string.Join("\n  ", missing)}\nMigrated, not in the model:\n  {string.Join("\n  ", unexpected)}");
    }

    [Fact]
    public async Task Several_instances_starting_together_migrate_once()
    {
        await using var scratch = await database.CreateScratchAsync();
        await Task.WhenAll(Enumerable.Range(0, 4).Select(async _ =>
        {
            await using var db = scratch.NewContext();
            await new CaseStoreMigrator(db, Microsoft.Extensions.Logging.Abstractions.NullLogger<CaseStoreMigrator>.Instance).MigrateAsync();
        }));

        await using var check = scratch.NewContext();
        var applied = await Microsoft.EntityFrameworkCore.RelationalDatabaseFacadeExtensions.GetAppliedMigrationsAsync(check.Database);
        // Every migration in the assembly, in order: adding one needs no edit here.
        Assert.Equal(check.Database.GetMigrations(), applied);
    }

    [Fact]
    public async Task Migrating_twice_is_harmless()
    {
        await using var db = database.NewContext();
        await new CaseStoreMigrator(db, Microsoft.Extensions.Logging.Abstractions.NullLogger<CaseStoreMigrator>.Instance).MigrateAsync();
        var applied = await Microsoft.EntityFrameworkCore.RelationalDatabaseFacadeExtensions.GetAppliedMigrationsAsync(db.Database);
        Assert.Equal(db.Database.GetMigrations(), applied);
    }
}

public sealed class SqliteSchemaTests(SqliteTestDatabase database) : SchemaTests<SqliteTestDatabase>(database);

public sealed class PostgresSchemaTests(PostgresTestDatabase database) : SchemaTests<PostgresTestDatabase>(database);
