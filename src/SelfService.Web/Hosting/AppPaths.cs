namespace SelfService.Web.Hosting;

/// <summary>
/// Where the service keeps files it writes (the SQLite database, the email pickup folder).
/// One configurable root keeps them out of the deployed code and makes them easy to back up.
/// </summary>
public sealed class AppPaths
{
    /// <summary>Configuration key; relative values are resolved against the content root.</summary>
    public const string DataDirectoryKey = "DataDirectory";

    public const string DefaultDataDirectory = "App_Data";

    public AppPaths(string contentRoot, string? dataDirectory)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(contentRoot);
        ContentRoot = Path.GetFullPath(contentRoot);
        DataDirectory = Path.GetFullPath(
            string.IsNullOrWhiteSpace(dataDirectory) ? DefaultDataDirectory : dataDirectory,
            ContentRoot);
        Directory.CreateDirectory(DataDirectory);
    }

    public string ContentRoot { get; }

    public string DataDirectory { get; }

    /// <summary>A file directly inside the data directory, e.g. <c>DataFile("selfservice.db")</c>.</summary>
    public string DataFile(string fileName) => Path.Combine(DataDirectory, CheckName(fileName));

    /// <summary>A folder inside the data directory, created if missing (e.g. the email pickup folder).</summary>
    public string EnsureDataSubdirectory(string name)
    {
        var path = Path.Combine(DataDirectory, CheckName(name));
        Directory.CreateDirectory(path);
        return path;
    }

    // Names come from code, but a stray "../" or rooted path would silently write outside the
    // data directory, which is the one place operators back up and lock down.
    private static string CheckName(string name)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(name);
        if (Path.IsPathRooted(name) || name.Contains("..", StringComparison.Ordinal)
            || name.IndexOfAny([Path.DirectorySeparatorChar, Path.AltDirectorySeparatorChar]) >= 0)
        {
            throw new ArgumentException($"'{name}' must be a plain file or folder name.", nameof(name));
        }

        return name;
    }
}
