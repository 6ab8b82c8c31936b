using System.Collections.Generic;

namespace CbTyped.QueryLanguage;

/// <summary>Any clause matches (<c>OR</c>).</summary>
internal sealed record OrNode(IReadOnlyList<QueryNode> Children) : QueryNode;
