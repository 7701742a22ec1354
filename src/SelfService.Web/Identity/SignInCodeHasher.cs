using System.Security.Cryptography;
using System.Text;
using Microsoft.Extensions.Options;
using SelfService.Web.Hosting;

namespace SelfService.Web.Identity;

/// <summary>
/// Keyed hashing of sign-in codes. A plain hash of a 6-digit code is reversed by trying a million
/// values, so the key lives outside the database: with the table alone nobody can sign in.
/// </summary>
public sealed class SignInCodeHasher
{
    public const string KeyFileName = "sign-in-code.key";

    private readonly byte[] _key;

    public SignInCodeHasher(IOptions<SignInOptions> options, AppPaths paths)
    {
        ArgumentNullException.ThrowIfNull(options);
        ArgumentNullException.ThrowIfNull(paths);
        _key = options.Value.CodeKey is { Length: > 0 } configured ? Convert.FromBase64String(configured) : LoadOrCreateKey(paths);
        if (_key.Length < 32)
        {
            throw new InvalidOperationException("SignIn:CodeKey must be at least 32 bytes (base64).");
        }
    }

    /// <summary>A new code: 6 digits, uniformly from a CSPRNG.</summary>
    public static string NewCode() => RandomNumberGenerator.GetInt32(0, 1_000_000).ToString("D6", System.Globalization.CultureInfo.InvariantCulture);

    /// <summary>The address is part of the hash, so a code only ever matches the address it was sent to.</summary>
    public string Hash(string email, string code) =>
        Convert.ToHexStringLower(HMACSHA256.HashData(_key, Encoding.UTF8.GetBytes($"{email}\n{code}")));

    public bool Matches(string storedHash, string email, string code) =>
        CryptographicOperations.FixedTimeEquals(Encoding.ASCII.GetBytes(storedHash), Encoding.ASCII.GetBytes(Hash(email, code)));

    private static byte[] LoadOrCreateKey(AppPaths paths)
    {
        var path = paths.DataFile(KeyFileName);
        if (!File.Exists(path))
        {
            try
            {
                using var file = new FileStream(path, FileMode.CreateNew, FileAccess.Write);
                file.Write(Encoding.ASCII.GetBytes(Convert.ToBase64String(RandomNumberGenerator.GetBytes(32))));
            }
            catch (IOException) when (File.Exists(path))
            {
                // Another instance sharing the data directory wrote it first; use theirs.
            }
        }

        return Convert.FromBase64String(File.ReadAllText(path).Trim());
    }
}
