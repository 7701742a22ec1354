using System.Text.Json;
using SelfService.Domain.Appeals;
using SelfService.Domain.Calendar;

namespace SelfService.Web.Api.Calculators;

public sealed record AppealDeadlineResponse(DateOnly Deadline, string Explanation);

/// <summary>POST /api/appeal-deadline: the last day to register a SEND Tribunal appeal.</summary>
internal static class AppealDeadlineEndpoint
{
    public static Task<IResult> HandleAsync(HttpRequest request, WorkingDayCalendar calendar, CancellationToken cancellationToken) =>
        CalculatorRequest.HandleAsync(request, (body, f) => Calculate(body, f, calendar), cancellationToken);

    private static AppealDeadlineResponse? Calculate(JsonElement body, JsonFields f, WorkingDayCalendar calendar)
    {
        var letter = f.Date(body, "decisionLetter", "decisionLetter", required: true);
        var certificate = f.Date(body, "mediationCertificate", "mediationCertificate", required: false);
        f.NotBefore(certificate, "mediationCertificate", letter, "decisionLetter");
        CalendarCoverage.Require(f, calendar, letter, "decisionLetter", extraMonths: 3);
        CalendarCoverage.Require(f, calendar, certificate, "mediationCertificate", extraMonths: 2);
        if (f.HasErrors)
        {
            return null;
        }

        var result = AppealDeadline.Calculate(letter!.Value, certificate, calendar);
        return new AppealDeadlineResponse(result.Deadline, result.Explanation);
    }
}
