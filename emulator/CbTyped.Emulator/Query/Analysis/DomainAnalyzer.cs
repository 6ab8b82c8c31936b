namespace CbTyped.Emulator.Query.Analysis;

/// <summary>
/// Domain fields. The terms of <c>www.foo.com</c> are: each label bare (<c>foo</c>); each label
/// with dots marking its place — first <c>www.</c>, middle <c>.foo.</c>, last <c>.com</c>; the whole name and every
/// shorter suffix of two or more labels (<c>foo.com</c>, also <c>.foo.com</c>); every shorter prefix of two or more
/// labels with a trailing dot (<c>www.foo.</c>). A query value is looked up as written, so for <c>foo.com</c> /
/// <c>foo.com.au</c>: <c>com</c> ✓/✓, <c>.com</c> ✓/✗, <c>.com.</c> ✗/✓, <c>com.</c> ✗/✗, <c>foo.</c> ✓/✓,
/// <c>foo.com</c> ✓/✗ — the server's documented table.
/// </summary>
internal static class DomainAnalyzer
{
    public static void Terms<TState>(string value, TState state, Action<TState, string> emit)
    {
        var labels = value.ToLowerInvariant().Trim('.').Split('.', StringSplitOptions.RemoveEmptyEntries);
        if (labels.Length == 0)
        {
            return;
        }

        if (labels.Length == 1)
        {
            emit(state, labels[0]);
            return;
        }

        for (var i = 0; i < labels.Length; i++)
        {
            emit(state, labels[i]);
            var marked = i == 0 ? labels[i] + "."
                : i == labels.Length - 1 ? "." + labels[i]
                : "." + labels[i] + ".";
            emit(state, marked);
        }

        for (var i = 0; i <= labels.Length - 2; i++)
        {
            var suffix = string.Join('.', labels, i, labels.Length - i);
            emit(state, suffix);
            if (i > 0 && labels.Length - i >= 2)
            {
                emit(state, "." + suffix);
            }
        }

        for (var n = 2; n < labels.Length; n++)
        {
            emit(state, string.Join('.', labels, 0, n) + ".");
        }
    }
}
