namespace Parallax.Stories;

/// <summary>
/// An open-addressing map from 64-bit hashes (folded to 32 bits) to ints, packed key-and-value into one flat array: a lookup
/// is one probe run within a cache line or two. The story index holds millions of term and shingle hashes, and a general
/// dictionary's scattered entries made every lookup a memory stall that grew with the feed.
/// </summary>
internal sealed class FlatMap
{
    private ulong[] _slots = new ulong[1024];
    private int _shift = 64 - 10;
    private int _count;

    public int Count => _count;

    /// <summary>Folds a 64-bit hash to a non-zero 32-bit key (zero marks an empty slot). Two terms sharing a key is rare enough to cost only a little accuracy.</summary>
    internal static uint Key(ulong hash)
    {
        uint k = (uint)(hash ^ (hash >> 32));
        return k == 0 ? 1u : k;
    }

    private int Find(uint key)
    {
        int mask = _slots.Length - 1;
        // Fibonacci hashing: the top bits of a multiply by 2^64/phi spread even keys that differ only in a few bits.
        int i = (int)(((ulong)key * 11400714819323198485UL) >> _shift);
        while (true)
        {
            ulong slot = _slots[i];
            if (slot == 0 || (uint)(slot >> 32) == key) return i;
            i = (i + 1) & mask;
        }
    }

    /// <summary>The value stored for <paramref name="hash"/>, or 0.</summary>
    public int Get(ulong hash)
    {
        ulong slot = _slots[Find(Key(hash))];
        return (int)(uint)slot;
    }

    public void Set(ulong hash, int value)
    {
        uint key = Key(hash);
        int i = Find(key);
        if (_slots[i] == 0)
        {
            if (++_count * 2 > _slots.Length)
            {
                Grow();
                i = Find(key);
            }
        }
        _slots[i] = ((ulong)key << 32) | (uint)value;
    }

    public void Increment(ulong hash) => Set(hash, Get(hash) + 1);

    private void Grow()
    {
        var old = _slots;
        _slots = new ulong[old.Length * 2];
        _shift--;
        foreach (ulong slot in old)
        {
            if (slot != 0) _slots[Find((uint)(slot >> 32))] = slot;
        }
    }
}
