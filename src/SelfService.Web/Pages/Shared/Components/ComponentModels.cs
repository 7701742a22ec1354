using SelfService.Domain.Requests;

namespace SelfService.Web.Pages.Components;

/// <summary>
/// Models for the GOV.UK component partials in this folder. Field names are the form's names
/// (<c>Parents[0].Email</c>, <c>DateOfBirth.Day</c>); ids are derived from them so the error
/// summary's links land on the input.
/// </summary>
public static class FieldIds
{
    public static string For(string field)
    {
        ArgumentNullException.ThrowIfNull(field);
        return field.Replace("].", "-", StringComparison.Ordinal).Replace('[', '-').Replace(']', '-').Replace('.', '-');
    }
}

public sealed record TextInputModel(string Name, string Label, string? Value)
{
    public string? Hint { get; init; }

    public string? Error { get; init; }

    /// <summary>A GOV.UK width class such as <c>govuk-input--width-10</c>.</summary>
    public string? WidthClass { get; init; }

    public string Type { get; init; } = "text";

    public string? Autocomplete { get; init; }

    public string? InputMode { get; init; }

    public bool Spellcheck { get; init; } = true;

    public bool IsPageHeading { get; init; }

    /// <summary>Bold label without being the page heading.</summary>
    public bool BoldLabel { get; init; }
}

public sealed record TextareaModel(string Name, string Label, string? Value)
{
    public string? Hint { get; init; }

    public string? Error { get; init; }

    /// <summary>Shows a GOV.UK character count (works without JavaScript as a hint).</summary>
    public int? MaxLength { get; init; }

    public int Rows { get; init; } = 8;

    public bool IsPageHeading { get; init; }
}

public sealed record DateInputModel(string Name, string Legend, DateParts Value)
{
    public string? Hint { get; init; }

    public string? Error { get; init; }

    public bool IsPageHeading { get; init; }

    public bool BirthDate { get; init; }
}

public sealed record ChoiceOption(string Value, string Text, string? Hint = null);

public sealed record RadiosModel(string Name, string Legend, IReadOnlyList<ChoiceOption> Options, string? Selected)
{
    public string? Hint { get; init; }

    public string? Error { get; init; }

    public bool IsPageHeading { get; init; }

    public bool Inline { get; init; }
}

public sealed record CheckboxesModel(string Name, string Legend, IReadOnlyList<ChoiceOption> Options, IReadOnlyCollection<string> Selected)
{
    public string? Hint { get; init; }

    public string? Error { get; init; }

    public bool IsPageHeading { get; init; }
}

public sealed record FileUploadModel(string Name, string Label, string Accept)
{
    public string? Hint { get; init; }

    public string? Error { get; init; }
}

public sealed record TaskListItem(string Name, string? Href, RequestTaskStatus Status);

public sealed record TaskListModel(IReadOnlyList<TaskListItem> Items, string IdPrefix);

/// <param name="ChangeText">Visually hidden words after "Change", naming what changes, e.g. "date of birth".</param>
public sealed record CheckAnswersRow(string Key, string Value, string? ChangeHref, string ChangeText);

public static class TaskStatusText
{
    public static string For(RequestTaskStatus status) => status switch
    {
        RequestTaskStatus.Completed => "Completed",
        RequestTaskStatus.InProgress => "In progress",
        RequestTaskStatus.CannotStartYet => "Cannot start yet",
        _ => "Not yet started",
    };
}
