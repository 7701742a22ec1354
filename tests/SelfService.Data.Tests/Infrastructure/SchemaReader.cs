using System.Data.Common;
using System.Globalization;
using Microsoft.EntityFrameworkCore;

namespace SelfService.Data.Tests.Infrastructure;

/// <summary>
/// Describes a database's schema as sorted lines of text, from the catalogue itself, so two
/// databases built different ways can be compared line by line. EF's own tables are left out.
/// </summary>
public static class SchemaReader
{
    public static async Task<IReadOnlyList<string>> ReadAsync(CaseStoreDbContext db)
    {
        ArgumentNullException.ThrowIfNull(db);
        await db.Database.OpenConnectionAsync();
        try
        {
            var connection = db.Database.GetDbConnection();
            var lines = db.Database.IsSqlite() ? await ReadSqliteAsync(connection) : await ReadPostgresAsync(connection);
            return [.. lines.Where(l => !l.Contains("__EF", StringComparison.Ordinal)).Order(StringComparer.Ordinal)];
        }
        finally
        {
            await db.Database.CloseConnectionAsync();
        }
    }

    private static async Task<List<string>> ReadSqliteAsync(DbConnection connection)
    {
        var lines = new List<string>();
        var tables = await QueryAsync(connection,
            "SELECT name, sql FROM sqlite_master WHERE type = 'table' AND name NOT LIKE 'sqlite%'",
            r => (Name: r.GetString(0), Sql: r.GetString(1)));
        foreach (var (table, sql) in tables)
        {
            lines.Add($"table {table} autoincrement={sql.Contains("AUTOINCREMENT", StringComparison.OrdinalIgnoreCase)}");
            lines.AddRange(await QueryAsync(connection,
                $"SELECT name, type, \"notnull\", dflt_value, pk FROM pragma_table_info('{table}')",
                r => $"column {table}.{r.GetString(0)} type={r.GetString(1)} notnull={r.GetInt64(2)} default={Text(r, 3)} pk={r.GetInt64(4)}"));
            lines.AddRange(await QueryAsync(connection,
                $"SELECT \"table\", \"from\", \"to\", on_update, on_delete FROM pragma_foreign_key_list('{table}')",
                r => $"foreign key {table}.{r.GetString(1)} -> {r.GetString(0)}.{r.GetString(2)} update={r.GetString(3)} delete={r.GetString(4)}"));

            var indexes = await QueryAsync(connection,
                $"SELECT name, \"unique\", origin, partial FROM pragma_index_list('{table}')",
                r => (Name: r.GetString(0), Description: $"unique={r.GetInt64(1)} origin={r.GetString(2)} partial={r.GetInt64(3)}"));
            foreach (var (index, description) in indexes)
            {
                var columns = await QueryAsync(connection, $"SELECT name FROM pragma_index_info('{index}') ORDER BY seqno", r => r.GetString(0));
                var definition = await QueryAsync(connection, $"SELECT sql FROM sqlite_master WHERE type = 'index' AND name = '{index}'", r => Text(r, 0));
                lines.Add($"index {table}.{index} ({string.Join(", ", columns)}) {description} sql={definition.SingleOrDefault()}");
            }
        }

        return lines;
    }

    private static async Task<List<string>> ReadPostgresAsync(DbConnection connection)
    {
        var lines = new List<string>();
        lines.AddRange(await QueryAsync(connection,
            "SELECT table_name FROM information_schema.tables WHERE table_schema = 'public'",
            r => $"table {r.GetString(0)}"));
        lines.AddRange(await QueryAsync(connection,
            """
            SELECT table_name, column_name, data_type, character_maximum_length, is_nullable, column_default,
                   is_identity, identity_generation
            FROM information_schema.columns WHERE table_schema = 'public'
            """,
            r => $"column {r.GetString(0)}.{r.GetString(1)} type={r.GetString(2)}({Text(r, 3)}) nullable={r.GetString(4)} " +
                 $"default={Text(r, 5)} identity={Text(r, 6)} {Text(r, 7)}"));
        lines.AddRange(await QueryAsync(connection,
            "SELECT tablename, indexname, indexdef FROM pg_indexes WHERE schemaname = 'public'",
            r => $"index {r.GetString(0)}.{r.GetString(1)} {r.GetString(2)}"));
        lines.AddRange(await QueryAsync(connection,
            """
            SELECT conrelid::regclass::text, conname, pg_get_constraintdef(oid)
            FROM pg_constraint WHERE connamespace = 'public'::regnamespace
            """,
            r => $"constraint {r.GetString(0)}.{r.GetString(1)} {r.GetString(2)}"));
        return lines;
    }

    private static string Text(DbDataReader reader, int ordinal) =>
        reader.IsDBNull(ordinal) ? "null" : Convert.ToString(reader.GetValue(ordinal), CultureInfo.InvariantCulture) ?? "null";

    private static async Task<List<T>> QueryAsync<T>(DbConnection connection, string sql, Func<DbDataReader, T> read)
    {
        await using var command = connection.CreateCommand();
#pragma warning disable CA2100 // Catalogue queries; the only inserted names come from the catalogue itself.
        command.CommandText = sql;
#pragma warning restore CA2100
        await using var reader = await command.ExecuteReaderAsync();
        var rows = new List<T>();
        while (await reader.ReadAsync())
        {
            rows.Add(read(reader));
        }

        return rows;
    }
}
