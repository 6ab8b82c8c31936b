using System;
using System.Collections;
using System.Collections.Generic;

namespace CbTyped.Generator.Model
{
    /// <summary>
    /// An immutable array with value equality, so pipeline records that hold lists still compare by content
    /// (ImmutableArray compares by reference, which would defeat incremental caching).
    /// </summary>
    public readonly struct EquatableArray<T> : IEquatable<EquatableArray<T>>, IReadOnlyList<T>
        where T : IEquatable<T>
    {
        private readonly T[]? _items;

        public EquatableArray(T[] items) => _items = items;

        public EquatableArray(IEnumerable<T> items) => _items = new List<T>(items).ToArray();

#pragma warning disable CA1000 // Empty on the generic type reads best at call sites: EquatableArray<T>.Empty.
        public static EquatableArray<T> Empty => default;
#pragma warning restore CA1000

        public int Count => _items?.Length ?? 0;

        public bool IsEmpty => Count == 0;

        public T this[int index] => (_items ?? Array.Empty<T>())[index];

        public bool Equals(EquatableArray<T> other)
        {
            var a = _items ?? Array.Empty<T>();
            var b = other._items ?? Array.Empty<T>();
            if (a.Length != b.Length) return false;
            for (int i = 0; i < a.Length; i++)
            {
                if (!EqualityComparer<T>.Default.Equals(a[i], b[i])) return false;
            }
            return true;
        }

        public override bool Equals(object? obj) => obj is EquatableArray<T> other && Equals(other);

        public override int GetHashCode()
        {
            // FNV-style combine; HashCode is not available on netstandard2.0.
            unchecked
            {
                int hash = (int)2166136261;
                foreach (var item in _items ?? Array.Empty<T>())
                {
                    hash = (hash ^ (item is null ? 0 : item.GetHashCode())) * 16777619;
                }
                return hash;
            }
        }

        public static bool operator ==(EquatableArray<T> left, EquatableArray<T> right) => left.Equals(right);

        public static bool operator !=(EquatableArray<T> left, EquatableArray<T> right) => !left.Equals(right);

        public T[] ToArray() => (T[])(_items ?? Array.Empty<T>()).Clone();

        public IEnumerator<T> GetEnumerator() => ((IEnumerable<T>)(_items ?? Array.Empty<T>())).GetEnumerator();

        IEnumerator IEnumerable.GetEnumerator() => GetEnumerator();

        public override string ToString() => "[" + string.Join(", ", _items ?? Array.Empty<T>()) + "]";
    }
}
