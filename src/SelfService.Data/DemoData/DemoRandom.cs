using System.Buffers.Binary;

namespace SelfService.Data.DemoData;

/// <summary>
/// A small seeded generator (SplitMix64). System.Random's seeded sequence is not promised to stay
/// the same across .NET versions, and the demo data must be identical for a given seed forever
/// (the README quotes its people and references).
/// </summary>
internal sealed class DemoRandom
{
    private ulong _state;

    public DemoRandom(int seed, int stream = 0)
    {
        _state = Mix(((ulong)(uint)seed << 32) ^ (uint)stream ^ 0x5EED_5E1F_CA5E_0001UL);
    }

    public ulong NextUInt64()
    {
        _state += 0x9E3779B97F4A7C15UL;
        return Mix(_state);
    }

    /// <summary>A number in [0, 1).</summary>
    public double NextDouble() => (NextUInt64() >> 11) * (1.0 / (1UL << 53));

    /// <summary>An integer in [minInclusive, maxExclusive).</summary>
    public int Next(int minInclusive, int maxExclusive)
    {
        if (maxExclusive <= minInclusive)
        {
            return minInclusive;
        }

        return minInclusive + (int)(NextUInt64() % (ulong)(maxExclusive - minInclusive));
    }

    /// <summary>An integer in [minInclusive, maxInclusive].</summary>
    public int Between(int minInclusive, int maxInclusive) => Next(minInclusive, maxInclusive + 1);

    public bool Chance(double probability) => NextDouble() < probability;

    public T Pick<T>(IReadOnlyList<T> items) => items[Next(0, items.Count)];

    /// <summary>Picks an index by weight.</summary>
    public int PickWeighted(IReadOnlyList<double> weights)
    {
        var total = 0.0;
        foreach (var w in weights)
        {
            total += w;
        }

        var roll = NextDouble() * total;
        for (var i = 0; i < weights.Count; i++)
        {
            roll -= weights[i];
            if (roll < 0)
            {
                return i;
            }
        }

        return weights.Count - 1;
    }

    /// <summary>A version-4-shaped GUID from the seeded stream, so identities are reproducible.</summary>
    public Guid NextGuid()
    {
        Span<byte> bytes = stackalloc byte[16];
        BinaryPrimitives.WriteUInt64LittleEndian(bytes, NextUInt64());
        BinaryPrimitives.WriteUInt64LittleEndian(bytes[8..], NextUInt64());
        bytes[7] = (byte)((bytes[7] & 0x0F) | 0x40);
        bytes[8] = (byte)((bytes[8] & 0x3F) | 0x80);
        return new Guid(bytes);
    }

    private static ulong Mix(ulong z)
    {
        z = (z ^ (z >> 30)) * 0xBF58476D1CE4E5B9UL;
        z = (z ^ (z >> 27)) * 0x94D049BB133111EBUL;
        return z ^ (z >> 31);
    }
}
