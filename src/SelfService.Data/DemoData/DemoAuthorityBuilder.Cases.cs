using System.Globalization;
using SelfService.Domain.Assessments;
using SelfService.Domain.People;
using SelfService.Domain.Plans;

namespace SelfService.Data.DemoData;

internal sealed partial class DemoAuthorityBuilder
{
    // Ages at request: most requests are for primary-age children, a growing share in early years.
    private static readonly (int Min, int Max, double Weight)[] RequestAges =
    [
        (2, 3, 0.12), (4, 5, 0.17), (6, 10, 0.36), (11, 15, 0.25), (16, 19, 0.08), (20, 22, 0.02),
    ];

    private static readonly double[] RequestAgeWeights = RequestAges.Select(a => a.Weight).ToArray();

    /// <summary>One step of a case's planned story, run through the aggregate in date order.</summary>
    private readonly record struct CaseStep(int Offset, int Order, Action<AssessmentCase, DateOnly> Apply);

    private void AddAssessmentRequests()
    {
        var weeks = _profile.WeeksOfRequests;
        var start = _today.AddDays(-7 * weeks);
        var firstMonday = start.AddDays(-(((int)start.DayOfWeek + 6) % 7));
        for (var week = 0; week <= weeks; week++)
        {
            var weekStart = firstMonday.AddDays(7 * week);

            // Demand has been climbing; August and the Christmas fortnight are quiet.
            var growth = 0.9 + (0.2 * week / weeks);
            var seasonal = weekStart.Month == 8 ? 0.6 : weekStart is { Month: 12, Day: >= 20 } ? 0.5 : 1.0;
            var mean = _profile.RequestsPerWeek * growth * seasonal;
            var count = Math.Max(0, (int)Math.Round(mean + (Normal() * Math.Sqrt(mean))));
            for (var i = 0; i < count; i++)
            {
                var receivedOn = weekStart.AddDays(_random.Next(0, 5));
                if (receivedOn <= _today)
                {
                    AddAssessmentCase(receivedOn);
                }
            }
        }
    }

    private void AddAssessmentCase(DateOnly receivedOn)
    {
        var band = RequestAges[_random.PickWeighted(RequestAgeWeights)];
        var dateOfBirth = receivedOn.AddYears(-_random.Between(band.Min, band.Max)).AddDays(-_random.Next(0, 365));
        var team = _random.Pick(_teams);
        var child = AddChild(dateOfBirth, team);
        var school = ChooseSchool(child, team, hasPlan: false);
        child.AttendSchool(school?.Id);

        Requester requester;
        if (child.AgeOn(receivedOn) >= 16 && _random.Chance(0.6))
        {
            requester = Requester.YoungPerson;
            child.SetOwnEmail(GeneratedEmail((child.FirstName, child.LastName), "example.net"));
        }
        else
        {
            requester = school is not null && _random.Chance(0.45) ? Requester.SchoolWithParentalConsent : Requester.Parent;
        }

        var fromSchool = requester == Requester.SchoolWithParentalConsent;
        var request = new RequestReceived(
            _random.NextGuid(), receivedOn, requester, fromSchool ? school!.Id : null, fromSchool ? receivedOn.AddDays(-_random.Between(1, 30)) : null);

        // The newest requests may still be waiting for a caseworker.
        var caseworker = receivedOn > _today.AddDays(-14) && _random.Chance(0.5) ? null : CaseworkerFor(team);
        var by = caseworker?.Email ?? IntakeActor;
        var reference = string.Create(Invariant, $"EHC-{receivedOn.Year}-{_numbering.NextCaseNumber(receivedOn.Year):D5}");
        var assessmentCase = AssessmentCase.Open(_random.NextGuid(), reference, child.Id, request, RecordedBy(IntakeActor, receivedOn));
        if (caseworker is not null)
        {
            assessmentCase.AssignCaseworker(caseworker.Id);
        }

        _chunk.AssessmentCases.Add(assessmentCase);
        var steps = PlanCaseSteps(receivedOn, child, school, by, out var namedSchoolId);
        Run(assessmentCase, steps);

        if (assessmentCase.Stage == CaseStage.FinalPlanIssued)
        {
            var namedSchool = namedSchoolId is { } id ? _schoolById[id] : null;
            child.AttendSchool(namedSchool?.Id ?? child.SchoolId);
            var plan = new EhcPlan(_random.NextGuid(), NextPlanReference(), child.Id, assessmentCase.Id, assessmentCase.FinalPlanIssuedOn!.Value, namedSchool?.Id);
            plan.AssignCaseworker(assessmentCase.CaseworkerId ?? CaseworkerFor(team)?.Id);
            AddReviews(plan, child);
            AddPlan(plan, child);
        }
    }

    /// <summary>
    /// Plans the case's story as day offsets from the request: the outcome first (a quarter refused,
    /// a few withdrawn or not issued), then when each step happens. Steps after today are dropped
    /// when run, which leaves recent cases open at whatever stage they have reached.
    /// </summary>
    private List<CaseStep> PlanCaseSteps(DateOnly receivedOn, Child child, School? school, string by, out Guid? namedSchoolId)
    {
        namedSchoolId = school?.Id;
        var steps = new List<CaseStep>();
        var outcome = _random.NextDouble();
        var withdrawn = outcome < 0.03;
        var refused = !withdrawn && outcome < 0.28;
        var notIssued = !withdrawn && !refused && outcome < 0.325;

        var decideOn = _random.Next(0, 100) switch
        {
            < 70 => _random.Between(28, 42),
            < 92 => _random.Between(43, 63),
            _ => _random.Between(64, 100),
        };

        if (refused)
        {
            var reason = _random.Pick(DemoNames.RefusalReasons);
            steps.Add(new(decideOn, 1, (c, on) => c.RecordDecisionToAssess(new DecisionToAssess(_random.NextGuid(), on, false, reason), RecordedBy(by, on))));
            return steps;
        }

        steps.Add(new(decideOn, 1, (c, on) => c.RecordDecisionToAssess(new DecisionToAssess(_random.NextGuid(), on, true, null), RecordedBy(by, on))));

        // Fewer than half of plans make 20 weeks; a long tail runs past 30 weeks and some past a year.
        var finalOn = _random.Next(0, 100) switch
        {
            < 40 => _random.Between(100, 140),
            < 72 => _random.Between(141, 210),
            < 92 => _random.Between(211, 350),
            _ => _random.Between(351, 460),
        };
        var draftOn = Math.Max(finalOn - _random.Between(15, 35), decideOn + 35);

        var advisers = new List<(AdviserKind Kind, string Name, int RequestedOn)>
        {
            (AdviserKind.EducationalPsychologist, $"{_chunk.AuthorityName} Educational Psychology Service", decideOn + _random.Between(0, 7)),
            (AdviserKind.Health, _isLeeds ? "Leeds Community Healthcare NHS Trust" : $"{_chunk.AuthorityName} community paediatrics", decideOn + _random.Between(0, 7)),
            (AdviserKind.SocialCare, $"{_chunk.AuthorityName} Children's Social Care", decideOn + _random.Between(0, 7)),
        };
        if (school is not null)
        {
            advisers.Add((AdviserKind.SchoolOrSetting, school.Name, decideOn + _random.Between(0, 7)));
        }

        if (_random.Chance(0.7))
        {
            advisers.Add((AdviserKind.ParentOrYoungPerson, child.IsYoungPersonOn(_today) ? $"{child.FirstName} {child.LastName}" : "Parent or carer", decideOn + _random.Between(0, 7)));
        }

        int? schoolBackOn = null;

        // Asking a school for advice over the summer holiday lifts the time limits (SEND Regs 8(2)(a)).
        if (school is not null && _random.Chance(0.85))
        {
            var asked = advisers.First(a => a.Kind == AdviserKind.SchoolOrSetting).RequestedOn;
            var askedOn = receivedOn.AddDays(asked);
            var (closes, reopens) = SummerHoliday(askedOn.Year);
            if (askedOn >= closes.AddDays(-7) && askedOn < reopens.AddDays(-7))
            {
                var kind = school.Phase == SchoolPhase.EarlyYears ? ExceptionKind.EarlyYearsClosure : ExceptionKind.SchoolClosure;
                var reason = string.Create(
                    Invariant,
                    $"{school.Name} is closed for the summer holiday from {closes:d MMMM} to {reopens:d MMMM yyyy}; its advice was asked for on {askedOn:d MMMM}.");
                steps.Add(new(asked, 3, (c, on) => c.ApplyException(new ExceptionApplied(_random.NextGuid(), on, kind, reopens, reason), RecordedBy(by, on))));
                schoolBackOn = reopens.DayNumber - receivedOn.DayNumber + _random.Between(10, 30);
                draftOn = Math.Max(draftOn, schoolBackOn.Value + 3);
            }
        }

        var personal = _random.NextDouble();
        if (personal < 0.07)
        {
            var startsOn = _random.Between(decideOn + 1, Math.Max(decideOn + 2, draftOn - 10));
            var weeksAway = _random.Between(4, 10);
            var (kind, reason) = personal switch
            {
                < 0.045 => (ExceptionKind.ExceptionalPersonalCircumstances, _random.Pick(DemoNames.PersonalCircumstances)),
                < 0.06 => (ExceptionKind.MissedAppointment, "The family could not attend the educational psychologist's appointment; a new one has been offered."),
                _ => (ExceptionKind.AbsentFromArea, string.Create(Invariant, $"The family is away from the area for {weeksAway} weeks.")),
            };
            var exceptionId = _random.NextGuid();
            var expectedEnd = kind == ExceptionKind.MissedAppointment ? (int?)null : startsOn + (7 * weeksAway);
            steps.Add(new(startsOn, 3, (c, on) => c.ApplyException(
                new ExceptionApplied(exceptionId, on, kind, expectedEnd is { } end ? receivedOn.AddDays(end) : null, reason), RecordedBy(by, on))));
            var endsOn = startsOn + (7 * weeksAway) + _random.Between(-7, 14);
            if (_random.Chance(0.75))
            {
                steps.Add(new(endsOn, 4, (c, on) => c.EndException(new ExceptionEnded(_random.NextGuid(), on, exceptionId), RecordedBy(by, on))));
            }

            draftOn = Math.Max(draftOn, endsOn + _random.Between(7, 28));
        }

        finalOn = Math.Max(finalOn, draftOn + 15);
        var latestAdvice = decideOn;
        foreach (var (kind, name, requestedOn) in advisers)
        {
            var requestId = _random.NextGuid();
            steps.Add(new(requestedOn, 2, (c, on) => c.RequestAdvice(new AdviceRequested(requestId, on, kind, name), RecordedBy(by, on))));

            // The educational psychologist's advice usually arrives last and sets the pace.
            var arrives = kind == AdviserKind.EducationalPsychologist
                ? draftOn - _random.Between(3, 14)
                : _random.Between(requestedOn + 14, Math.Max(requestedOn + 14, draftOn - 3));
            if (kind == AdviserKind.SchoolOrSetting && schoolBackOn is { } back)
            {
                arrives = Math.Max(arrives, back);
            }

            arrives = Math.Min(Math.Max(arrives, requestedOn + 14), draftOn - 1);
            latestAdvice = Math.Max(latestAdvice, arrives);
            steps.Add(new(arrives, 3, (c, on) => c.RecordAdviceReceived(new AdviceReceived(_random.NextGuid(), on, requestId), RecordedBy(by, on))));
        }

        var decideToIssueOn = Math.Min(draftOn, Math.Max(latestAdvice, draftOn - _random.Between(0, 10)));
        if (notIssued)
        {
            var reason = _random.Pick(DemoNames.NotIssuedReasons);
            steps.Add(new(decideToIssueOn, 5, (c, on) => c.RecordDecisionToIssue(new DecisionToIssue(_random.NextGuid(), on, false, reason), RecordedBy(by, on))));
            return WithWithdrawal(steps, withdrawn, by);
        }

        steps.Add(new(decideToIssueOn, 5, (c, on) => c.RecordDecisionToIssue(new DecisionToIssue(_random.NextGuid(), on, true, null), RecordedBy(by, on))));
        steps.Add(new(draftOn, 6, (c, on) => c.ServeDraftPlan(new DraftPlanServed(_random.NextGuid(), on), RecordedBy(by, on))));

        Guid? requestedSchool = null;
        if (_random.Chance(0.7))
        {
            var meeting = _random.Chance(0.25);
            if (_random.Chance(0.3) && school is not null)
            {
                requestedSchool = (_random.Chance(0.5) ? PickSchool(SchoolPhase.Special, _teamByChild[child.Id]) : null)?.Id;
            }

            var summary = requestedSchool is null ? "Comments on sections B and F." : "Asks for a special school to be named.";
            var wanted = requestedSchool;
            steps.Add(new(
                Math.Min(draftOn + _random.Between(3, 14), finalOn),
                7,
                (c, on) => c.RecordRepresentations(new RepresentationsReceived(_random.NextGuid(), on, meeting, wanted, summary), RecordedBy(by, on))));
        }

        namedSchoolId = requestedSchool ?? school?.Id;
        var named = namedSchoolId;
        steps.Add(new(finalOn, 8, (c, on) => c.IssueFinalPlan(new FinalPlanIssued(_random.NextGuid(), on, named), RecordedBy(by, on))));
        return WithWithdrawal(steps, withdrawn, by);
    }

    private List<CaseStep> WithWithdrawal(List<CaseStep> steps, bool withdrawn, string by)
    {
        if (!withdrawn)
        {
            return steps;
        }

        var withdrawOn = _random.Between(10, 200);
        var reason = _random.Pick(DemoNames.WithdrawalReasons);
        steps.RemoveAll(s => s.Offset > withdrawOn);
        steps.Add(new(withdrawOn, 9, (c, on) => c.Withdraw(new RequestWithdrawn(_random.NextGuid(), on, reason), RecordedBy(by, on))));
        return steps;
    }

    private void Run(AssessmentCase assessmentCase, List<CaseStep> steps)
    {
        foreach (var step in steps.OrderBy(s => s.Offset).ThenBy(s => s.Order))
        {
            var on = WorkingDay(assessmentCase.RequestReceivedOn.AddDays(step.Offset));
            if (on > _today || assessmentCase.IsClosed)
            {
                break;
            }

            step.Apply(assessmentCase, on);
        }
    }

    /// <summary>
    /// Officers record things on weekdays. Moving a weekend date to the Monday never reorders two
    /// steps, so a story planned in order stays in order.
    /// </summary>
    private static DateOnly WorkingDay(DateOnly date) => date.DayOfWeek switch
    {
        DayOfWeek.Saturday => date.AddDays(2),
        DayOfWeek.Sunday => date.AddDays(1),
        _ => date,
    };

    /// <summary>English schools' summer holiday: from about the third week of July to the first week of September.</summary>
    private static (DateOnly Closes, DateOnly Reopens) SummerHoliday(int year)
    {
        var closes = new DateOnly(year, 7, 19);
        while (closes.DayOfWeek != DayOfWeek.Friday)
        {
            closes = closes.AddDays(1);
        }

        var reopens = new DateOnly(year, 9, 2);
        while (reopens.DayOfWeek is DayOfWeek.Saturday or DayOfWeek.Sunday)
        {
            reopens = reopens.AddDays(1);
        }

        return (closes, reopens);
    }

    private double Normal()
    {
        var sum = 0.0;
        for (var i = 0; i < 12; i++)
        {
            sum += _random.NextDouble();
        }

        return sum - 6.0;
    }

    private string NextPlanReference() => string.Create(CultureInfo.InvariantCulture, $"EHCP-{_numbering.NextPlanNumber++:D6}");
}
