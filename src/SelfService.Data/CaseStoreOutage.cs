using System.Net.Sockets;
using Microsoft.Data.Sqlite;
using Npgsql;

namespace SelfService.Data;

/// <summary>
/// Tells "the case store is not there just now" (PostgreSQL restarting or unreachable, SQLite
/// locked past its busy timeout) from every other failure, so a person is told the service is
/// unavailable and to try again, and a monitor sees 503 rather than a fault in the code.
/// </summary>
public static class CaseStoreOutage
{
    /// <summary>True when <paramref name="exception"/> or anything inside it is the database being unavailable.</summary>
    public static bool IsOutage(Exception? exception)
    {
        for (var e = exception; e is not null; e = e.InnerException)
        {
            switch (e)
            {
                // Server errors: only connection failures (08), resources (53) and shutdowns or
                // refusals (57, and 55000 "not accepting connections"); a constraint or syntax
                // error is a defect and stays a 500.
                case PostgresException postgres:
                    return postgres.SqlState.StartsWith("08", StringComparison.Ordinal)
                        || postgres.SqlState.StartsWith("53", StringComparison.Ordinal)
                        || postgres.SqlState.StartsWith("57", StringComparison.Ordinal)
                        || postgres.SqlState == "55000";

                // Npgsql's own exceptions (not the server's) are about the connection: refused, reset, timed out.
                case NpgsqlException:
                    return true;

                case SqliteException { SqliteErrorCode: 5 or 6 }: // SQLITE_BUSY, SQLITE_LOCKED
                    return true;

                case SocketException:
                    return true;

                default:
                    break;
            }
        }

        return false;
    }
}
