using System.Collections.Generic;
using System.Text;
using CbTyped.Generator.Diagnostics;
using CbTyped.Generator.Model;

namespace CbTyped.Generator.Parsing
{
    /// <summary>Parses the entries under <c>fields:</c> (of a model or a nested type).</summary>
    internal static class FieldParser
    {
        /// <summary>
        /// Parses each field. <c>ownerName</c> is the model or nested type name (prefix of default enum type names);
        /// <c>searchByDefault</c> is true for search models: every field is searchable under its JSON name unless <c>search: false</c>.
        /// </summary>
        public static List<FieldSpec> ParseFields(SpecMapping? fields, string path, string ownerName, bool searchByDefault, HashSet<string> nestedTypes, ParseContext context)
        {
            var result = new List<FieldSpec>();
            if (fields is null) return result;
            foreach (var entry in fields.Entries)
            {
                var field = ParseField(entry.Key, entry.Value, path + "." + entry.Key.Value, ownerName, searchByDefault, nestedTypes, context);
                if (field is not null) result.Add(field);
            }
            return result;
        }

        private static FieldSpec? ParseField(SpecScalar key, SpecNode node, string path, string ownerName, bool searchByDefault, HashSet<string> nestedTypes, ParseContext context)
        {
            string jsonName = key.Value;
            if (jsonName.Length == 0)
            {
                context.Report(DiagnosticDescriptors.InvalidValue, key.Span, jsonName, path, "A field needs a JSON name.");
                return null;
            }

            // Shorthand: `name: int` means `name: { type: int }`.
            if (!ShorthandEntry.TryRead(node, SpecKeys.Field, "field '" + jsonName + "'", jsonName, path, context, out var mapping, out var typeNode))
                return null;

            string? nameOverride = context.AsString(mapping?.Get("name"), path + ".name");
            string propertyName = nameOverride ?? NameRules.ToPascalCase(jsonName);
            var nameSpan = mapping?.Get("name")?.Span ?? key.Span;
            bool nameOk = context.CheckIdentifier(propertyName, nameSpan, "C# name of field '" + jsonName + "'",
                "Add name: ValidName to the field (a letter or '_' first, then letters, digits or '_').");

            string? typeText = context.AsString(typeNode, path + ".type");
            if (typeText is null)
            {
                context.Report(DiagnosticDescriptors.MissingKey, mapping?.Span ?? node.Span, "Field '" + jsonName + "'", "type", "Example: " + jsonName + ": { type: string }");
                return null;
            }

            var enumValues = ParseEnumValues(mapping, path, context);
            string? enumNameOverride = context.AsString(mapping?.Get("enumName"), path + ".enumName");
            string enumTypeName = enumNameOverride ?? ownerName + propertyName;
            var request = new FieldTypeParser.Request(path, typeNode!.Span, nestedTypes, enumTypeName, enumValues);
            var type = FieldTypeParser.Parse(typeText, request, context);
            if (type is null) return null;

            bool isEnum = FieldTypeParser.ContainsEnum(type);
            if (isEnum)
            {
                if (enumValues.IsEmpty)
                {
                    context.Report(DiagnosticDescriptors.MissingKey, mapping?.Span ?? node.Span, "Enum field '" + jsonName + "'", "values", "Example: values: [Online, Offline]");
                    return null;
                }
                if (enumNameOverride is not null && !context.CheckTypeName(enumNameOverride, mapping!.Get("enumName")!.Span, "enum name of field '" + jsonName + "'", "Write a C# type name."))
                {
                    return null;
                }
                if (NameRules.ReservedMemberNames.Contains(enumTypeName))
                {
                    // Inside the model class the simple name would mean the inherited member (e.g. object.Equals): CS0119.
                    context.Report(DiagnosticDescriptors.NameClash, mapping?.Get("enumName")?.Span ?? key.Span, enumTypeName, "the enum of field '" + jsonName + "'",
                        "the member '" + enumTypeName + "' every model inherits or generates (set 'enumName:' on the field)");
                    return null;
                }
            }
            else
            {
                if (mapping?.Get("values") is { } values)
                {
                    context.Report(DiagnosticDescriptors.InvalidValue, values.Span, "values", path, "'values' applies to enum fields only; set type: enum or remove it.");
                }
                if (mapping?.Get("enumName") is { } enumNameNode)
                {
                    context.Report(DiagnosticDescriptors.InvalidValue, enumNameNode.Span, "enumName", path, "'enumName' applies to enum fields only; set type: enum or remove it.");
                }
            }

            var dateFormat = DateFormat.Iso;
            if (mapping?.Get("format") is { } formatNode)
            {
                string? format = context.AsChoice(formatNode, path + ".format", SpecKeys.DateFormats);
                if (!FieldTypeParser.ContainsDateTime(type))
                {
                    context.Report(DiagnosticDescriptors.InvalidValue, formatNode.Span, "format", path, "'format' applies to datetime fields only; remove it.");
                }
                dateFormat = format switch
                {
                    "postgres" => DateFormat.Postgres,
                    "local" => DateFormat.Local,
                    "epoch" => DateFormat.Epoch,
                    _ => DateFormat.Iso,
                };
            }

            string? searchName = searchByDefault ? jsonName : null;
            if (mapping?.Get("search") is SpecScalar searchNode && !searchNode.IsNull)
            {
                if (!searchNode.Quoted && (searchNode.Value == "false" || searchNode.Value == "False")) searchName = null;
                else if (!searchNode.Quoted && (searchNode.Value == "true" || searchNode.Value == "True")) searchName = jsonName;
                else searchName = searchNode.Value;
            }
            else if (mapping?.Get("search") is { } badSearch && badSearch is not SpecScalar)
            {
                context.Report(DiagnosticDescriptors.WrongShape, badSearch.Span, path + ".search", "a value", badSearch.ShapeName, "Write a query field name, true or false.");
            }

            bool sortable = context.AsBool(mapping?.Get("sortable"), path + ".sortable", false);
            bool facet = context.AsBool(mapping?.Get("facet"), path + ".facet", false);
            if (type.Kind == FieldKind.Json && !CheckJsonNotQueried(jsonName, mapping, searchName, sortable, facet, context))
            {
                return null;
            }
            if (type.Kind == FieldKind.Json)
            {
                // A search model makes every field a query field by default; a json field has no one query type, so it is left out.
                searchName = null;
            }

            if (!nameOk) return null;
            return new FieldSpec(
                jsonName,
                propertyName,
                type,
                Nullable: context.AsBool(mapping?.Get("nullable"), path + ".nullable", true),
                ReadOnly: context.AsBool(mapping?.Get("readOnly"), path + ".readOnly", false),
                RequiredOnCreate: context.AsBool(mapping?.Get("requiredOnCreate"), path + ".requiredOnCreate", false),
                SearchName: searchName,
                Sortable: sortable,
                Facet: facet,
                Doc: context.AsString(mapping?.Get("doc"), path + ".doc"),
                DateFormat: dateFormat,
                PowerShell: PowerShellParser.ParseField(mapping, path, context));
        }

        /// <summary>
        /// A json field asked to be a query field (an explicit <c>search:</c> name or true, <c>sortable</c>, <c>facet</c>)
        /// is CBT0027 at that key: query text is built and escaped by the field's one type, which json does not have.
        /// </summary>
        private static bool CheckJsonNotQueried(string jsonName, SpecMapping? mapping, string? searchName, bool sortable, bool facet, ParseContext context)
        {
            bool ok = true;
            if (mapping?.Get("search") is SpecScalar search && !search.IsNull && searchName is not null)
            {
                context.Report(DiagnosticDescriptors.JsonFieldNotQueryable, search.Span, jsonName, "a query field", "search");
                ok = false;
            }
            if (sortable)
            {
                context.Report(DiagnosticDescriptors.JsonFieldNotQueryable, mapping!.Get("sortable")!.Span, jsonName, "sorted by", "sortable");
                ok = false;
            }
            if (facet)
            {
                context.Report(DiagnosticDescriptors.JsonFieldNotQueryable, mapping!.Get("facet")!.Span, jsonName, "a facet", "facet");
                ok = false;
            }
            return ok;
        }

        private static EquatableArray<EnumValueSpec> ParseEnumValues(SpecMapping? mapping, string path, ParseContext context)
        {
            var valuesNode = mapping?.Get("values");
            if (valuesNode is null) return EquatableArray<EnumValueSpec>.Empty;
            var result = new List<EnumValueSpec>();
            var seenMembers = new Dictionary<string, string>(System.StringComparer.Ordinal);
            foreach (var item in context.AsStringList(valuesNode, path + ".values"))
            {
                string member = EnumMemberName(item.Key, result.Count);
                if (seenMembers.TryGetValue(member, out var other))
                {
                    context.Report(DiagnosticDescriptors.NameClash, item.Value, member, "enum value '" + item.Key + "'", "enum value '" + other + "'");
                    continue;
                }
                seenMembers.Add(member, item.Key);
                result.Add(new EnumValueSpec(item.Key, member));
            }
            return new EquatableArray<EnumValueSpec>(result.ToArray());
        }

        /// <summary><c>Registered - Online</c> → <c>RegisteredOnline</c>; <c>3rd</c> → <c>Value3rd</c>; symbols only → <c>ValueN</c>.</summary>
        internal static string EnumMemberName(string wireValue, int index)
        {
            var builder = new StringBuilder();
            bool upperNext = true;
            foreach (char c in wireValue)
            {
                if (c < 128 && char.IsLetterOrDigit(c))
                {
                    builder.Append(upperNext ? char.ToUpperInvariant(c) : c);
                    upperNext = false;
                }
                else
                {
                    upperNext = true;
                }
            }
            if (builder.Length == 0) return "Value" + index.ToString(System.Globalization.CultureInfo.InvariantCulture);
            if (char.IsDigit(builder[0])) builder.Insert(0, "Value");
            return builder.ToString();
        }
    }
}
