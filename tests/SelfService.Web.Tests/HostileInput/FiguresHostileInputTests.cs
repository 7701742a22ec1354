using System.Net;
using System.Text.Json;
using SelfService.Data.DemoData;
using SelfService.Web.Tests.Cases;

namespace SelfService.Web.Tests.HostileInput;

/// <summary>
/// What the fuzzer found at the figures APIs, kept fixed on both stores: a period at the very end
/// of the calendar (where counting month by month would step past 9999-12) is a 400 naming the field.
/// </summary>
public abstract class FiguresHostileInputTests<TFactory>(TFactory factory) : IClassFixture<TFactory>
    where TFactory : SeededWebAppFactory
{
    [Theory]
    [InlineData("/api/figures/complaints")]
    [InlineData("/api/figures/enquiries")]
    public async Task A_period_at_the_end_of_the_calendar_is_a_400_naming_the_dates(string path)
    {
        var staff = await factory.ClientForAsync(DemoCast.ServiceManagerEmail);

        using var response = await staff.GetAsync($"{path}?from=9999-12-01&to=9999-12-31");

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        var errors = JsonDocument.Parse(await response.Content.ReadAsStringAsync()).RootElement.GetProperty("errors");
        Assert.Contains("1900-01-01 to 2199-12-31", errors.GetProperty("from")[0].GetString(), StringComparison.Ordinal);
        Assert.Contains("1900-01-01 to 2199-12-31", errors.GetProperty("to")[0].GetString(), StringComparison.Ordinal);
    }
}

public sealed class SqliteFiguresHostileInputTests(SeededWebAppFactory factory) : FiguresHostileInputTests<SeededWebAppFactory>(factory);

public sealed class PostgresFiguresHostileInputTests(PostgresSeededWebAppFactory factory) : FiguresHostileInputTests<PostgresSeededWebAppFactory>(factory);
