namespace SelfService.Domain.Calendar;

public sealed record BankHoliday(DateOnly Date, string Title);
