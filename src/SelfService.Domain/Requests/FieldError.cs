namespace SelfService.Domain.Requests;

/// <summary>A mistake in one field of a question, in words to show beside it.</summary>
/// <param name="Field">The form field's name, so the page can link the error summary to it.</param>
public sealed record FieldError(string Field, string Message);

/// <summary>A question's answer once checked: either the answer or every mistake in it.</summary>
public sealed class Checked<T>
    where T : class
{
    internal Checked(T? value, IReadOnlyList<FieldError> errors)
    {
        Value = value;
        Errors = errors;
    }

    public T? Value { get; }

    public IReadOnlyList<FieldError> Errors { get; }

    public bool IsValid => Errors.Count == 0;
}

public static class Checked
{
    public static Checked<T> Valid<T>(T value)
        where T : class => new(value, []);

    public static Checked<T> Invalid<T>(IReadOnlyList<FieldError> errors)
        where T : class
    {
        ArgumentNullException.ThrowIfNull(errors);
        return errors.Count == 0 ? throw new ArgumentException("An invalid answer has at least one error.", nameof(errors)) : new(null, errors);
    }
}
