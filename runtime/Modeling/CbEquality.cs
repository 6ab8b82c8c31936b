using System.ComponentModel;
using System.Text.Json;

namespace CbTyped.Modeling;

/// <summary>Value comparisons generated setters use to decide whether a field is dirty.</summary>
/// <remarks>For generated code; applications should not call it, and it may change between versions.</remarks>
[EditorBrowsable(EditorBrowsableState.Never)]
public static class CbEquality
{
    /// <summary>Element-wise equality of two lists (null equals only null).</summary>
    public static bool ListEquals<T>(IReadOnlyList<T>? left, IReadOnlyList<T>? right)
    {
        if (ReferenceEquals(left, right))
        {
            return true;
        }

        if (left is null || right is null || left.Count != right.Count)
        {
            return false;
        }

        EqualityComparer<T> comparer = EqualityComparer<T>.Default;
        for (int i = 0; i < left.Count; i++)
        {
            if (!comparer.Equals(left[i], right[i]))
            {
                return false;
            }
        }

        return true;
    }

    /// <summary>Key-and-value equality of two maps (null equals only null).</summary>
    public static bool MapEquals<T>(IReadOnlyDictionary<string, T>? left, IReadOnlyDictionary<string, T>? right)
    {
        if (ReferenceEquals(left, right))
        {
            return true;
        }

        if (left is null || right is null || left.Count != right.Count)
        {
            return false;
        }

        EqualityComparer<T> comparer = EqualityComparer<T>.Default;
        foreach (KeyValuePair<string, T> pair in left)
        {
            if (!right.TryGetValue(pair.Key, out T? other) || !comparer.Equals(pair.Value, other))
            {
                return false;
            }
        }

        return true;
    }

    /// <summary>
    /// Equality of two <c>json</c> values by content (<see cref="JsonElement.DeepEquals"/>: the same kinds, the same
    /// strings and numbers, objects with the same members in any order). Null, and a default (undefined) element,
    /// equal only themselves.
    /// </summary>
    public static bool JsonEquals(JsonElement? left, JsonElement? right)
    {
        if (left is not { } l || right is not { } r)
        {
            return left.HasValue == right.HasValue;
        }

        if (l.ValueKind == JsonValueKind.Undefined || r.ValueKind == JsonValueKind.Undefined)
        {
            return l.ValueKind == r.ValueKind;
        }

        return JsonElement.DeepEquals(l, r);
    }

    /// <summary>True when any nested object in the list was changed in place.</summary>
    public static bool AnyDirty<T>(IEnumerable<T?>? items)
        where T : CbObject
    {
        if (items is null)
        {
            return false;
        }

        foreach (T? item in items)
        {
            if (item is { IsDirty: true })
            {
                return true;
            }
        }

        return false;
    }
}
