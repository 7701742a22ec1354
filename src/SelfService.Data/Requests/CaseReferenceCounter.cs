namespace SelfService.Data.Requests;

/// <summary>The last case number given out in a year; one row per year, bumped inside the transaction that opens the case.</summary>
public sealed class CaseReferenceCounter
{
    public CaseReferenceCounter(int year, int lastNumber)
    {
        Year = year;
        LastNumber = lastNumber;
    }

    public int Year { get; private set; }

    public int LastNumber { get; private set; }
}
