using System.Collections.Generic;
using CbTyped.Generator.Diagnostics;
using CbTyped.Generator.Model;

namespace CbTyped.Generator.Parsing
{
    /// <summary>The <c>powershell:</c> blocks of a model and of a field: hints for the generated cmdlets only.</summary>
    internal static class PowerShellParser
    {
        private static readonly string[] CrudCmdlets = { "get", "new", "set", "remove" };

        public static PowerShellModelSpec? ParseModel(SpecMapping root, List<FieldSpec> fields, SpecMapping? operations, ParseContext context)
        {
            var mapping = context.AsMapping(root.Get("powershell"), "powershell", "{ noun: CbBan, cmdlets: [get, new, remove] }");
            if (mapping is null) return null;
            context.CheckKeys(mapping, SpecKeys.PowerShellModel, "powershell");

            string? noun = context.AsString(mapping.Get("noun"), "powershell.noun");
            if (noun is not null && !context.CheckIdentifier(noun, mapping.Get("noun")!.Span, "cmdlet noun", "Write a PowerShell noun, e.g. noun: CbBannedHash."))
            {
                noun = null;
            }

            EquatableArray<string>? cmdlets = null;
            if (mapping.Get("cmdlets") is { } cmdletsNode)
            {
                var names = new List<string>();
                foreach (var item in context.AsStringList(cmdletsNode, "powershell.cmdlets"))
                {
                    bool known = System.Array.IndexOf(CrudCmdlets, item.Key) >= 0 || (operations?.Get(item.Key) is not null);
                    if (!known)
                    {
                        context.Report(DiagnosticDescriptors.InvalidValue, item.Value, item.Key, "powershell.cmdlets",
                            "Use get, new, set, remove or the name of an operation under 'operations:'.");
                        continue;
                    }
                    names.Add(item.Key);
                }
                cmdlets = new EquatableArray<string>(names.ToArray());
            }

            string? nameFilter = context.AsString(mapping.Get("nameFilter"), "powershell.nameFilter");
            if (nameFilter is not null && !fields.Exists(f => f.JsonName == nameFilter && f.Type.Kind == FieldKind.String))
            {
                context.Report(DiagnosticDescriptors.InvalidValue, mapping.Get("nameFilter")!.Span, nameFilter, "powershell.nameFilter",
                    "Name a string field of this model, e.g. nameFilter: name.");
                nameFilter = null;
            }
            return new PowerShellModelSpec(noun, cmdlets, nameFilter);
        }

        public static PowerShellFieldSpec? ParseField(SpecMapping? field, string path, ParseContext context)
        {
            var mapping = context.AsMapping(field?.Get("powershell"), path + ".powershell", "{ parameter: Md5, aliases: [ProcessMd5] }");
            if (mapping is null) return null;
            context.CheckKeys(mapping, SpecKeys.PowerShellField, path + ".powershell");

            string? parameter = context.AsString(mapping.Get("parameter"), path + ".powershell.parameter");
            if (parameter is not null && !context.CheckIdentifier(parameter, mapping.Get("parameter")!.Span, "parameter name", "Write a PowerShell parameter name, e.g. parameter: Md5."))
            {
                parameter = null;
            }
            var aliases = new List<string>();
            foreach (var item in context.AsStringList(mapping.Get("aliases"), path + ".powershell.aliases"))
            {
                if (context.CheckIdentifier(item.Key, item.Value, "parameter alias", "Write a parameter name, e.g. ProcessMd5."))
                {
                    aliases.Add(item.Key);
                }
            }
            int? position = null;
            if (mapping.Get("position") is { } positionNode)
            {
                // AsPositiveInt takes 1 and up; a position counts from 0.
                string? text = context.AsString(positionNode, path + ".powershell.position");
                if (text is not null)
                {
                    if (int.TryParse(text, System.Globalization.NumberStyles.None, System.Globalization.CultureInfo.InvariantCulture, out int value)) position = value;
                    else context.Report(DiagnosticDescriptors.InvalidValue, positionNode.Span, text, path + ".powershell.position", "Write a whole number, 0 for the first position.");
                }
            }
            string? pattern = context.AsString(mapping.Get("pattern"), path + ".powershell.pattern");
            bool secure = context.AsBool(mapping.Get("secure"), path + ".powershell.secure", false);
            return new PowerShellFieldSpec(parameter, new EquatableArray<string>(aliases.ToArray()), position, pattern, secure);
        }
    }
}
