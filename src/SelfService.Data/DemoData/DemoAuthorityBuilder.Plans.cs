using SelfService.Domain.People;
using SelfService.Domain.Plans;

namespace SelfService.Data.DemoData;

internal sealed partial class DemoAuthorityBuilder
{
    // Ages of children and young people with plans in place (DfE, January 2024, rounded).
    private static readonly (int Min, int Max, double Weight)[] PlanAges =
    [
        (2, 4, 0.045), (5, 10, 0.35), (11, 15, 0.36), (16, 19, 0.19), (20, 24, 0.055),
    ];

    private static readonly double[] PlanAgeWeights = PlanAges.Select(a => a.Weight).ToArray();

    /// <summary>
    /// The plans already in place when the case records begin (two years back): they have no
    /// assessment case here, only their reviews.
    /// </summary>
    private void AddPlansMadeBeforeTheRecords()
    {
        var recordsBegin = _today.AddDays(-7 * _profile.WeeksOfRequests);
        while (_plansInPlace < _profile.PlansInPlace)
        {
            var band = PlanAges[_random.PickWeighted(PlanAgeWeights)];
            var dateOfBirth = _today.AddYears(-_random.Between(band.Min, band.Max)).AddDays(-_random.Next(0, 365));
            var earliest = Max(dateOfBirth.AddYears(2), _today.AddYears(-16));
            var latest = recordsBegin.AddDays(-1);
            if (earliest > latest)
            {
                continue;
            }

            // More recent plans are more common: the number of plans has doubled in ten years.
            var span = latest.DayNumber - earliest.DayNumber;
            var issuedOn = WorkingDay(latest.AddDays(-(int)(span * Math.Pow(_random.NextDouble(), 1.6))));

            var team = _random.Pick(_teams);
            var child = AddChild(dateOfBirth, team);
            if (child.AgeOn(_today) >= 16 && _random.Chance(0.3))
            {
                child.SetOwnEmail(GeneratedEmail((child.FirstName, child.LastName), "example.net"));
            }

            var school = ChooseSchool(child, team, hasPlan: true);
            child.AttendSchool(school?.Id);
            var plan = new EhcPlan(_random.NextGuid(), NextPlanReference(), child.Id, null, issuedOn, school?.Id);
            plan.AssignCaseworker(CaseworkerFor(team)?.Id);
            AddReviews(plan, child);
            AddPlan(plan, child);
        }
    }

    private void AddPlan(EhcPlan plan, Child child)
    {
        if (plan.CeasedOn is null)
        {
            _plansInPlace++;
            PlanPhaseTransfer(plan, child);
        }

        _chunk.EhcPlans.Add(plan);
    }

    /// <summary>
    /// Annual reviews from the start of the records: each review period starts with the issue
    /// date or the last meeting (CFA s44(1)). Meetings often slip, and the latest reviews slip most:
    /// that is the backlog the scrutiny board asked to see by weeks overdue.
    /// </summary>
    private void AddReviews(EhcPlan plan, Child child)
    {
        var recordsBegin = _today.AddYears(-2);
        var periodStart = plan.IssuedOn;
        while (true)
        {
            var dueBy = periodStart.AddYears(1).AddDays(-1);
            var lateChance = dueBy > _today.AddYears(-1) ? 0.35 : 0.22;
            var meetingOn = WorkingDay(_random.Chance(lateChance)
                ? dueBy.AddDays(_random.Between(1, 150))
                : dueBy.AddDays(-_random.Between(0, 42)));
            if (dueBy < recordsBegin && meetingOn < recordsBegin)
            {
                periodStart = meetingOn;
                continue;
            }

            var review = plan.StartReview(_random.NextGuid(), dueBy);
            if (meetingOn > _today)
            {
                return;
            }

            plan.Change(review.Id, r => r.RecordMeeting(meetingOn));
            var notifiedOn = WorkingDay(meetingOn.AddDays(_random.Chance(0.75) ? _random.Between(3, 28) : _random.Between(29, 80)));
            if (notifiedOn > _today)
            {
                return;
            }

            var decision = child.AgeOn(meetingOn) >= 19 && _random.Chance(0.3)
                ? ReviewDecision.Cease
                : _random.Chance(0.45) ? ReviewDecision.Amend : ReviewDecision.Maintain;
            plan.Change(review.Id, r => r.RecordDecision(decision, notifiedOn));
            if (decision == ReviewDecision.Cease)
            {
                plan.Cease(Min(WorkingDay(notifiedOn.AddDays(_random.Between(0, 28))), _today));
                return;
            }

            if (decision == ReviewDecision.Amend)
            {
                var proposedOn = WorkingDay(notifiedOn.AddDays(_random.Between(0, 21)));
                if (proposedOn > _today)
                {
                    return;
                }

                plan.Change(review.Id, r => r.ProposeAmendments(proposedOn));
                var amendedOn = WorkingDay(proposedOn.AddDays(_random.Chance(0.6) ? _random.Between(15, 56) : _random.Between(57, 150)));
                if (amendedOn > _today)
                {
                    return;
                }

                plan.Change(review.Id, r => r.IssueFinalAmendedPlan(amendedOn));
            }

            periodStart = meetingOn;
        }
    }

    /// <summary>Children moving phase next September need their plan amended by 15 February (31 March for post-16).</summary>
    private void PlanPhaseTransfer(EhcPlan plan, Child child)
    {
        var transferYear = _academicYear + 1;
        var yearThen = SchoolYear(child.DateOfBirth, transferYear);
        var phase = child.SchoolId is { } id ? _schoolById[id].Phase : (SchoolPhase?)null;
        PhaseTransferKind? kind = (yearThen, phase) switch
        {
            (0, SchoolPhase.EarlyYears or null) => PhaseTransferKind.School,
            (3, SchoolPhase.Infant) => PhaseTransferKind.School,
            (7, SchoolPhase.Primary or SchoolPhase.Junior) => PhaseTransferKind.School,
            (12, SchoolPhase.Secondary or SchoolPhase.Special) => PhaseTransferKind.PostSixteen,
            _ => null,
        };
        if (kind is { } k)
        {
            plan.PlanPhaseTransfer(new PhaseTransfer(k, transferYear));
        }
    }

    private static DateOnly Max(DateOnly a, DateOnly b) => a > b ? a : b;

    private static DateOnly Min(DateOnly a, DateOnly b) => a < b ? a : b;
}
