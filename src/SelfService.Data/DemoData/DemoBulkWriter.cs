using System.Data.Common;
using System.Reflection;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata;
using Microsoft.EntityFrameworkCore.Storage;
using Npgsql;

namespace SelfService.Data.DemoData;

/// <summary>
/// Writes rows straight to the tables the EF model maps, bypassing the change tracker: binary COPY
/// on PostgreSQL, one prepared INSERT re-run in a transaction on SQLite. Column names, value
/// conversions and discriminators all come from the model, so the rows are exactly what
/// SaveChanges would write, at a fraction of the cost (England is millions of rows).
/// </summary>
internal sealed class DemoBulkWriter
{
    private readonly CaseStoreDbContext _db;
    private readonly Dictionary<Type, TableShape> _shapes = [];

    public DemoBulkWriter(CaseStoreDbContext db) => _db = db;

    public static bool Supports(CaseStoreDbContext db) => db.Database.IsSqlite() || db.Database.IsNpgsql();

    public async Task WriteAsync<T>(IEnumerable<T> rows, CancellationToken cancellationToken)
        where T : class
    {
        var shape = Shape(typeof(T));
        if (_db.Database.IsNpgsql())
        {
            await CopyAsync(shape, rows, cancellationToken);
        }
        else
        {
            await InsertAsync(shape, rows, cancellationToken);
        }
    }

    private async Task CopyAsync<T>(TableShape shape, IEnumerable<T> rows, CancellationToken cancellationToken)
        where T : class
    {
        var connection = (NpgsqlConnection)_db.Database.GetDbConnection();
        var columns = string.Join(", ", shape.Columns.Select(c => Quote(c.Name)));
        await using var importer = await connection.BeginBinaryImportAsync(
            $"COPY {Quote(shape.Table)} ({columns}) FROM STDIN (FORMAT BINARY)", cancellationToken);
        foreach (var row in rows)
        {
            await importer.StartRowAsync(cancellationToken);
            foreach (var column in shape.Columns)
            {
                var value = column.ProviderValue(row);
                if (value is null)
                {
                    await importer.WriteNullAsync(cancellationToken);
                }
                else
                {
                    await importer.WriteAsync(value, column.PostgresType, cancellationToken);
                }
            }
        }

        await importer.CompleteAsync(cancellationToken);
    }

    private async Task InsertAsync<T>(TableShape shape, IEnumerable<T> rows, CancellationToken cancellationToken)
        where T : class
    {
        var connection = _db.Database.GetDbConnection();
        await using var command = connection.CreateCommand();
        command.Transaction = _db.Database.CurrentTransaction?.GetDbTransaction();
        var names = shape.Columns.Select((_, i) => $"@p{i}").ToArray();
#pragma warning disable CA2100 // Table and column names come from the EF model, values go in parameters.
        command.CommandText =
            $"INSERT INTO {Quote(shape.Table)} ({string.Join(", ", shape.Columns.Select(c => Quote(c.Name)))}) VALUES ({string.Join(", ", names)})";
#pragma warning restore CA2100
        var parameters = new DbParameter[shape.Columns.Count];
        foreach (var row in rows)
        {
            for (var i = 0; i < shape.Columns.Count; i++)
            {
                var column = shape.Columns[i];
                if (parameters[i] is null)
                {
                    // The mapping sets the parameter up as SaveChanges would (e.g. GUIDs as text);
                    // later rows only swap the value, so the statement is prepared once.
                    parameters[i] = column.Mapping.CreateParameter(command, names[i], column.ModelValue(row), nullable: true);
                    command.Parameters.Add(parameters[i]);
                }
                else
                {
                    parameters[i].Value = column.ProviderValue(row) ?? DBNull.Value;
                }
            }

            await command.ExecuteNonQueryAsync(cancellationToken);
        }
    }

    private static string Quote(string name) => $"\"{name}\"";

    private TableShape Shape(Type clrType)
    {
        if (_shapes.TryGetValue(clrType, out var known))
        {
            return known;
        }

        var root = _db.Model.FindEntityType(clrType)
            ?? throw new InvalidOperationException($"{clrType.Name} is not part of the case store model.");
        var table = root.GetTableName() ?? throw new InvalidOperationException($"{clrType.Name} is not mapped to a table.");
        var store = StoreObjectIdentifier.Table(table, root.GetSchema());
        var columns = new List<TableColumn>();

        TableColumn ColumnFor(string name, RelationalTypeMapping mapping)
        {
            var column = columns.Find(c => c.Name == name);
            if (column is null)
            {
                column = new TableColumn(name, mapping);
                columns.Add(column);
            }

            return column;
        }

        // TPH: one table for the whole hierarchy; each row fills the columns its own type maps.
        foreach (var entityType in root.GetDerivedTypesInclusive())
        {
            foreach (var property in entityType.GetDeclaredProperties())
            {
                var name = property.GetColumnName(store) ?? throw new InvalidOperationException($"{property.Name} has no column.");
                var column = ColumnFor(name, property.GetRelationalTypeMapping());
                if (property == root.FindDiscriminatorProperty())
                {
                    column.Readers.Add((typeof(object), entity => _db.Model.FindEntityType(entity.GetType())!.GetDiscriminatorValue()));
                }
                else if (property.IsShadowProperty())
                {
                    throw new NotSupportedException($"Bulk writing cannot fill the shadow property {entityType.DisplayName()}.{property.Name}.");
                }
                else
                {
                    column.Readers.Add((entityType.ClrType, Getter(property)));
                }
            }

            foreach (var complex in entityType.GetDeclaredComplexProperties())
            {
                var complexGetter = Getter(complex);
                foreach (var property in complex.ComplexType.GetProperties())
                {
                    var name = property.GetColumnName(store) ?? throw new InvalidOperationException($"{property.Name} has no column.");
                    var innerGetter = Getter(property);
                    ColumnFor(name, property.GetRelationalTypeMapping()).Readers.Add((
                        entityType.ClrType,
                        entity => complexGetter(entity) is { } value ? innerGetter(value) : null));
                }
            }
        }

        var shape = new TableShape(table, columns);
        _shapes[clrType] = shape;
        return shape;
    }

    private static Func<object, object?> Getter(IPropertyBase property)
    {
        if (property.PropertyInfo is { } propertyInfo && propertyInfo.GetMethod is not null)
        {
            return propertyInfo.GetValue;
        }

        if (property.FieldInfo is FieldInfo field)
        {
            return field.GetValue;
        }

        throw new NotSupportedException($"Cannot read {property.DeclaringType.DisplayName()}.{property.Name}.");
    }

    private sealed record TableShape(string Table, List<TableColumn> Columns);

    private sealed class TableColumn(string name, RelationalTypeMapping mapping)
    {
        public string Name { get; } = name;

        public RelationalTypeMapping Mapping { get; } = mapping;

        /// <summary>PostgreSQL's type name without size facets ("character varying", not "character varying(200)").</summary>
        public string PostgresType { get; } = mapping.StoreType.Split('(')[0];

        public List<(Type Declaring, Func<object, object?> Read)> Readers { get; } = [];

        public object? ModelValue(object entity)
        {
            foreach (var (declaring, read) in Readers)
            {
                if (declaring.IsInstanceOfType(entity))
                {
                    return read(entity);
                }
            }

            return null;
        }

        public object? ProviderValue(object entity) =>
            ModelValue(entity) is { } value ? Mapping.Converter?.ConvertToProvider(value) ?? value : null;
    }
}
