using System.Runtime.InteropServices;

namespace SelfService.Benchmarks;

/// <summary>What the hosted-app benchmarks say about the machine, and how they replace their marked section of the report.</summary>
internal static class Report
{
    public static string Machine => $"{Environment.ProcessorCount} cores, {RuntimeInformation.OSDescription.Trim()}, {RuntimeInformation.FrameworkDescription}";

    // Other work on the machine moves these figures more than anything in the code; say how busy it was.
    public static string LoadAverage() =>
        File.Exists("/proc/loadavg") ? string.Join(' ', File.ReadAllText("/proc/loadavg").Split(' ').Take(3)) : "unknown";

    /// <summary>Puts <paramref name="section"/> (which starts with <paramref name="start"/> and ends with <paramref name="end"/>) in place of the old one, or at the end.</summary>
    public static void WriteSection(string path, string start, string end, string section)
    {
        var existing = File.Exists(path) ? File.ReadAllText(path) : "# Performance\n";
        var startIndex = existing.IndexOf(start, StringComparison.Ordinal);
        var endIndex = existing.IndexOf(end, StringComparison.Ordinal);
        var updated = startIndex >= 0 && endIndex > startIndex
            ? existing[..startIndex] + section + existing[(endIndex + end.Length)..]
            : existing.TrimEnd() + "\n\n" + section + "\n";
        File.WriteAllText(path, updated);
    }
}
