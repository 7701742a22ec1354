using SelfService.Domain.Requests;

namespace SelfService.Domain.Enquiries;

/// <summary>The constituent's consent as checked.</summary>
public sealed record EnquiryConsentAnswer(string GivenBy, EnquiryConsentMethod Method, DateOnly GivenOn);

/// <summary>A members' enquiry as checked, ready to log.</summary>
/// <param name="Consent">Null when the constituent has not consented: the reply is general information only.</param>
public sealed record EnquiryAnswers(
    string ChildFirstName,
    string ChildLastName,
    DateOnly ChildDateOfBirth,
    string ParentName,
    string Postcode,
    string? CaseReference,
    string Concern,
    EnquiryCategory Category,
    EnquiryConsentAnswer? Consent);

/// <summary>What the member typed, unchecked; field names are the form's.</summary>
public sealed record EnquiryInput(
    string? ChildFirstName,
    string? ChildLastName,
    DateParts ChildDateOfBirth,
    string? ParentName,
    string? Postcode,
    string? CaseReference,
    string? Concern,
    string? Category,
    string? HasConsent,
    string? ConsentGivenBy,
    string? ConsentMethod,
    DateParts ConsentGivenOn);

/// <summary>Checks an enquiry, naming every mistake in the GOV.UK design system's words.</summary>
public static class EnquiryQuestions
{
    public const int ConcernMaxLength = 5000;

    public const int CaseReferenceMaxLength = 30;

    public static Checked<EnquiryAnswers> Check(EnquiryInput input, DateOnly today)
    {
        ArgumentNullException.ThrowIfNull(input);
        var errors = new List<FieldError>();
        var first = Name(input.ChildFirstName, nameof(input.ChildFirstName), "the child's first name", errors);
        var last = Name(input.ChildLastName, nameof(input.ChildLastName), "the child's last name", errors);

        var (dateOfBirth, dobError) = AnswerFormats.ReadDate(nameof(input.ChildDateOfBirth), "Date of birth", input.ChildDateOfBirth);
        if (dobError is not null)
        {
            errors.Add(dobError);
        }
        else if (dateOfBirth >= today)
        {
            errors.Add(new(nameof(input.ChildDateOfBirth) + ".Day", "Date of birth must be in the past"));
        }
        else if (RequestQuestions.AgeOn(dateOfBirth!.Value, today) > 25)
        {
            errors.Add(new(nameof(input.ChildDateOfBirth) + ".Day", "The child or young person must be aged 25 or under"));
        }

        var parent = Name(input.ParentName, nameof(input.ParentName), "the parent or carer's name", errors);

        var postcode = AnswerFormats.NormalisePostcode(input.Postcode);
        if (AnswerFormats.Tidy(input.Postcode) is null)
        {
            errors.Add(new(nameof(input.Postcode), "Enter the family's postcode"));
        }
        else if (postcode is null)
        {
            errors.Add(new(nameof(input.Postcode), "Enter a real postcode, like LS1 1UR"));
        }

        var reference = AnswerFormats.Tidy(input.CaseReference)?.ToUpperInvariant();
        if (reference is { Length: > CaseReferenceMaxLength })
        {
            errors.Add(new(nameof(input.CaseReference), $"Case reference must be {CaseReferenceMaxLength} characters or fewer"));
        }

        var concern = AnswerFormats.TidyLong(input.Concern);
        if (concern is null)
        {
            errors.Add(new(nameof(input.Concern), "Enter what the constituent is worried about"));
        }
        else if (concern.Length > ConcernMaxLength)
        {
            errors.Add(new(nameof(input.Concern), $"What the constituent is worried about must be {ConcernMaxLength} characters or fewer"));
        }

        if (!Enum.TryParse<EnquiryCategory>(input.Category, ignoreCase: false, out var category) || !Enum.IsDefined(category))
        {
            errors.Add(new(nameof(input.Category), "Select what the enquiry is about"));
        }

        var consent = CheckConsent(input, today, errors);

        return errors.Count > 0
            ? Checked.Invalid<EnquiryAnswers>(errors)
            : Checked.Valid(new EnquiryAnswers(first!, last!, dateOfBirth!.Value, parent!, postcode!, reference, concern!, category, consent));
    }

    private static EnquiryConsentAnswer? CheckConsent(EnquiryInput input, DateOnly today, List<FieldError> errors)
    {
        switch (input.HasConsent)
        {
            case "yes":
                break;
            case "no":
                return null;
            default:
                errors.Add(new(nameof(input.HasConsent), "Select whether the constituent has given consent to share their case with you"));
                return null;
        }

        var givenBy = Name(input.ConsentGivenBy, nameof(input.ConsentGivenBy), "the name of the person who gave consent", errors);
        if (!Enum.TryParse<EnquiryConsentMethod>(input.ConsentMethod, ignoreCase: false, out var method) || !Enum.IsDefined(method))
        {
            errors.Add(new(nameof(input.ConsentMethod), "Select how consent was given"));
        }

        var (givenOn, dateError) = AnswerFormats.ReadDate(nameof(input.ConsentGivenOn), "Date consent was given", input.ConsentGivenOn);
        if (dateError is not null)
        {
            errors.Add(dateError);
        }
        else if (givenOn > today)
        {
            errors.Add(new(nameof(input.ConsentGivenOn) + ".Day", "Date consent was given must be today or in the past"));
        }

        return givenBy is null || dateError is not null ? null : new EnquiryConsentAnswer(givenBy, method, givenOn!.Value);
    }

    private static string? Name(string? text, string field, string what, List<FieldError> errors)
    {
        var name = AnswerFormats.Tidy(text);
        if (name is null)
        {
            errors.Add(new(field, $"Enter {what}"));
            return null;
        }

        if (name.Length > AnswerFormats.NameMaxLength || !AnswerFormats.IsName(name))
        {
            errors.Add(new(field, $"{Capitalise(what)} must only include letters, spaces, hyphens and apostrophes"));
            return null;
        }

        return name;
    }

    private static string Capitalise(string text)
    {
        var trimmed = text.StartsWith("the ", StringComparison.Ordinal) ? text[4..] : text;
        return char.ToUpperInvariant(trimmed[0]) + trimmed[1..];
    }
}
