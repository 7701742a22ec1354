using SelfService.Domain.Appeals;
using SelfService.Domain.Calendar;

namespace SelfService.Web.Api.Calculators;

public sealed record AppealDeadlineResponse(DateOnly Deadline, string Explanation);

/// <summary>POST /api/appeal-deadline: the last day to register a SEND Tribunal appeal.</summary>
internal static class AppealDeadlineEndpoint
{
    public static async Task<IResult> HandleAsync(
        HttpRequest request, WorkingDayCalendar calendar, CancellationToken cancellationToken)
    {
        var (document, problem) = await CalculatorRequest.ReadObjectAsync(request, cancellationToken);
        if (problem is not null)
        {
            return problem;
        }

        using var body = document!;
        var f = new JsonFields();
        var letter = f.Date(body.RootElement, "decisionLetter", "decisionLetter", required: true);
        var certificate = f.Date(body.RootElement, "mediationCertificate", "mediationCertificate", required: false);
        f.NotBefore(certificate, "mediationCertificate", letter, "decisionLetter");
        CalendarCoverage.Require(f, calendar, letter, "decisionLetter", extraMonths: 3);
        CalendarCoverage.Require(f, calendar, certificate, "mediationCertificate", extraMonths: 2);
        if (f.HasErrors)
        {
            return CalculatorRequest.Invalid(f);
        }

        var result = AppealDeadline.Calculate(letter!.Value, certificate, calendar);
        return TypedResults.Ok(new AppealDeadlineResponse(result.Deadline, result.Explanation));
    }
}
