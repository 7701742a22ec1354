using System.Collections;
using System.Globalization;
using System.Reflection;
using System.Security.Cryptography;
using System.Text;
using SelfService.Data.DemoData;

namespace SelfService.Data.Tests.DemoData;

/// <summary>
/// A hash of every public value of every generated object, cases' events and plans' reviews
/// included, so two generations can be compared without holding both in memory.
/// </summary>
public static class DemoDataFingerprint
{
    public static string Of(IEnumerable<DemoDataChunk> chunks)
    {
        using var hash = IncrementalHash.CreateHash(HashAlgorithmName.SHA256);
        foreach (var chunk in chunks)
        {
            Append(hash, chunk.AuthorityName);
            IEnumerable<object>[] lists =
            [
                chunk.Schools, chunk.SchoolContacts, chunk.StaffMembers, chunk.ElectedMembers, chunk.Children,
                chunk.ParentCarers, chunk.ChildParents, chunk.AssessmentCases, chunk.AssessmentCases.SelectMany(c => c.Events),
                chunk.EhcPlans, chunk.EhcPlans.SelectMany(p => p.Reviews),
            ];
            foreach (var list in lists)
            {
                foreach (var item in list)
                {
                    Append(hash, Describe(item));
                }
            }
        }

        return Convert.ToHexString(hash.GetHashAndReset());
    }

    public static string Describe(object item)
    {
        var text = new StringBuilder(item.GetType().Name);
        foreach (var property in item.GetType().GetProperties(BindingFlags.Public | BindingFlags.Instance).OrderBy(p => p.Name, StringComparer.Ordinal))
        {
            if (property.PropertyType != typeof(string) && typeof(IEnumerable).IsAssignableFrom(property.PropertyType))
            {
                continue;
            }

            var value = property.GetValue(item);
            text.Append('|').Append(property.Name).Append('=').Append(Convert.ToString(value, CultureInfo.InvariantCulture));
        }

        return text.ToString();
    }

    private static void Append(IncrementalHash hash, string text) => hash.AppendData(Encoding.UTF8.GetBytes(text + "\n"));
}
