using System.Collections.Generic;

namespace CbTyped.QueryLanguage;

/// <summary>Every clause must match (juxtaposition, <c>AND</c>, <c>+</c>).</summary>
internal sealed record AndNode(IReadOnlyList<QueryNode> Children) : QueryNode;
