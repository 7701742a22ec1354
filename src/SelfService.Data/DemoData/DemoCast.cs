using System.Globalization;

namespace SelfService.Data.DemoData;

/// <summary>
/// The named people in the demo data: fixed names, emails (people sign in with these) and
/// identifiers, whatever the seed or scale. Their dates are set relative to the seeding date so
/// the stories always read "now": Sam's decision is always due soon, Maisie's review always coming up.
/// </summary>
public static class DemoCast
{
    public const string EmailDomain = "example.com";

    // Family: one parent, two children at different stages.
    public const string ParentEmail = "helen.carter@example.com";
    public const string ParentName = "Helen Carter";
    public static readonly Guid ParentId = new("0dc0ca57-0000-4000-8000-000000000101");

    public const string SecondParentEmail = "mark.carter@example.com";
    public const string SecondParentName = "Mark Carter";
    public static readonly Guid SecondParentId = new("0dc0ca57-0000-4000-8000-000000000102");

    /// <summary>Samuel Carter, known as Sam, in Year 3: assessment under way, advice requested, the decision whether to issue a plan due soon.</summary>
    public const string SamKnownAs = "Sam";
    public const string SamFirstName = "Samuel";
    public const string FamilySurname = "Carter";
    public static readonly Guid SamChildId = new("0dc0ca57-0000-4000-8000-000000000201");
    public static readonly Guid SamCaseId = new("0dc0ca57-0000-4000-8000-000000000301");
    public const int SamCaseNumber = 42;

    /// <summary>Days before the seeding date that Sam's request was received: the 16-week decision falls 12 days ahead.</summary>
    public const int SamRequestDaysAgo = 100;

    /// <summary>Maisie Carter, in Year 6: an EHC plan in place, its annual review (the phase transfer review) coming up.</summary>
    public const string MaisieFirstName = "Maisie";
    public static readonly Guid MaisieChildId = new("0dc0ca57-0000-4000-8000-000000000202");
    public static readonly Guid MaisiePlanId = new("0dc0ca57-0000-4000-8000-000000000401");
    public const string MaisiePlanReference = "EHCP-000777";

    /// <summary>Days after the seeding date that Maisie's next review meeting is due by.</summary>
    public const int MaisieReviewDueInDays = 24;

    // A young person acting for themselves.
    public const string YoungPersonEmail = "jordan.okafor@example.com";
    public const string YoungPersonFirstName = "Jordan";
    public const string YoungPersonLastName = "Okafor";
    public const int YoungPersonAge = 18;
    public static readonly Guid YoungPersonChildId = new("0dc0ca57-0000-4000-8000-000000000203");
    public static readonly Guid YoungPersonCaseId = new("0dc0ca57-0000-4000-8000-000000000302");
    public const int YoungPersonCaseNumber = 43;

    // Schools: a named SENCO at the Carters' primary; a shared SEN mailbox at a secondary.
    public const string PrimarySchoolName = "Chapel Allerton Primary School";
    public const string PrimarySchoolUrn = "108111";
    public static readonly Guid PrimarySchoolId = new("0dc0ca57-0000-4000-8000-000000000501");

    public const string SecondarySchoolName = "Allerton Beck High School";
    public const string SecondarySchoolUrn = "108222";
    public static readonly Guid SecondarySchoolId = new("0dc0ca57-0000-4000-8000-000000000502");

    public const string SencoEmail = "aisha.rahman@example.com";
    public const string SencoName = "Aisha Rahman";
    public static readonly Guid SencoId = new("0dc0ca57-0000-4000-8000-000000000601");

    public const string SharedSencoMailboxEmail = "senco.allertonbeck@example.com";
    public const string SharedSencoMailboxName = "SEN team, Allerton Beck High School";
    public static readonly Guid SharedSencoMailboxId = new("0dc0ca57-0000-4000-8000-000000000602");

    /// <summary>Leo Walsh, Year 5: a request made by his school with his mother's consent, awaiting the decision to assess.</summary>
    public const string LeoFirstName = "Leo";
    public const string LeoLastName = "Walsh";
    public static readonly Guid LeoChildId = new("0dc0ca57-0000-4000-8000-000000000204");
    public static readonly Guid LeoCaseId = new("0dc0ca57-0000-4000-8000-000000000303");
    public const int LeoCaseNumber = 44;
    public const string LeoParentEmail = "kerry.walsh@example.com";
    public const string LeoParentName = "Kerry Walsh";
    public static readonly Guid LeoParentId = new("0dc0ca57-0000-4000-8000-000000000103");

    /// <summary>Ruby Ahmed, Year 9: requested by her school, past 20 weeks with an exception recorded, draft plan just served.</summary>
    public const string RubyFirstName = "Ruby";
    public const string RubyLastName = "Ahmed";
    public static readonly Guid RubyChildId = new("0dc0ca57-0000-4000-8000-000000000205");
    public static readonly Guid RubyCaseId = new("0dc0ca57-0000-4000-8000-000000000304");
    public const int RubyCaseNumber = 45;
    public const string RubyParentEmail = "nadia.ahmed@example.com";
    public const string RubyParentName = "Nadia Ahmed";
    public static readonly Guid RubyParentId = new("0dc0ca57-0000-4000-8000-000000000104");

    // Elected members.
    public const string CouncillorEmail = "margaret.ellis@example.com";
    public const string CouncillorName = "Cllr Margaret Ellis";
    public const string CouncillorWard = "Chapel Allerton";
    public static readonly Guid CouncillorId = new("0dc0ca57-0000-4000-8000-000000000701");

    public const string SecondCouncillorEmail = "tom.hargreaves@example.com";
    public const string SecondCouncillorName = "Cllr Tom Hargreaves";
    public const string SecondCouncillorWard = "Armley";
    public static readonly Guid SecondCouncillorId = new("0dc0ca57-0000-4000-8000-000000000702");

    public const string MpEmail = "rebecca.thornton.mp@example.com";
    public const string MpName = "Rebecca Thornton MP";
    public const string MpConstituency = "Leeds North East";
    public static readonly Guid MpId = new("0dc0ca57-0000-4000-8000-000000000703");

    /// <summary>The caseworker in Rebecca Thornton's constituency office, acting for her on members' enquiries.</summary>
    public const string MpDelegateEmail = "caseworker.thornton@example.com";
    public const string MpDelegateName = "Sophie Lang";
    public static readonly Guid MpDelegateId = new("0dc0ca57-0000-4000-8000-000000000704");

    // Council staff.
    public const string CaseworkerEmail = "daniel.price@example.com";
    public const string CaseworkerName = "Daniel Price";
    public const string CaseworkerTeam = "North East";
    public static readonly Guid CaseworkerId = new("0dc0ca57-0000-4000-8000-000000000801");

    public const string SecondCaseworkerEmail = "fatima.begum@example.com";
    public const string SecondCaseworkerName = "Fatima Begum";
    public const string SecondCaseworkerTeam = "North West";
    public static readonly Guid SecondCaseworkerId = new("0dc0ca57-0000-4000-8000-000000000802");

    public const string ThirdCaseworkerEmail = "chris.walker@example.com";
    public const string ThirdCaseworkerName = "Chris Walker";
    public const string ThirdCaseworkerTeam = "South";
    public static readonly Guid ThirdCaseworkerId = new("0dc0ca57-0000-4000-8000-000000000803");

    public const string ServiceManagerEmail = "janet.robinson@example.com";
    public const string ServiceManagerName = "Janet Robinson";
    public const string ServiceManagerTeam = "SEN Statutory Assessment and Provision";
    public static readonly Guid ServiceManagerId = new("0dc0ca57-0000-4000-8000-000000000901");

    /// <summary>The reference of a cast case: the year the request was received, then the cast's fixed number.</summary>
    public static string CaseReference(DateOnly requestReceivedOn, int caseNumber) =>
        string.Create(CultureInfo.InvariantCulture, $"EHC-{requestReceivedOn.Year}-{caseNumber:D5}");

    /// <summary>Sam's case reference when the data was seeded on <paramref name="today"/>.</summary>
    public static string SamCaseReference(DateOnly today) => CaseReference(today.AddDays(-SamRequestDaysAgo), SamCaseNumber);
}
