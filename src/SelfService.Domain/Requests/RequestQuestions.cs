using System.Globalization;
using SelfService.Domain.Assessments;
using SelfService.Domain.People;

namespace SelfService.Domain.Requests;

public sealed record ChildInput(string? FirstName, string? LastName, string? KnownAs, DateParts DateOfBirth, string? Postcode);

public sealed record ParentInput(string? FirstName, string? LastName, string? Relationship, string? Email, string? Phone, bool IsRequester);

public sealed record ProfessionalInput(string? Name, string? Role, string? Organisation, string? Email);

/// <summary>
/// The checks for each question of the request, one method per page. Field names in the errors
/// are the form's own, so a page can link its error summary to the inputs.
/// </summary>
public static class RequestQuestions
{
    /// <summary>The oldest a young person can be and still have an EHC plan (CFA s46: to 25).</summary>
    public const int MaxAge = 25;

    /// <summary>From 16 the young person holds the right to ask for themselves (CFA s36(1)).</summary>
    public const int YoungPersonFromAge = 16;

    public const int MaxParents = 4;

    public const int MaxProfessionals = 20;

    /// <param name="viewerSchools">The schools the signed-in account acts for; a school request must be from one of them.</param>
    public static Checked<WhoIsAskingAnswer> CheckWhoIsAsking(string? requester, string? schoolId, IReadOnlyDictionary<Guid, string> viewerSchools)
    {
        ArgumentNullException.ThrowIfNull(viewerSchools);
        if (!Enum.TryParse<Requester>(requester, ignoreCase: false, out var who) || !Enum.IsDefined(who))
        {
            return Fail("Requester", "Select who is asking for the assessment");
        }

        if (who != Requester.SchoolWithParentalConsent)
        {
            return Checked.Valid(new WhoIsAskingAnswer(who, null, null));
        }

        if (viewerSchools.Count == 0)
        {
            return Fail("Requester", "You can only ask as a school or setting if the SEND team has you as a contact for that school");
        }

        if (viewerSchools.Count == 1)
        {
            var only = viewerSchools.Single();
            return Checked.Valid(new WhoIsAskingAnswer(who, only.Key, only.Value));
        }

        if (!Guid.TryParse(schoolId, out var id) || !viewerSchools.TryGetValue(id, out var name))
        {
            return Fail("SchoolId", "Select the school or setting you are asking for");
        }

        return Checked.Valid(new WhoIsAskingAnswer(who, id, name));
    }

    public static Checked<ConsentAnswer> CheckConsent(string? givenBy, string? method, DateParts givenOn, DateOnly today)
    {
        var errors = new List<FieldError>();
        var name = AnswerFormats.Tidy(givenBy);
        if (name is null)
        {
            errors.Add(new("GivenBy", "Enter the name of the person who gave consent"));
        }
        else if (name.Length > AnswerFormats.NameMaxLength || !AnswerFormats.IsName(name))
        {
            errors.Add(new("GivenBy", "Name of the person who gave consent must only include letters, spaces, hyphens and apostrophes"));
        }

        if (!Enum.TryParse<ConsentMethod>(method, ignoreCase: false, out var how) || !Enum.IsDefined(how))
        {
            errors.Add(new("Method", "Select how consent was given"));
        }

        var (date, dateError) = AnswerFormats.ReadDate("GivenOn", "Date consent was given", givenOn);
        if (dateError is not null)
        {
            errors.Add(dateError);
        }
        else if (date > today)
        {
            errors.Add(new("GivenOn.Day", "Date consent was given must be today or in the past"));
        }

        return errors.Count > 0
            ? Checked.Invalid<ConsentAnswer>(errors)
            : Checked.Valid(new ConsentAnswer(name!, how, date!.Value));
    }

    public static Checked<ChildAnswer> CheckChild(ChildInput input, Requester requester, DateOnly today, Guid? existingChildId = null)
    {
        ArgumentNullException.ThrowIfNull(input);
        var errors = new List<FieldError>();
        var first = CheckName(input.FirstName, "FirstName", "first name", errors);
        var last = CheckName(input.LastName, "LastName", "last name", errors);
        var knownAs = AnswerFormats.Tidy(input.KnownAs);
        if (knownAs is not null && (knownAs.Length > AnswerFormats.NameMaxLength || !AnswerFormats.IsName(knownAs)))
        {
            errors.Add(new("KnownAs", "Name they are known by must only include letters, spaces, hyphens and apostrophes"));
        }

        var (dateOfBirth, dateError) = AnswerFormats.ReadDate("DateOfBirth", "Date of birth", input.DateOfBirth);
        if (dateError is not null)
        {
            errors.Add(dateError);
        }
        else if (dateOfBirth >= today)
        {
            errors.Add(new("DateOfBirth.Day", "Date of birth must be in the past"));
        }
        else
        {
            var age = AgeOn(dateOfBirth!.Value, today);
            if (age > MaxAge)
            {
                errors.Add(new("DateOfBirth.Day", $"An EHC needs assessment is for children and young people aged {MaxAge} or under"));
            }
            else if (requester == Requester.YoungPerson && age < YoungPersonFromAge)
            {
                errors.Add(new("DateOfBirth.Day", $"You can only ask for yourself if you are aged {YoungPersonFromAge} to {MaxAge}. If you are under {YoungPersonFromAge}, your parent or carer can ask"));
            }
        }

        var postcode = AnswerFormats.NormalisePostcode(input.Postcode);
        if (AnswerFormats.Tidy(input.Postcode) is null)
        {
            errors.Add(new("Postcode", "Enter a postcode"));
        }
        else if (postcode is null)
        {
            errors.Add(new("Postcode", "Enter a real postcode, like LS1 1UR"));
        }

        return errors.Count > 0
            ? Checked.Invalid<ChildAnswer>(errors)
            : Checked.Valid(new ChildAnswer(existingChildId, first!, last!, knownAs, dateOfBirth!.Value, postcode!));
    }

    /// <param name="child">The child's answer if given: under 16, a child must have a parent or carer named.</param>
    public static Checked<ParentsAnswerList> CheckParents(IReadOnlyList<ParentInput> inputs, Requester requester, ChildAnswer? child, DateOnly today)
    {
        ArgumentNullException.ThrowIfNull(inputs);
        var errors = new List<FieldError>();
        var parents = new List<ParentAnswer>();
        var rows = inputs.Where(p => p.IsRequester || !IsBlank(p)).ToList();
        for (var i = 0; i < rows.Count; i++)
        {
            var input = rows[i];
            var prefix = string.Create(CultureInfo.InvariantCulture, $"Parents[{i}].");
            var rowErrors = new List<FieldError>();
            var first = CheckName(input.FirstName, prefix + "FirstName", "first name", rowErrors);
            var last = CheckName(input.LastName, prefix + "LastName", "last name", rowErrors);
            if (!Enum.TryParse<ParentRelationship>(input.Relationship, ignoreCase: false, out var relationship) || !Enum.IsDefined(relationship))
            {
                rowErrors.Add(new(prefix + "Relationship", "Select their relationship to the child"));
            }

            var email = AnswerFormats.Tidy(input.Email);
            if (email is not null && !AnswerFormats.IsEmail(email))
            {
                rowErrors.Add(new(prefix + "Email", "Enter an email address in the correct format, like name@example.com"));
            }
            else if (email is null && requester == Requester.SchoolWithParentalConsent)
            {
                // The family must hear from the council and be able to follow the case themselves.
                rowErrors.Add(new(prefix + "Email", "Enter the parent or carer's email address so we can tell them about the request"));
            }

            var phone = AnswerFormats.Tidy(input.Phone);
            if (phone is not null && (phone.Length > 20 || !phone.All(c => char.IsAsciiDigit(c) || c is ' ' or '+' or '(' or ')' or '-')))
            {
                rowErrors.Add(new(prefix + "Phone", "Enter a telephone number, like 0113 496 0000 or +44 113 496 0000"));
            }

            errors.AddRange(rowErrors);
            if (rowErrors.Count == 0)
            {
                parents.Add(new ParentAnswer(first!, last!, relationship, email is null ? null : AnswerFormats.NormaliseEmail(email), phone, input.IsRequester));
            }
        }

        if (rows.Count > MaxParents)
        {
            errors.Add(new("Parents", $"You can add up to {MaxParents} parents or carers"));
        }

        var isChild = child is null || child.AgeOn(today) < YoungPersonFromAge;
        if (errors.Count == 0 && rows.Count == 0 && (requester != Requester.YoungPerson || isChild))
        {
            errors.Add(new("Parents[0].FirstName", "Enter the details of at least one parent or carer"));
        }

        return errors.Count > 0
            ? Checked.Invalid<ParentsAnswerList>(errors)
            : Checked.Valid(new ParentsAnswerList(parents));
    }

    public static Checked<SchoolAnswer> CheckSchool(string? attends, string? name, string? urn, Func<string, (Guid Id, string Name)?> findByUrn)
    {
        ArgumentNullException.ThrowIfNull(findByUrn);
        if (attends is not ("yes" or "no"))
        {
            return Fail<SchoolAnswer>("Attends", "Select yes if the child or young person goes to a school, college or setting");
        }

        if (attends == "no")
        {
            return Checked.Valid(new SchoolAnswer(false, null, null, null));
        }

        var errors = new List<FieldError>();
        var tidyName = AnswerFormats.Tidy(name);
        var tidyUrn = AnswerFormats.Tidy(urn);
        if (tidyName is null)
        {
            errors.Add(new("SchoolName", "Enter the name of the school, college or setting"));
        }
        else if (tidyName.Length > AnswerFormats.ShortTextMaxLength)
        {
            errors.Add(new("SchoolName", $"Name of the school, college or setting must be {AnswerFormats.ShortTextMaxLength} characters or fewer"));
        }

        (Guid Id, string Name)? known = null;
        if (tidyUrn is not null)
        {
            if (tidyUrn.Length is < 6 or > 7 || !tidyUrn.All(char.IsAsciiDigit))
            {
                errors.Add(new("Urn", "Unique reference number (URN) must be 6 or 7 numbers"));
            }
            else
            {
                known = findByUrn(tidyUrn);
            }
        }

        return errors.Count > 0
            ? Checked.Invalid<SchoolAnswer>(errors)
            : Checked.Valid(new SchoolAnswer(true, known?.Name ?? tidyName, tidyUrn, known?.Id));
    }

    public static Checked<NeedsAnswer> CheckNeeds(IEnumerable<string> areas, string? description)
    {
        ArgumentNullException.ThrowIfNull(areas);
        var errors = new List<FieldError>();
        var chosen = new List<NeedArea>();
        foreach (var area in areas)
        {
            if (Enum.TryParse<NeedArea>(area, ignoreCase: false, out var parsed) && Enum.IsDefined(parsed) && !chosen.Contains(parsed))
            {
                chosen.Add(parsed);
            }
        }

        if (chosen.Count == 0)
        {
            errors.Add(new("Areas", "Select at least one area of need"));
        }

        var text = LongText(description, "Description", "Describe the child or young person's needs", "Description of needs", errors);
        return errors.Count > 0
            ? Checked.Invalid<NeedsAnswer>(errors)
            : Checked.Valid(new NeedsAnswer(chosen, text!));
    }

    public static Checked<SupportHistoryAnswer> CheckSupportHistory(string? hadSupport, string? cycles, string? whatWasTried, string? whatHappened, Requester requester)
    {
        if (hadSupport is not ("yes" or "no"))
        {
            return Fail<SupportHistoryAnswer>("HadSenSupport", "Select yes if the child or young person has had SEN support");
        }

        if (hadSupport == "no")
        {
            if (requester == Requester.SchoolWithParentalConsent)
            {
                // A school asks after its own support has not been enough (CoP 9.14): it must show what it did.
                return Fail<SupportHistoryAnswer>("HadSenSupport", "A school or setting must describe the SEN support it has given before asking for an assessment");
            }

            return Checked.Valid(new SupportHistoryAnswer(false, null, null, null));
        }

        var errors = new List<FieldError>();
        int? count = null;
        var tidyCycles = AnswerFormats.Tidy(cycles);
        if (tidyCycles is null)
        {
            errors.Add(new("Cycles", "Enter how many assess, plan, do, review cycles there have been"));
        }
        else if (!int.TryParse(tidyCycles, NumberStyles.None, CultureInfo.InvariantCulture, out var n) || n > 100)
        {
            errors.Add(new("Cycles", "Number of cycles must be a whole number, like 3"));
        }
        else
        {
            count = n;
        }

        var tried = LongText(whatWasTried, "WhatWasTried", "Describe the support that has been tried", "Support that has been tried", errors);
        var happened = LongText(whatHappened, "WhatHappened", "Describe what happened when the support was reviewed", "What happened at review", errors);
        return errors.Count > 0
            ? Checked.Invalid<SupportHistoryAnswer>(errors)
            : Checked.Valid(new SupportHistoryAnswer(true, count, tried, happened));
    }

    public static Checked<ViewsAnswer> CheckViews(string? childViews, string? familyViews)
    {
        var errors = new List<FieldError>();
        var child = LongText(childViews, "ChildViews", "Enter the child or young person's views", "Child or young person's views", errors);
        var family = AnswerFormats.TidyLong(familyViews);
        if (family is not null && family.Length > AnswerFormats.LongTextMaxLength)
        {
            errors.Add(new("FamilyViews", $"Family's views must be {AnswerFormats.LongTextMaxLength} characters or fewer"));
        }

        return errors.Count > 0
            ? Checked.Invalid<ViewsAnswer>(errors)
            : Checked.Valid(new ViewsAnswer(child!, family));
    }

    public static Checked<ProfessionalsAnswerList> CheckProfessionals(IReadOnlyList<ProfessionalInput> inputs)
    {
        ArgumentNullException.ThrowIfNull(inputs);
        var errors = new List<FieldError>();
        var professionals = new List<ProfessionalAnswer>();
        var rows = inputs.Where(p => !IsBlank(p)).ToList();
        for (var i = 0; i < rows.Count; i++)
        {
            var input = rows[i];
            var prefix = string.Create(CultureInfo.InvariantCulture, $"Professionals[{i}].");
            var rowErrors = new List<FieldError>();
            var name = AnswerFormats.Tidy(input.Name);
            if (name is null)
            {
                rowErrors.Add(new(prefix + "Name", "Enter the professional's name"));
            }
            else if (name.Length > AnswerFormats.ShortTextMaxLength)
            {
                rowErrors.Add(new(prefix + "Name", $"Name must be {AnswerFormats.ShortTextMaxLength} characters or fewer"));
            }

            var role = AnswerFormats.Tidy(input.Role);
            if (role is null)
            {
                rowErrors.Add(new(prefix + "Role", "Enter the professional's role, like speech and language therapist"));
            }
            else if (role.Length > AnswerFormats.ShortTextMaxLength)
            {
                rowErrors.Add(new(prefix + "Role", $"Role must be {AnswerFormats.ShortTextMaxLength} characters or fewer"));
            }

            var organisation = AnswerFormats.Tidy(input.Organisation);
            if (organisation is not null && organisation.Length > AnswerFormats.ShortTextMaxLength)
            {
                rowErrors.Add(new(prefix + "Organisation", $"Organisation must be {AnswerFormats.ShortTextMaxLength} characters or fewer"));
            }

            var email = AnswerFormats.Tidy(input.Email);
            if (email is not null && !AnswerFormats.IsEmail(email))
            {
                rowErrors.Add(new(prefix + "Email", "Enter an email address in the correct format, like name@example.com"));
            }

            errors.AddRange(rowErrors);
            if (rowErrors.Count == 0)
            {
                professionals.Add(new ProfessionalAnswer(name!, role!, organisation, email is null ? null : AnswerFormats.NormaliseEmail(email)));
            }
        }

        if (rows.Count > MaxProfessionals)
        {
            errors.Add(new("Professionals", $"You can add up to {MaxProfessionals} professionals"));
        }

        return errors.Count > 0
            ? Checked.Invalid<ProfessionalsAnswerList>(errors)
            : Checked.Valid(new ProfessionalsAnswerList(professionals));
    }

    public static Checked<DeclarationAnswer> CheckDeclaration(bool confirmed, DateTime nowUtc) =>
        confirmed
            ? Checked.Valid(new DeclarationAnswer(true, nowUtc))
            : Fail<DeclarationAnswer>("Confirmed", "Confirm that the information you have given is correct");

    public static int AgeOn(DateOnly dateOfBirth, DateOnly date)
    {
        var age = date.Year - dateOfBirth.Year;
        return dateOfBirth.AddYears(age) > date ? age - 1 : age;
    }

    private static string? CheckName(string? value, string field, string what, List<FieldError> errors)
    {
        var name = AnswerFormats.Tidy(value);
        if (name is null)
        {
            errors.Add(new(field, $"Enter a {what}"));
            return null;
        }

        if (name.Length > AnswerFormats.NameMaxLength)
        {
            errors.Add(new(field, $"{Capitalise(what)} must be {AnswerFormats.NameMaxLength} characters or fewer"));
            return null;
        }

        if (!AnswerFormats.IsName(name))
        {
            errors.Add(new(field, $"{Capitalise(what)} must only include letters, spaces, hyphens and apostrophes"));
            return null;
        }

        return name;
    }

    private static string? LongText(string? value, string field, string missing, string label, List<FieldError> errors)
    {
        var text = AnswerFormats.TidyLong(value);
        if (text is null)
        {
            errors.Add(new(field, missing));
            return null;
        }

        if (text.Length > AnswerFormats.LongTextMaxLength)
        {
            errors.Add(new(field, $"{label} must be {AnswerFormats.LongTextMaxLength} characters or fewer"));
            return null;
        }

        return text;
    }

    private static string Capitalise(string text) => char.ToUpperInvariant(text[0]) + text[1..];

    private static bool IsBlank(ParentInput p) =>
        AnswerFormats.Tidy(p.FirstName) is null && AnswerFormats.Tidy(p.LastName) is null && AnswerFormats.Tidy(p.Email) is null
        && AnswerFormats.Tidy(p.Phone) is null && string.IsNullOrEmpty(p.Relationship);

    private static bool IsBlank(ProfessionalInput p) =>
        AnswerFormats.Tidy(p.Name) is null && AnswerFormats.Tidy(p.Role) is null && AnswerFormats.Tidy(p.Organisation) is null && AnswerFormats.Tidy(p.Email) is null;

    private static Checked<WhoIsAskingAnswer> Fail(string field, string message) => Fail<WhoIsAskingAnswer>(field, message);

    private static Checked<T> Fail<T>(string field, string message)
        where T : class => Checked.Invalid<T>([new FieldError(field, message)]);
}

/// <summary>A checked list of parents (a class so it fits <see cref="Checked{T}"/>).</summary>
public sealed record ParentsAnswerList(IReadOnlyList<ParentAnswer> Parents);

public sealed record ProfessionalsAnswerList(IReadOnlyList<ProfessionalAnswer> Professionals);
