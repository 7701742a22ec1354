using System.Globalization;
using System.Text;
using SelfService.Domain.Assessments;
using SelfService.Domain.People;
using SelfService.Domain.Plans;

namespace SelfService.Data.DemoData;

/// <summary>Builds one authority's data: schools, staff, members, then assessment cases, then plans in place.</summary>
internal sealed partial class DemoAuthorityBuilder
{
    private const string IntakeActor = "SEN intake";
    private const string InwardLetters = "ABDEFGHJLNPQRSTUWXYZ";

    private static readonly CultureInfo Invariant = CultureInfo.InvariantCulture;

    // Leeds postcode districts by SEN area team, so a child's team follows from where they live.
    private static readonly Dictionary<string, int[]> LeedsDistrictsByTeam = new()
    {
        ["North East"] = [7, 8, 17],
        ["North West"] = [6, 16, 18, 19, 20, 21],
        ["East"] = [9, 14, 15, 25],
        ["South"] = [10, 11, 26, 27],
        ["West"] = [12, 13, 28],
    };

    private readonly DemoNumbering _numbering;
    private readonly DemoRandom _random;
    private readonly AuthorityProfile _profile;
    private readonly DemoDataChunk _chunk;
    private readonly DateOnly _today;
    /// <summary>Leeds is the first authority at every scale, and home to the cast.</summary>
    private readonly bool _isLeeds;
    private readonly string _slug;
    private readonly string _postcodeArea;
    private readonly string[] _teams;
    private readonly string[] _places;
    private readonly Dictionary<string, List<StaffMember>> _caseworkersByTeam = [];
    private readonly Dictionary<SchoolPhase, List<School>> _schoolsByPhase = [];
    private readonly Dictionary<Guid, string> _teamBySchool = [];
    private readonly Dictionary<Guid, School> _schoolById = [];
    private readonly Dictionary<Guid, string> _teamByChild = [];

    /// <summary>The September that starts the current school year; school years and transfers count from it.</summary>
    private readonly int _academicYear;

    private int _plansInPlace;

    public DemoAuthorityBuilder(DemoDataGenerator generator, int index, DemoNumbering numbering)
    {
        _numbering = numbering;
        _today = generator.Today;
        _random = new DemoRandom(generator.Seed, index);
        _profile = DemoScaleProfiles.For(generator.Scale, index);
        _isLeeds = index == 0;
        var name = _isLeeds ? "Leeds" : DemoNames.OtherAuthorities[(index - 1) % DemoNames.OtherAuthorities.Length].Name;
        _postcodeArea = _isLeeds ? "LS" : DemoNames.OtherAuthorities[(index - 1) % DemoNames.OtherAuthorities.Length].PostcodeArea;
        _slug = Slug(name);
        _teams = _isLeeds ? DemoNames.LeedsTeams : DemoNames.OtherTeams;
        _places = _isLeeds ? DemoNames.LeedsPlaces : DemoNames.GenericPlaces;
        _academicYear = _today.Month >= 9 ? _today.Year : _today.Year - 1;
        _chunk = new DemoDataChunk(name, index);
    }

    public DemoDataChunk Build()
    {
        if (_isLeeds)
        {
            AddCastStaffAndSchools();
        }

        AddStaff();
        AddSchools();
        AddElectedMembers();
        if (_isLeeds)
        {
            AddCastFamilies();
        }

        AddAssessmentRequests();
        AddPlansMadeBeforeTheRecords();
        return _chunk;
    }

    private void AddStaff()
    {
        var generated = _profile.Caseworkers - (_isLeeds ? 3 : 0);
        for (var i = 0; i < generated; i++)
        {
            var team = _teams[i % _teams.Length];
            AddStaffMember(_random.NextGuid(), PersonName(), StaffRole.Caseworker, team);
        }

        foreach (var team in _teams)
        {
            AddStaffMember(_random.NextGuid(), PersonName(), StaffRole.ServiceManager, team);
        }

        if (!_isLeeds)
        {
            AddStaffMember(_random.NextGuid(), PersonName(), StaffRole.ServiceManager, "Head of service");
        }

        AddStaffMember(_random.NextGuid(), PersonName(), StaffRole.Administrator, "Business support");
        AddStaffMember(_random.NextGuid(), PersonName(), StaffRole.Administrator, "Business support");
    }

    private StaffMember AddStaffMember(Guid id, (string First, string Last) name, StaffRole role, string team, string? email = null)
    {
        var staff = new StaffMember(id, $"{name.First} {name.Last}", email ?? GeneratedEmail(name, $"{_slug}.example.org"), role, team);
        staff.SetPhone(string.Create(Invariant, $"0113 378 {_random.Between(1000, 9999)}"));
        _chunk.StaffMembers.Add(staff);
        if (role == StaffRole.Caseworker)
        {
            if (!_caseworkersByTeam.TryGetValue(team, out var list))
            {
                _caseworkersByTeam[team] = list = [];
            }

            list.Add(staff);
        }

        return staff;
    }

    private void AddSchools()
    {
        // Proportions after Leeds's mix: mostly primaries, a secondary for every four, special
        // schools (SILCs) and colleges, a few early years settings and pupil referral units.
        (SchoolPhase Phase, double Share)[] mix =
        [
            (SchoolPhase.EarlyYears, 0.08), (SchoolPhase.Infant, 0.03), (SchoolPhase.Junior, 0.025),
            (SchoolPhase.Middle, _isLeeds ? 0 : 0.01), (SchoolPhase.Secondary, 0.16), (SchoolPhase.AllThrough, 0.015),
            (SchoolPhase.Special, 0.06), (SchoolPhase.PostSixteen, 0.035), (SchoolPhase.AlternativeProvision, 0.015),
        ];
        var toGenerate = _profile.Schools - _chunk.Schools.Count;
        var names = new HashSet<string>(_chunk.Schools.Select(s => s.Name), StringComparer.Ordinal);
        var counts = mix.Select(m => (m.Phase, Count: Math.Max(m.Share > 0 ? 1 : 0, (int)Math.Round(toGenerate * m.Share)))).ToList();
        counts.Add((SchoolPhase.Primary, toGenerate - counts.Sum(c => c.Count)));
        foreach (var (phase, count) in counts)
        {
            for (var i = 0; i < count; i++)
            {
                var team = _teams[_random.Next(0, _teams.Length)];
                string name;
                var attempts = 0;
                do
                {
                    name = SchoolName(phase, team, attempts++);
                }
                while (!names.Add(name));

                AddSchool(new School(_random.NextGuid(), NextUrn(), name, phase, Postcode(team)), team);
            }
        }

        foreach (var school in _chunk.Schools.Where(s => s.Id != DemoCast.PrimarySchoolId && s.Id != DemoCast.SecondarySchoolId))
        {
            AddSchoolContacts(school);
        }
    }

    private void AddSchool(School school, string team)
    {
        _chunk.Schools.Add(school);
        _schoolById[school.Id] = school;
        _teamBySchool[school.Id] = team;
        if (!_schoolsByPhase.TryGetValue(school.Phase, out var list))
        {
            _schoolsByPhase[school.Phase] = list = [];
        }

        list.Add(school);
    }

    private void AddSchoolContacts(School school)
    {
        // Staff leave: some schools' first SENCO has gone, and a successor holds the school's access.
        var name = PersonName();
        var senco = new SchoolContact(_random.NextGuid(), school.Id, $"{name.First} {name.Last}", GeneratedEmail(name, "schools.example.org"), SchoolContactRole.Senco);
        _chunk.SchoolContacts.Add(senco);
        if (_random.Chance(0.1))
        {
            senco.Deactivate();
            var successor = PersonName();
            _chunk.SchoolContacts.Add(new SchoolContact(
                _random.NextGuid(), school.Id, $"{successor.First} {successor.Last}", GeneratedEmail(successor, "schools.example.org"), SchoolContactRole.Senco));
        }

        if (_random.Chance(0.4))
        {
            _chunk.SchoolContacts.Add(new SchoolContact(
                _random.NextGuid(), school.Id, $"SEN team, {school.Name}", string.Create(Invariant, $"senco.{school.Urn}@schools.example.org"), SchoolContactRole.SharedMailbox));
        }
    }

    private string NextUrn()
    {
        int urn;
        if (_isLeeds)
        {
            urn = _numbering.NextLeedsUrn;
            _numbering.NextLeedsUrn += _random.Between(1, 4);
        }
        else
        {
            urn = _numbering.NextOtherUrn;
            _numbering.NextOtherUrn += _random.Between(1, 3);
        }

        return urn.ToString(Invariant);
    }

    private string SchoolName(SchoolPhase phase, string team, int attempt)
    {
        var place = _random.Pick(_places);
        var name = phase switch
        {
            SchoolPhase.EarlyYears => _random.Chance(0.5) ? $"{place} Nursery School" : $"{place} Children's Centre Nursery",
            SchoolPhase.Infant => $"{place} Infant School",
            SchoolPhase.Junior => $"{place} Junior School",
            SchoolPhase.Middle => $"{place} Middle School",
            SchoolPhase.Primary => _random.Next(0, 10) switch
            {
                < 6 => $"{place} Primary School",
                < 8 => $"{place} Church of England Primary School",
                8 => $"{_random.Pick(DemoNames.Saints)} Catholic Primary School, {place}",
                _ => $"{place} Primary Academy",
            },
            SchoolPhase.Secondary => _random.Next(0, 4) switch
            {
                0 => $"{place} High School",
                1 => $"{place} Academy",
                2 => $"{_random.Pick(DemoNames.Saints)} Catholic High School, {place}",
                _ => $"{place} School",
            },
            SchoolPhase.AllThrough => $"{place} All-Through Academy",
            SchoolPhase.Special => _isLeeds && attempt == 0 && _random.Chance(0.5)
                ? $"{team} SILC"
                : $"{place} Specialist Inclusive Learning Centre",
            SchoolPhase.PostSixteen => _random.Chance(0.5) ? $"{place} Sixth Form College" : $"{place} College",
            SchoolPhase.AlternativeProvision => $"{place} Pupil Referral Unit",
            _ => $"{place} School",
        };
        return attempt > 4 ? $"{name} ({_random.Pick(_places)})" : name;
    }

    private void AddElectedMembers()
    {
        if (_isLeeds)
        {
            foreach (var ward in DemoNames.LeedsWards)
            {
                for (var seat = 0; seat < 3; seat++)
                {
                    if (seat == 0 && ward == DemoCast.CouncillorWard)
                    {
                        _chunk.ElectedMembers.Add(new ElectedMember(
                            DemoCast.CouncillorId, ElectedMemberKind.Councillor, DemoCast.CouncillorName, DemoCast.CouncillorEmail, ward, "Labour"));
                    }
                    else if (seat == 0 && ward == DemoCast.SecondCouncillorWard)
                    {
                        _chunk.ElectedMembers.Add(new ElectedMember(
                            DemoCast.SecondCouncillorId, ElectedMemberKind.Councillor, DemoCast.SecondCouncillorName, DemoCast.SecondCouncillorEmail, ward, "Green"));
                    }
                    else
                    {
                        AddCouncillor(ward);
                    }
                }
            }

            foreach (var constituency in DemoNames.LeedsConstituencies)
            {
                if (constituency == DemoCast.MpConstituency)
                {
                    _chunk.ElectedMembers.Add(new ElectedMember(
                        DemoCast.MpId, ElectedMemberKind.MemberOfParliament, DemoCast.MpName, DemoCast.MpEmail, constituency, "Labour"));
                    _chunk.MemberDelegates.Add(new Domain.Enquiries.MemberDelegate(DemoCast.MpDelegateId, DemoCast.MpId, DemoCast.MpDelegateName, DemoCast.MpDelegateEmail));
                }
                else
                {
                    AddMp(constituency);
                }
            }

            return;
        }

        for (var i = 0; i < _profile.Councillors; i++)
        {
            AddCouncillor(_places[i / 3 % _places.Length]);
        }

        for (var i = 0; i < _profile.MembersOfParliament; i++)
        {
            AddMp(string.Create(Invariant, $"{_chunk.AuthorityName} {DemoNames.OtherTeams[i % DemoNames.OtherTeams.Length]}{(i >= DemoNames.OtherTeams.Length ? " and District" : "")}"));
        }
    }

    private void AddCouncillor(string ward)
    {
        var name = PersonName();
        _chunk.ElectedMembers.Add(new ElectedMember(
            _random.NextGuid(), ElectedMemberKind.Councillor, $"Cllr {name.First} {name.Last}",
            GeneratedEmail(name, $"members.{_slug}.example.org"), ward, _random.Pick(DemoNames.Parties)));
    }

    private void AddMp(string constituency)
    {
        var name = PersonName();
        _chunk.ElectedMembers.Add(new ElectedMember(
            _random.NextGuid(), ElectedMemberKind.MemberOfParliament, $"{name.First} {name.Last} MP",
            GeneratedEmail(name, "parliament.example.org"), constituency, _random.Pick(DemoNames.Parties)));
    }

    // ---- people -------------------------------------------------------------------------

    private (string First, string Last) PersonName() => (_random.Pick(DemoNames.AdultFirstNames), _random.Pick(DemoNames.Surnames));

    private string GeneratedEmail((string First, string Last) name, string domain)
    {
        var number = _numbering.NextPersonNumber++;
        return string.Create(Invariant, $"{Slug(name.First)}.{Slug(name.Last)}.{number}@{domain}");
    }

    private string Postcode(string team)
    {
        var district = _isLeeds && LeedsDistrictsByTeam.TryGetValue(team, out var districts)
            ? _random.Pick(districts)
            : _random.Between(1, 29);
        return string.Create(
            Invariant,
            $"{_postcodeArea}{district} {_random.Between(1, 9)}{InwardLetters[_random.Next(0, InwardLetters.Length)]}{InwardLetters[_random.Next(0, InwardLetters.Length)]}");
    }

    private Child AddChild(DateOnly dateOfBirth, string team)
    {
        var child = new Child(_random.NextGuid(), _random.Pick(DemoNames.ChildFirstNames), _random.Pick(DemoNames.Surnames), dateOfBirth, Postcode(team));
        _chunk.Children.Add(child);
        _teamByChild[child.Id] = team;
        AddParents(child);
        return child;
    }

    private void AddParents(Child child)
    {
        var firstName = _random.Pick(DemoNames.AdultFirstNames);
        var first = new ParentCarer(
            _random.NextGuid(), firstName, child.LastName, GeneratedEmail((firstName, child.LastName), "example.org"), child.Postcode);
        if (_random.Chance(0.8))
        {
            first.SetPhone(string.Create(Invariant, $"07{_random.Between(700, 999)} {_random.Between(100000, 999999)}"));
        }

        var relationship = _random.Next(0, 100) switch
        {
            < 74 => ParentRelationship.Mother,
            < 92 => ParentRelationship.Father,
            < 95 => ParentRelationship.FosterCarer,
            < 98 => ParentRelationship.Guardian,
            _ => ParentRelationship.Carer,
        };
        _chunk.ParentCarers.Add(first);
        _chunk.ChildParents.Add(new ChildParent(child.Id, first.Id, relationship, relationship != ParentRelationship.FosterCarer));

        if (relationship is ParentRelationship.Mother or ParentRelationship.Father && _random.Chance(0.55))
        {
            var secondLast = _random.Chance(0.8) ? child.LastName : _random.Pick(DemoNames.Surnames);
            var secondFirst = _random.Pick(DemoNames.AdultFirstNames);
            var second = new ParentCarer(
                _random.NextGuid(), secondFirst, secondLast, GeneratedEmail((secondFirst, secondLast), "example.org"), child.Postcode);
            _chunk.ParentCarers.Add(second);
            var secondRelationship = relationship == ParentRelationship.Mother ? ParentRelationship.Father : ParentRelationship.Mother;
            _chunk.ChildParents.Add(new ChildParent(child.Id, second.Id, secondRelationship, true));
        }
    }

    /// <summary>The school year (Reception = 0) a child is in during the school year starting in September of <paramref name="academicYear"/>.</summary>
    private static int SchoolYear(DateOnly dateOfBirth, int academicYear)
    {
        // Children born September to August start Reception together, the September after they turn four.
        var cohort = dateOfBirth.Month >= 9 ? dateOfBirth.Year + 1 : dateOfBirth.Year;
        return academicYear - cohort - 4;
    }

    private School? ChooseSchool(Child child, string team, bool hasPlan)
    {
        var year = SchoolYear(child.DateOfBirth, _academicYear);
        var age = child.AgeOn(_today);
        if (hasPlan && year is >= 0 and <= 13)
        {
            // About four in ten children with plans are in special schools (DfE SEN in England).
            var roll = _random.NextDouble();
            if (roll < 0.38)
            {
                return PickSchool(SchoolPhase.Special, team);
            }

            if (roll < 0.40)
            {
                return PickSchool(SchoolPhase.AlternativeProvision, team);
            }
        }

        SchoolPhase? phase = year switch
        {
            < 0 => age >= 2 && _random.Chance(0.7) ? SchoolPhase.EarlyYears : null,
            <= 2 => _random.Chance(0.85) ? SchoolPhase.Primary : SchoolPhase.Infant,
            <= 6 => _random.Chance(0.85) ? SchoolPhase.Primary : SchoolPhase.Junior,
            <= 11 => _random.Chance(0.93) ? SchoolPhase.Secondary : SchoolPhase.AllThrough,
            <= 13 => _random.Chance(0.5) ? SchoolPhase.Secondary : SchoolPhase.PostSixteen,
            _ => age <= 24 && _random.Chance(0.55) ? SchoolPhase.PostSixteen : null,
        };
        return phase is { } p ? PickSchool(p, team) ?? PickSchool(FallbackPhase(p), team) : null;
    }

    private static SchoolPhase FallbackPhase(SchoolPhase phase) => phase switch
    {
        SchoolPhase.Infant or SchoolPhase.Junior or SchoolPhase.EarlyYears => SchoolPhase.Primary,
        _ => SchoolPhase.Secondary,
    };

    private School? PickSchool(SchoolPhase phase, string team)
    {
        if (!_schoolsByPhase.TryGetValue(phase, out var schools) || schools.Count == 0)
        {
            return null;
        }

        // Most children go to a school near home: try the home team's area first.
        if (_random.Chance(0.75))
        {
            for (var attempt = 0; attempt < 6; attempt++)
            {
                var candidate = _random.Pick(schools);
                if (_teamBySchool[candidate.Id] == team)
                {
                    return candidate;
                }
            }
        }

        return _random.Pick(schools);
    }

    private StaffMember? CaseworkerFor(string team) =>
        _caseworkersByTeam.TryGetValue(team, out var list) && list.Count > 0 ? _random.Pick(list) : null;

    private Recording RecordedBy(string by, DateOnly on) =>
        new(by, on.ToDateTime(new TimeOnly(_random.Between(8, 17), _random.Between(0, 59)), DateTimeKind.Utc));

    private static string Slug(string text)
    {
        var builder = new StringBuilder(text.Length);
        foreach (var c in text.Normalize(NormalizationForm.FormD))
        {
            if (char.IsAsciiLetterOrDigit(c))
            {
                builder.Append(char.ToLowerInvariant(c));
            }
            else if (c is ' ' or '-' && builder.Length > 0 && builder[^1] != '-')
            {
                builder.Append('-');
            }
        }

        return builder.ToString().Trim('-');
    }
}
