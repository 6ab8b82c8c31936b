namespace CbTyped.Emulator.Query.Schema;

/// <summary>A facet computed from a source field (the facet names the server answers with).</summary>
internal sealed record CbFacetDefinition(string Name, string SourceField, CbFacetKind Kind = CbFacetKind.Value);
