using System;
using System.Collections.Generic;

namespace CbTyped.Generator.Model
{
    /// <summary>Helpers to build <see cref="EquatableArray{T}"/> from sequences.</summary>
    public static class EquatableArray
    {
        public static EquatableArray<T> ToEquatableArray<T>(this IEnumerable<T> items)
            where T : IEquatable<T> => new EquatableArray<T>(items);

        public static EquatableArray<T> Create<T>(params T[] items)
            where T : IEquatable<T> => new EquatableArray<T>(items);
    }
}
