using SelfService.Domain.Assessments;
using SelfService.Domain.People;
using SelfService.Domain.Plans;

namespace SelfService.Data.DemoData;

/// <summary>The named cast (see <see cref="DemoCast"/>), built through the same domain methods as everyone else.</summary>
internal sealed partial class DemoAuthorityBuilder
{
    private const string CastPostcode = "LS7 3QB";

    private void AddCastStaffAndSchools()
    {
        AddStaffMember(DemoCast.CaseworkerId, ("Daniel", "Price"), StaffRole.Caseworker, DemoCast.CaseworkerTeam, DemoCast.CaseworkerEmail);
        AddStaffMember(DemoCast.SecondCaseworkerId, ("Fatima", "Begum"), StaffRole.Caseworker, DemoCast.SecondCaseworkerTeam, DemoCast.SecondCaseworkerEmail);
        AddStaffMember(DemoCast.ThirdCaseworkerId, ("Chris", "Walker"), StaffRole.Caseworker, DemoCast.ThirdCaseworkerTeam, DemoCast.ThirdCaseworkerEmail);
        AddStaffMember(DemoCast.ServiceManagerId, ("Janet", "Robinson"), StaffRole.ServiceManager, DemoCast.ServiceManagerTeam, DemoCast.ServiceManagerEmail);

        AddSchool(new School(DemoCast.PrimarySchoolId, DemoCast.PrimarySchoolUrn, DemoCast.PrimarySchoolName, SchoolPhase.Primary, "LS7 4NA"), "North East");
        AddSchool(new School(DemoCast.SecondarySchoolId, DemoCast.SecondarySchoolUrn, DemoCast.SecondarySchoolName, SchoolPhase.Secondary, "LS17 6AB"), "North East");
        _chunk.SchoolContacts.Add(new SchoolContact(DemoCast.SencoId, DemoCast.PrimarySchoolId, DemoCast.SencoName, DemoCast.SencoEmail, SchoolContactRole.Senco));
        _chunk.SchoolContacts.Add(new SchoolContact(
            DemoCast.SharedSencoMailboxId, DemoCast.SecondarySchoolId, DemoCast.SharedSencoMailboxName, DemoCast.SharedSencoMailboxEmail, SchoolContactRole.SharedMailbox));
    }

    private void AddCastFamilies()
    {
        AddCarters();
        AddJordan();
        AddLeo();
        AddRuby();
    }

    private void AddCarters()
    {
        var helen = new ParentCarer(DemoCast.ParentId, "Helen", DemoCast.FamilySurname, DemoCast.ParentEmail, CastPostcode);
        helen.SetPhone("07700 900123");
        var mark = new ParentCarer(DemoCast.SecondParentId, "Mark", DemoCast.FamilySurname, DemoCast.SecondParentEmail, CastPostcode);
        _chunk.ParentCarers.Add(helen);
        _chunk.ParentCarers.Add(mark);

        // Sam: Year 3; assessing, advice asked for, the educational psychologist's advice late, the 16-week decision 12 days away.
        var sam = new Child(DemoCast.SamChildId, DemoCast.SamFirstName, DemoCast.FamilySurname, new DateOnly(_academicYear - 7, 3, 9), CastPostcode);
        sam.SetKnownAs(DemoCast.SamKnownAs);
        sam.AttendSchool(DemoCast.PrimarySchoolId);
        AddCastChild(sam, "North East", (helen, ParentRelationship.Mother), (mark, ParentRelationship.Father));

        var day0 = _today.AddDays(-DemoCast.SamRequestDaysAgo);
        var by = DemoCast.CaseworkerEmail;
        var samCase = AssessmentCase.Open(
            DemoCast.SamCaseId,
            DemoCast.CaseReference(day0, DemoCast.SamCaseNumber),
            sam.Id,
            new RequestReceived(_random.NextGuid(), day0, Requester.Parent, null, null),
            RecordedBy(DemoCast.ParentEmail, day0));
        samCase.AssignCaseworker(DemoCast.CaseworkerId);
        samCase.RecordDecisionToAssess(new DecisionToAssess(_random.NextGuid(), day0.AddDays(38), true, null), RecordedBy(by, day0.AddDays(38)));
        var asked = day0.AddDays(40);
        Ask(samCase, asked, AdviserKind.EducationalPsychologist, "Leeds Educational Psychology Service", by); // still awaited
        var health = Ask(samCase, asked, AdviserKind.Health, "Leeds Community Healthcare NHS Trust", by);
        var social = Ask(samCase, asked, AdviserKind.SocialCare, "Leeds Children's Social Care", by);
        var school = Ask(samCase, asked, AdviserKind.SchoolOrSetting, DemoCast.PrimarySchoolName, by);
        var parents = Ask(samCase, asked, AdviserKind.ParentOrYoungPerson, "Helen and Mark Carter", by);
        Receive(samCase, parents, day0.AddDays(50), by);
        Receive(samCase, school, day0.AddDays(58), by);
        Receive(samCase, health, day0.AddDays(74), by);
        Receive(samCase, social, day0.AddDays(80), by);
        _chunk.AssessmentCases.Add(samCase);

        // Maisie: Year 6; plan in place three years, reviewed on time twice, the phase transfer review due in 24 days.
        var maisie = new Child(DemoCast.MaisieChildId, DemoCast.MaisieFirstName, DemoCast.FamilySurname, new DateOnly(_academicYear - 11, 11, 14), CastPostcode);
        maisie.AttendSchool(DemoCast.PrimarySchoolId);
        AddCastChild(maisie, "North East", (helen, ParentRelationship.Mother), (mark, ParentRelationship.Father));

        var nextDue = _today.AddDays(DemoCast.MaisieReviewDueInDays);
        var lastMeeting = nextDue.AddDays(1).AddYears(-1);
        var firstMeeting = lastMeeting.AddDays(20).AddYears(-1);
        var issuedOn = firstMeeting.AddDays(15).AddYears(-1);
        var plan = new EhcPlan(DemoCast.MaisiePlanId, DemoCast.MaisiePlanReference, maisie.Id, null, issuedOn, DemoCast.PrimarySchoolId);
        plan.AssignCaseworker(DemoCast.CaseworkerId);

        var first = plan.StartReview(_random.NextGuid(), issuedOn.AddYears(1).AddDays(-1));
        plan.Change(first.Id, r => r.RecordMeeting(firstMeeting));
        plan.Change(first.Id, r => r.RecordDecision(ReviewDecision.Maintain, firstMeeting.AddDays(14)));

        var second = plan.StartReview(_random.NextGuid(), firstMeeting.AddYears(1).AddDays(-1));
        plan.Change(second.Id, r => r.RecordMeeting(lastMeeting));
        plan.Change(second.Id, r => r.RecordDecision(ReviewDecision.Amend, lastMeeting.AddDays(20)));
        plan.Change(second.Id, r => r.ProposeAmendments(lastMeeting.AddDays(25)));
        plan.Change(second.Id, r => r.IssueFinalAmendedPlan(lastMeeting.AddDays(70)));

        plan.StartReview(_random.NextGuid(), lastMeeting.AddYears(1).AddDays(-1));
        _chunk.EhcPlans.Add(plan);
        _plansInPlace++;
        plan.PlanPhaseTransfer(new PhaseTransfer(PhaseTransferKind.School, _academicYear + 1));
    }

    private void AddJordan()
    {
        // Jordan: 18, asked for an assessment for themself three and a half weeks ago; the decision is due in 18 days.
        var jordan = new Child(
            DemoCast.YoungPersonChildId,
            DemoCast.YoungPersonFirstName,
            DemoCast.YoungPersonLastName,
            _today.AddYears(-DemoCast.YoungPersonAge).AddDays(-123),
            "LS6 2QT");
        jordan.SetOwnEmail(DemoCast.YoungPersonEmail);
        jordan.AttendSchool(PickSchool(SchoolPhase.PostSixteen, "North West")?.Id);
        _chunk.Children.Add(jordan);
        _teamByChild[jordan.Id] = "North West";

        var day0 = _today.AddDays(-24);
        var jordanCase = AssessmentCase.Open(
            DemoCast.YoungPersonCaseId,
            DemoCast.CaseReference(day0, DemoCast.YoungPersonCaseNumber),
            jordan.Id,
            new RequestReceived(_random.NextGuid(), day0, Requester.YoungPerson, null, null),
            RecordedBy(DemoCast.YoungPersonEmail, day0));
        jordanCase.AssignCaseworker(DemoCast.SecondCaseworkerId);
        _chunk.AssessmentCases.Add(jordanCase);
    }

    private void AddLeo()
    {
        // Leo: Year 5; his SENCO asked for an assessment with his mother's consent 20 days ago.
        var kerry = new ParentCarer(DemoCast.LeoParentId, "Kerry", DemoCast.LeoLastName, DemoCast.LeoParentEmail, "LS8 2JW");
        _chunk.ParentCarers.Add(kerry);
        var leo = new Child(DemoCast.LeoChildId, DemoCast.LeoFirstName, DemoCast.LeoLastName, new DateOnly(_academicYear - 9, 6, 21), "LS8 2JW");
        leo.AttendSchool(DemoCast.PrimarySchoolId);
        AddCastChild(leo, "North East", (kerry, ParentRelationship.Mother));

        var day0 = _today.AddDays(-20);
        var leoCase = AssessmentCase.Open(
            DemoCast.LeoCaseId,
            DemoCast.CaseReference(day0, DemoCast.LeoCaseNumber),
            leo.Id,
            new RequestReceived(_random.NextGuid(), day0, Requester.SchoolWithParentalConsent, DemoCast.PrimarySchoolId, day0.AddDays(-6)),
            RecordedBy(DemoCast.SencoEmail, day0));
        leoCase.AssignCaseworker(DemoCast.CaseworkerId);
        _chunk.AssessmentCases.Add(leoCase);
    }

    private void AddRuby()
    {
        // Ruby: Year 9; requested by her school's SEN team; past 20 weeks after a recorded exception; draft served five days ago.
        var nadia = new ParentCarer(DemoCast.RubyParentId, "Nadia", DemoCast.RubyLastName, DemoCast.RubyParentEmail, "LS17 7HF");
        _chunk.ParentCarers.Add(nadia);
        var ruby = new Child(DemoCast.RubyChildId, DemoCast.RubyFirstName, DemoCast.RubyLastName, new DateOnly(_academicYear - 13, 1, 30), "LS17 7HF");
        ruby.AttendSchool(DemoCast.SecondarySchoolId);
        AddCastChild(ruby, "North East", (nadia, ParentRelationship.Mother));

        var day0 = _today.AddDays(-160);
        var by = DemoCast.ThirdCaseworkerEmail;
        var rubyCase = AssessmentCase.Open(
            DemoCast.RubyCaseId,
            DemoCast.CaseReference(day0, DemoCast.RubyCaseNumber),
            ruby.Id,
            new RequestReceived(_random.NextGuid(), day0, Requester.SchoolWithParentalConsent, DemoCast.SecondarySchoolId, day0.AddDays(-10)),
            RecordedBy(DemoCast.SharedSencoMailboxEmail, day0));
        rubyCase.AssignCaseworker(DemoCast.ThirdCaseworkerId);
        rubyCase.RecordDecisionToAssess(new DecisionToAssess(_random.NextGuid(), day0.AddDays(41), true, null), RecordedBy(by, day0.AddDays(41)));
        var asked = day0.AddDays(43);
        var ep = Ask(rubyCase, asked, AdviserKind.EducationalPsychologist, "Leeds Educational Psychology Service", by);
        var health = Ask(rubyCase, asked, AdviserKind.Health, "Leeds Community Healthcare NHS Trust", by);
        var social = Ask(rubyCase, asked, AdviserKind.SocialCare, "Leeds Children's Social Care", by);
        var school = Ask(rubyCase, asked, AdviserKind.SchoolOrSetting, DemoCast.SecondarySchoolName, by);
        var parent = Ask(rubyCase, asked, AdviserKind.ParentOrYoungPerson, "Nadia Ahmed", by);
        var exceptionId = _random.NextGuid();
        rubyCase.ApplyException(
            new ExceptionApplied(
                exceptionId,
                day0.AddDays(60),
                ExceptionKind.ExceptionalPersonalCircumstances,
                day0.AddDays(102),
                "Ruby was in hospital for planned surgery and could not be seen by the educational psychologist for six weeks."),
            RecordedBy(by, day0.AddDays(60)));
        Receive(rubyCase, parent, day0.AddDays(55), by);
        Receive(rubyCase, school, day0.AddDays(60), by);
        Receive(rubyCase, social, day0.AddDays(85), by);
        Receive(rubyCase, health, day0.AddDays(90), by);
        rubyCase.EndException(new ExceptionEnded(_random.NextGuid(), day0.AddDays(98), exceptionId), RecordedBy(by, day0.AddDays(98)));
        Receive(rubyCase, ep, day0.AddDays(140), by);
        rubyCase.RecordDecisionToIssue(new DecisionToIssue(_random.NextGuid(), day0.AddDays(150), true, null), RecordedBy(by, day0.AddDays(150)));
        rubyCase.ServeDraftPlan(new DraftPlanServed(_random.NextGuid(), day0.AddDays(155)), RecordedBy(by, day0.AddDays(155)));
        _chunk.AssessmentCases.Add(rubyCase);
    }

    private void AddCastChild(Child child, string team, params (ParentCarer Parent, ParentRelationship Relationship)[] parents)
    {
        _chunk.Children.Add(child);
        _teamByChild[child.Id] = team;
        foreach (var (parent, relationship) in parents)
        {
            _chunk.ChildParents.Add(new ChildParent(child.Id, parent.Id, relationship, true));
        }
    }

    private Guid Ask(AssessmentCase assessmentCase, DateOnly on, AdviserKind kind, string adviser, string by)
    {
        var id = _random.NextGuid();
        assessmentCase.RequestAdvice(new AdviceRequested(id, on, kind, adviser), RecordedBy(by, on));
        return id;
    }

    private void Receive(AssessmentCase assessmentCase, Guid requestId, DateOnly on, string by) =>
        assessmentCase.RecordAdviceReceived(new AdviceReceived(_random.NextGuid(), on, requestId), RecordedBy(by, on));
}
