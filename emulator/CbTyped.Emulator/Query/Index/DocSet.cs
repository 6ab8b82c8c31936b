using System.Numerics;

namespace CbTyped.Emulator.Query.Index;

/// <summary>
/// A fixed-size bit set over internal document ids. Every clause evaluates to one, so AND/OR/NOT are word-wise
/// operations: 1,000,000 documents are 15,625 words, a few microseconds per operation.
/// </summary>
internal sealed class DocSet
{
    private readonly ulong[] _words;

    public DocSet(int length)
    {
        Length = length;
        _words = new ulong[(length + 63) >> 6];
    }

    public int Length { get; }

    public static DocSet FromPostings(int length, ReadOnlySpan<int> docs)
    {
        var set = new DocSet(length);
        set.AddAll(docs);
        return set;
    }

    public void Add(int doc) => _words[doc >> 6] |= 1UL << doc;

    public void Remove(int doc) => _words[doc >> 6] &= ~(1UL << doc);

    public bool Contains(int doc) => (_words[doc >> 6] & (1UL << doc)) != 0;

    public void AddAll(ReadOnlySpan<int> docs)
    {
        foreach (var doc in docs)
        {
            _words[doc >> 6] |= 1UL << doc;
        }
    }

    public void And(DocSet other)
    {
        for (var i = 0; i < _words.Length; i++)
        {
            _words[i] &= other._words[i];
        }
    }

    public void Or(DocSet other)
    {
        for (var i = 0; i < _words.Length; i++)
        {
            _words[i] |= other._words[i];
        }
    }

    public void AndNot(DocSet other)
    {
        for (var i = 0; i < _words.Length; i++)
        {
            _words[i] &= ~other._words[i];
        }
    }

    public DocSet Clone()
    {
        var copy = new DocSet(Length);
        Array.Copy(_words, copy._words, _words.Length);
        return copy;
    }

    public int Count()
    {
        var count = 0;
        foreach (var word in _words)
        {
            count += BitOperations.PopCount(word);
        }

        return count;
    }

    /// <summary>How many of <paramref name="docs"/> are in the set (facet counting straight off a posting list).</summary>
    public int CountIn(ReadOnlySpan<int> docs)
    {
        var count = 0;
        foreach (var doc in docs)
        {
            count += (int)((_words[doc >> 6] >> doc) & 1UL);
        }

        return count;
    }

    /// <summary>Calls back with each member in ascending order.</summary>
    public Enumerator GetEnumerator() => new(_words);

    public struct Enumerator
    {
        private readonly ulong[] _words;
        private int _wordIndex;
        private ulong _word;

        internal Enumerator(ulong[] words)
        {
            _words = words;
            _wordIndex = -1;
            _word = 0;
            Current = -1;
        }

        public int Current { get; private set; }

        public bool MoveNext()
        {
            while (_word == 0)
            {
                if (++_wordIndex >= _words.Length)
                {
                    return false;
                }

                _word = _words[_wordIndex];
            }

            var bit = BitOperations.TrailingZeroCount(_word);
            _word &= _word - 1;
            Current = (_wordIndex << 6) + bit;
            return true;
        }
    }
}
