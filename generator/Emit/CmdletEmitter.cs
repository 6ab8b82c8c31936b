using System.Collections.Generic;
using CbTyped.Generator.Model;

namespace CbTyped.Generator.Emit
{
    /// <summary>
    /// PowerShell cmdlets for one model (opt-in with <c>CbTypedEmitCmdlets</c>, and only when the compilation
    /// references System.Management.Automation and CbTyped.PowerShell): <c>Get-</c> by key and by <c>-Query</c> or the
    /// whole list, <c>New-</c>/<c>Set-</c>/<c>Remove-</c> where the spec has the create/update/delete route, and one
    /// cmdlet per public operation. One file per cmdlet, namespace <c>{Namespace}.PowerShell</c>, over
    /// <c>CbTyped.PowerShell.CbCmdlet</c> (connections, Ctrl-C, errors as error records). The spec's <c>powershell:</c>
    /// hints choose the noun, the cmdlets and a name filter, and per field the parameter's name, aliases, position,
    /// pattern and SecureString; with <c>CbTypedCmdletsOnly</c> the model types come from a referenced assembly.
    /// </summary>
    internal static class CmdletEmitter
    {
        private const string Sma = "global::System.Management.Automation.";
        private const string Base = "global::CbTyped.PowerShell.CbCmdlet";
        private const string Invariant = "global::System.Globalization.CultureInfo.InvariantCulture";

        // Parameter names every cmdlet already has (CbCmdlet's, the common and the ShouldProcess ones).
        private static readonly HashSet<string> Reserved = new HashSet<string>(System.StringComparer.OrdinalIgnoreCase)
        {
            "Connection", "InputObject", "Query", "WhatIf", "Confirm", "Verbose", "Debug", "ErrorAction", "WarningAction",
            "InformationAction", "ProgressAction", "ErrorVariable", "WarningVariable", "InformationVariable",
            "OutVariable", "OutBuffer", "PipelineVariable",
        };

        public static EquatableArray<GeneratedSource> Emit(ModelSpec model)
        {
            var sources = new List<GeneratedSource>();
            var names = new HashSet<string>(System.StringComparer.OrdinalIgnoreCase);
            var types = new TypeNames(model);
            string noun = NounOf(model);
            KeyField? key = KeyOf(model, types);
            bool Emits(string kind) => model.PowerShell?.Emits(kind) ?? true;

            void Add(string verb, string nounName, string text)
            {
                if (names.Add(verb + "-" + nounName))
                {
                    sources.Add(new GeneratedSource(model.Namespace + ".PowerShell." + verb + nounName + "Command.g.cs", text));
                }
            }

            bool listable = model.Routes.List is not null && (model.Query.Kind == QueryKind.Search
                || model.Query.Kind == QueryKind.ClientList || model.Query.Kind == QueryKind.ServerList);
            bool gettable = key is not null && (model.Routes.Get is not null || model.Routes.GetFromList);
            if ((listable || gettable) && Emits("get"))
            {
                Add("Get", noun, GetCmdlet(model, types, key, listable, gettable));
            }
            if (model.Routes.Create is not null && Emits("new"))
            {
                Add("New", noun, NewCmdlet(model, types, key));
            }
            if (model.Routes.Update is not null && key is not null && Emits("set"))
            {
                Add("Set", noun, SetCmdlet(model, types, key));
            }
            if (model.Routes.Delete is not null && key is not null && Emits("remove"))
            {
                Add("Remove", noun, RemoveCmdlet(model, types, key));
            }
            foreach (OperationSpec op in model.Operations)
            {
                if (op.IsInternal || op.Response.Kind == OperationResponseKind.Stream || !ParametersFit(op) || !Emits(op.Name))
                {
                    continue;
                }
                var (verbExpression, verb, opNoun) = CmdletVerbs.For(noun, op.MethodName);
                if (!names.Contains(verb + "-" + opNoun))
                {
                    Add(verb, opNoun, OperationCmdlet(model, types, op, verbExpression, verb, opNoun));
                }
            }
            sources.Sort((a, b) => string.CompareOrdinal(a.HintName, b.HintName));
            return sources.ToEquatableArray();
        }

        /// <summary>The model's single key field, when it is a string or a whole number (composite keys get no key set).</summary>
        private sealed class KeyField
        {
            public KeyField(FieldSpec field, string type)
            {
                Field = field;
                Type = type;
            }

            public FieldSpec Field { get; }

            public string Type { get; }

            /// <summary>The parameter's name: the field's <c>powershell.parameter</c>, else its property name.</summary>
            public string Name => ParameterName(Field);

            /// <summary>The key text of <paramref name="value"/> (a string parameter is mandatory in its set, so never null there).</summary>
            public string Text(string value) => Type == "string" ? value + "!" : value + ".ToString(" + Invariant + ")";
        }

        private static KeyField? KeyOf(ModelSpec model, TypeNames types)
        {
            if (model.Key.Fields.Count != 1)
            {
                return null;
            }
            foreach (FieldSpec field in model.Fields)
            {
                if (field.JsonName == model.Key.Fields[0] && !Reserved.Contains(field.PropertyName)
                    && (field.Type.Kind == FieldKind.String || field.Type.Kind == FieldKind.Int || field.Type.Kind == FieldKind.Long))
                {
                    return new KeyField(field, FieldCodec.ElementType(field.Type, types));
                }
            }
            return null;
        }

        /// <summary>Fields a New/Set cmdlet takes as parameters: writable scalars, in spec order.</summary>
        private static List<FieldSpec> Settable(ModelSpec model, KeyField? key, bool withKey)
        {
            var fields = new List<FieldSpec>();
            foreach (FieldSpec field in model.Fields)
            {
                bool isKey = key is not null && field.JsonName == key.Field.JsonName;
                if (field.ReadOnly || Reserved.Contains(field.PropertyName) || (isKey && !withKey))
                {
                    continue;
                }
                switch (field.Type.Kind)
                {
                    case FieldKind.String:
                    case FieldKind.Int:
                    case FieldKind.Long:
                    case FieldKind.Double:
                    case FieldKind.Bool:
                    case FieldKind.Enum:
                        fields.Add(field);
                        break;
                }
            }
            return fields;
        }

        private static string GetCmdlet(ModelSpec model, TypeNames types, KeyField? key, bool listable, bool gettable)
        {
            string noun = NounOf(model);
            bool search = listable && model.Query.Kind == QueryKind.Search;
            FieldSpec? nameField = listable && !search ? NameFilterOf(model) : null;
            // A name filter on the key itself (a user's name) is the lookup: exact names match, so no key set is needed.
            bool byName = nameField is not null && key is not null && nameField.JsonName == key.Field.JsonName;
            gettable = gettable && !byName;
            string defaultSet = listable ? (search ? "Query" : nameField is not null ? "Name" : "List") : "Key";
            CodeWriter w = Start(model);
            CSharp.Summary(w, "<c>Get-" + noun + "</c>: " + (gettable ? "by key" : string.Empty)
                + (gettable && listable ? ", or " : string.Empty) + (search ? "those a query finds (streamed as pages arrive)"
                    : nameField is not null ? "all of them or those with a name (wildcards, or the exact name)" : listable ? "all of them" : string.Empty)
                + ". " + ModelDoc(model));
            if (nameField is not null)
            {
                Example(w, "Get-" + noun + " 'a*'", "Those whose " + CSharp.XmlInline(nameField.JsonName) + " starts with a (an exact name matches too, even with wildcard characters in it).");
            }
            else
            {
                Example(w, gettable ? "Get-" + noun + " -" + key!.Name + " " + SampleKey(key) : "Get-" + noun,
                    gettable ? "The " + model.Name + " with that key." : "Every " + model.Name + ".");
            }
            w.Line("[" + Sma + "Cmdlet(" + Sma + "VerbsCommon.Get, \"" + noun + "\", DefaultParameterSetName = \"" + defaultSet + "\")]");
            w.Line("[" + Sma + "OutputType(typeof(" + types.ModelType + "))]");
            w.Open("public sealed partial class Get" + noun + "Command : " + Base);
            if (gettable)
            {
                // With a name filter, the name takes the first position and the key is named (or piped by property name).
                string position = nameField is null ? ", Position = " + CSharp.Int(key!.Field.PowerShell?.Position ?? 0) : string.Empty;
                w.Line("private readonly global::System.Collections.Generic.HashSet<" + key!.Type + "> __written = new global::System.Collections.Generic.HashSet<" + key.Type + ">();");
                w.Line();
                w.Line("/// <summary>The keys (also a <c>" + model.Name + key.Field.PropertyName + "</c> property of a piped object).</summary>");
                w.Line("[" + Sma + "Parameter(ParameterSetName = \"Key\", Mandatory = true" + position + ", ValueFromPipelineByPropertyName = true)]");
                Aliases(w, model, key.Field, withModelKey: true);
                Pattern(w, key.Field);
                w.Line("public " + key.Type + "[]? " + key.Name + " { get; set; }");
                w.Line();
            }
            if (nameField is not null)
            {
                w.Line("/// <summary>Only those with these " + CSharp.Xml(nameField.JsonName) + " values (wildcards, or the exact value).</summary>");
                w.Line("[" + Sma + "Parameter(ParameterSetName = \"Name\", Position = 0" + (byName ? ", ValueFromPipelineByPropertyName = true" : string.Empty) + ")]");
                if (byName)
                {
                    Aliases(w, model, nameField, withModelKey: false, extra: nameField.PropertyName, parameter: "Name");
                }
                w.Line("[" + Sma + "SupportsWildcards]");
                w.Line("public string[]? Name { get; set; }");
                w.Line();
            }
            if (search)
            {
                w.Line("/// <summary>A query in the Cb query language (all when left out). Tab completes field names.</summary>");
                w.Line("[" + Sma + "Parameter(ParameterSetName = \"Query\", Position = 0, ValueFromPipeline = true)]");
                w.Line("[global::CbTyped.PowerShell.CbQueryCompletion<" + types.ModelType + ">]");
                w.Line("public string? Query { get; set; }");
                w.Line();
            }
            w.Line("/// <inheritdoc />");
            w.Open("protected override void ProcessRecord()");
            if (gettable)
            {
                w.Open("if (ParameterSetName == \"Key\")");
                w.Open("foreach (" + key!.Type + " __key in " + key.Name + "!)");
                w.Line("// Many inputs naming one object (processes of one sensor) write it once per pipeline.");
                w.Open("if (__written.Add(__key))");
                w.Line("ForEachInput(__key, () => WriteObject(Await(__ct => Client.GetAsync<" + types.ModelType + ">(" + (key.Type == "string" ? "__key" : key.Text("__key")) + ", __ct))));");
                w.Close();
                w.Close();
                w.Line("return;");
                w.Close();
            }
            if (listable)
            {
                w.Open("ForEachInput(" + (search ? "Query" : nameField is not null ? "Name" : "null") + ", () =>");
                w.Line("var __query = Client.Select<" + types.ModelType + ">();");
                if (search)
                {
                    w.Open("if (!string.IsNullOrWhiteSpace(Query))");
                    w.Line("__query = __query.Where(Query!);");
                    w.Close();
                }
                w.Open("foreach (var __item in Enumerate(__query))");
                if (nameField is not null)
                {
                    w.Open("if (Name is null || global::System.Linq.Enumerable.Any(Name, __name => MatchesName(__item." + nameField.PropertyName + ", __name)))");
                    w.Line("WriteObject(__item);");
                    w.Close();
                }
                else
                {
                    w.Line("WriteObject(__item);");
                }
                w.Close();
                w.Close(");");
            }
            w.Close();
            w.Close();
            w.Close();
            return w.ToString();
        }

        private static string NewCmdlet(ModelSpec model, TypeNames types, KeyField? key)
        {
            var fields = Settable(model, key, withKey: model.Key.SentOnCreate);
            string noun = NounOf(model);
            CodeWriter w = Start(model);
            CSharp.Summary(w, "<c>New-" + noun + "</c>: creates one on the server and writes it as the server stored it. " + ModelDoc(model));
            Example(w, "New-" + noun + SampleArguments(fields, requiredOnly: true) + " -WhatIf", "Shows what would be created, and sends nothing.");
            w.Line("[" + Sma + "Cmdlet(" + Sma + "VerbsCommon.New, \"" + noun + "\", SupportsShouldProcess = true, ConfirmImpact = " + Sma + "ConfirmImpact.Medium)]");
            w.Line("[" + Sma + "OutputType(typeof(" + types.ModelType + "))]");
            w.Open("public sealed partial class New" + noun + "Command : " + Base);
            foreach (FieldSpec field in fields)
            {
                FieldParameter(w, model, field, types, field.RequiredOnCreate ? "Mandatory = true, ValueFromPipelineByPropertyName = true" : "ValueFromPipelineByPropertyName = true");
            }
            // The target names what is created: the required fields' values (an MD5, a name), else the model.
            string target = CSharp.Literal(model.Name);
            foreach (FieldSpec field in fields)
            {
                if (field.RequiredOnCreate && field.Type.Kind == FieldKind.String && field.PowerShell?.Secure != true)
                {
                    target = CSharp.Literal(model.Name + " ") + " + " + ParameterName(field);
                    break;
                }
            }
            w.Line("/// <inheritdoc />");
            w.Open("protected override void ProcessRecord() => ForEachInput(" + (fields.Count > 0 && fields[0].PowerShell?.Secure != true ? ParameterName(fields[0]) : "null") + ", () =>");
            w.Open("if (!ShouldProcess(" + target + ", \"Create\"))");
            w.Line("return;");
            w.Close();
            w.Line("var __model = Client.Create<" + types.ModelType + ">();");
            AssignBound(w, fields);
            w.Line("WriteObject(Await(__ct => Client.SaveAsync(__model, __ct)));");
            w.Close(");");
            w.Close();
            w.Close();
            return w.ToString();
        }

        private static string SetCmdlet(ModelSpec model, TypeNames types, KeyField key)
        {
            var fields = Settable(model, key, withKey: false);
            string noun = NounOf(model);
            CodeWriter w = Start(model);
            CSharp.Summary(w, "<c>Set-" + noun + "</c>: changes the fields given and saves (a piped object, or the one with the key). " + ModelDoc(model));
            Example(w, "Get-" + noun + " -" + key.Name + " " + SampleKey(key) + " | Set-" + noun + SampleArguments(fields, requiredOnly: false, max: 1) + " -WhatIf",
                "Shows the change, and sends nothing.");
            w.Line("[" + Sma + "Cmdlet(" + Sma + "VerbsCommon.Set, \"" + noun + "\", DefaultParameterSetName = \"InputObject\", SupportsShouldProcess = true, ConfirmImpact = " + Sma + "ConfirmImpact.Medium)]");
            w.Line("[" + Sma + "OutputType(typeof(" + types.ModelType + "))]");
            w.Open("public sealed partial class Set" + noun + "Command : " + Base);
            InputAndKeyParameters(w, model, types, key);
            foreach (FieldSpec field in fields)
            {
                FieldParameter(w, model, field, types, string.Empty, named: true);
            }
            w.Line("/// <inheritdoc />");
            w.Open("protected override void ProcessRecord() => ForEachInput((object?)InputObject ?? " + key.Name + ", () =>");
            w.Open("if (!ShouldProcess(" + Target(model, key) + ", \"Update\"))");
            w.Line("return;");
            w.Close();
            w.Line("var __model = InputObject ?? Await(__ct => Client.GetAsync<" + types.ModelType + ">(" + key.Text(key.Name) + ", __ct));");
            AssignBound(w, fields);
            w.Line("WriteObject(Await(__ct => ClientFor(__model).SaveAsync(__model, __ct)));");
            w.Close(");");
            w.Close();
            w.Close();
            return w.ToString();
        }

        private static string RemoveCmdlet(ModelSpec model, TypeNames types, KeyField key)
        {
            string noun = NounOf(model);
            CodeWriter w = Start(model);
            CSharp.Summary(w, "<c>Remove-" + noun + "</c>: deletes it on the server (a piped object, or the one with the key). " + ModelDoc(model));
            Example(w, "Remove-" + noun + " -" + key.Name + " " + SampleKey(key) + " -Confirm:$false", "Deletes it without asking.");
            w.Line("[" + Sma + "Cmdlet(" + Sma + "VerbsCommon.Remove, \"" + noun + "\", DefaultParameterSetName = \"InputObject\", SupportsShouldProcess = true, ConfirmImpact = " + Sma + "ConfirmImpact.High)]");
            w.Open("public sealed partial class Remove" + noun + "Command : " + Base);
            InputAndKeyParameters(w, model, types, key);
            w.Line("/// <inheritdoc />");
            w.Open("protected override void ProcessRecord() => ForEachInput((object?)InputObject ?? " + key.Name + ", () =>");
            w.Open("if (!ShouldProcess(" + Target(model, key) + ", \"Delete\"))");
            w.Line("return;");
            w.Close();
            w.Line("// By key: a reference (no GET first), the DELETE needs only the key.");
            w.Line("var __model = InputObject ?? Client.Select<" + types.ModelType + ">(" + key.Text(key.Name) + ");");
            w.Line("Await(__ct => ClientFor(__model).DeleteAsync(__model, __ct));");
            w.Close(");");
            w.Close();
            w.Close();
            return w.ToString();
        }

        private static string OperationCmdlet(ModelSpec model, TypeNames types, OperationSpec op, string verbExpression, string verb, string noun)
        {
            bool instance = op.Scope == OperationScope.Instance;
            string method = op.Route.Variants[0].Method;
            bool changes = method != "GET";
            string impact = method == "DELETE" ? "High" : "Medium";
            CodeWriter w = Start(model);
            CSharp.Summary(w, "<c>" + verb + "-" + noun + "</c>: " + (op.Doc is null ? "the " + CSharp.Xml(op.Name) + " operation of " + CSharp.Xml(model.Name) + "." : CSharp.Xml(op.Doc)));
            string sample = verb + "-" + noun + SampleOperationArguments(op) + (changes ? " -WhatIf" : string.Empty);
            Example(w, instance ? "Get-" + NounOf(model) + " | " + sample : sample, changes ? "Shows what it would do, and sends nothing." : "Runs it and writes what the server answered.");
            w.Line("[" + Sma + "Cmdlet(" + verbExpression + ", \"" + noun + "\"" + (changes ? ", SupportsShouldProcess = true, ConfirmImpact = " + Sma + "ConfirmImpact." + impact : string.Empty) + ")]");
            if (op.Response.NamesModel)
            {
                w.Line("[" + Sma + "OutputType(typeof(" + op.Response.TargetTypeName + "))]");
            }
            w.Open("public sealed partial class " + verb + noun + "Command : " + Base);
            if (instance)
            {
                w.Line("/// <summary>The " + CSharp.Xml(model.Name) + " to act on (from <c>Get-" + CSharp.Xml(NounOf(model)) + "</c>).</summary>");
                w.Line("[" + Sma + "Parameter(Mandatory = true, Position = 0, ValueFromPipeline = true)]");
                w.Line("public " + types.ModelType + "? InputObject { get; set; }");
                w.Line();
            }
            var arguments = new List<string>();
            int position = instance ? 1 : 0;
            foreach (OperationParameterSpec p in op.Parameters)
            {
                string name = Pascal(p.CSharpName);
                bool mandatory = !p.Optional && p.DefaultLiteral is null;
                w.Line("/// <summary>" + (p.Doc is null ? "The operation's " + CSharp.Xml(p.Name) + "." : CSharp.Xml(p.Doc)) + "</summary>");
                w.Line("[" + Sma + "Parameter(" + (mandatory ? "Mandatory = true, Position = " + CSharp.Int(position++) + ", " : string.Empty) + "ValueFromPipelineByPropertyName = true)]");
                string type = ParameterType(p.Type);
                string init = p.DefaultLiteral is null ? string.Empty : " = " + p.DefaultLiteral + ";";
                bool nullable = p.Optional || type == "string" || type.EndsWith("[]", System.StringComparison.Ordinal);
                w.Line("public " + type + (nullable && p.DefaultLiteral is null ? "?" : string.Empty) + " " + name + " { get; set; }" + init);
                w.Line();
                arguments.Add(mandatory && nullable && !p.Optional ? name + "!" : name);
            }
            string call = (instance ? "__model." : types.ModelType + ".") + op.MethodName + "Async("
                + (instance ? string.Empty : "Client, ") + string.Join(string.Empty, arguments.ConvertAll(a => a + ", ")) + "__ct)";
            w.Line("/// <inheritdoc />");
            w.Open("protected override void ProcessRecord() => ForEachInput(" + (instance ? "InputObject" : "null") + ", () =>");
            if (instance)
            {
                w.Line("var __model = InputObject!;");
            }
            if (changes)
            {
                w.Open("if (!ShouldProcess(" + (instance ? "__model.ToString() ?? " + CSharp.Literal(model.Name) : CSharp.Literal(model.Name)) + ", " + CSharp.Literal(op.MethodName) + "))");
                w.Line("return;");
                w.Close();
            }
            switch (op.Response.Kind)
            {
                case OperationResponseKind.List:
                case OperationResponseKind.Map:
                    w.Line("WriteObject(Await(__ct => " + call + "), enumerateCollection: true);");
                    break;
                case OperationResponseKind.Model:
                    w.Line("WriteObject(Await(__ct => " + call + "));");
                    break;
                case OperationResponseKind.Refresh:
                case OperationResponseKind.Load:
                    // The instance now holds what the server answered: write it on, as a Set- cmdlet does.
                    w.Line("Await(__ct => " + call + ");");
                    w.Line("WriteObject(__model);");
                    break;
                case OperationResponseKind.Scalar:
                    w.Line("var __value = Await(__ct => " + call + ");");
                    w.Open("if (__value is not null)");
                    w.Line("WriteObject(__value);");
                    w.Close();
                    break;
                default:
                    w.Line("Await(__ct => " + call + ");");
                    break;
            }
            w.Close(");");
            w.Close();
            w.Close();
            return w.ToString();
        }

        private static bool ParametersFit(OperationSpec op)
        {
            foreach (OperationParameterSpec p in op.Parameters)
            {
                if (Reserved.Contains(Pascal(p.CSharpName)))
                {
                    return false;
                }
            }
            return true;
        }

        private static CodeWriter Start(ModelSpec model)
        {
            CodeWriter w = CodeWriter.StartFile(model.SpecFileName);
            w.Open("namespace " + model.Namespace + ".PowerShell");
            return w;
        }

        private static void Example(CodeWriter w, string code, string text)
        {
            w.Line("/// <example>");
            w.Line("/// <code>");
            w.Line("/// " + CSharp.XmlInline(code));
            w.Line("/// </code>");
            w.Line("/// <para>" + CSharp.XmlInline(text) + "</para>");
            w.Line("/// </example>");
        }

        private static void InputAndKeyParameters(CodeWriter w, ModelSpec model, TypeNames types, KeyField key)
        {
            w.Line("/// <summary>The " + CSharp.Xml(model.Name) + " (from <c>Get-" + CSharp.Xml(NounOf(model)) + "</c>).</summary>");
            w.Line("[" + Sma + "Parameter(ParameterSetName = \"InputObject\", Mandatory = true, Position = 0, ValueFromPipeline = true)]");
            // Also -{Model} (Remove-CbWatchlist -Watchlist $w), unless a field's parameter has that name.
            if (!Settable(model, key, withKey: true).Exists(f => string.Equals(ParameterName(f), model.Name, System.StringComparison.OrdinalIgnoreCase))
                && !Reserved.Contains(model.Name))
            {
                w.Line("[" + Sma + "Alias(" + CSharp.Literal(model.Name) + ")]");
            }
            w.Line("public " + types.ModelType + "? InputObject { get; set; }");
            w.Line();
            // A key with a position shares position 0 with InputObject: PowerShell binds a piped or typed object to
            // InputObject and a bare key (Remove-CbBannedHash 7FB5...) to the key.
            string position = key.Field.PowerShell?.Position is int at ? ", Position = " + CSharp.Int(at) : string.Empty;
            w.Line("/// <summary>Its key (also a <c>" + model.Name + key.Field.PropertyName + "</c> property of a piped object).</summary>");
            w.Line("[" + Sma + "Parameter(ParameterSetName = \"Key\", Mandatory = true" + position + ", ValueFromPipelineByPropertyName = true)]");
            Aliases(w, model, key.Field, withModelKey: true);
            Pattern(w, key.Field);
            w.Line("public " + key.Type + (key.Type == "string" ? "?" : string.Empty) + " " + key.Name + " { get; set; }");
            w.Line();
        }

        /// <summary>A field as a parameter; <paramref name="named"/>: no position (Set- takes the object at position 0).</summary>
        private static void FieldParameter(CodeWriter w, ModelSpec model, FieldSpec field, TypeNames types, string arguments, bool named = false)
        {
            PowerShellFieldSpec? hints = field.PowerShell;
            if (!named && hints?.Position is int position)
            {
                arguments = (arguments.Length == 0 ? string.Empty : arguments + ", ") + "Position = " + CSharp.Int(position);
            }
            w.Line("/// <summary>" + (field.Doc is null ? "The " + CSharp.Xml(field.JsonName) + " field." : CSharp.Xml(field.Doc))
                + (hints?.Secure == true ? " A SecureString (<c>Read-Host -AsSecureString</c>)." : string.Empty) + "</summary>");
            w.Line("[" + Sma + "Parameter(" + arguments + ")]");
            Aliases(w, model, field, withModelKey: false);
            Pattern(w, field);
            if (hints?.Secure == true)
            {
                w.Line("public global::System.Security.SecureString? " + ParameterName(field) + " { get; set; }");
            }
            else
            {
                string type = FieldCodec.ElementType(field.Type, types);
                w.Line("public " + type + (field.Type.Kind == FieldKind.String ? "?" : string.Empty) + " " + ParameterName(field) + " { get; set; }");
            }
            w.Line();
        }

        /// <summary>The field's aliases: <c>{Model}{Property}</c> for a key, the property name when the parameter is renamed, the spec's.</summary>
        private static void Aliases(CodeWriter w, ModelSpec model, FieldSpec field, bool withModelKey, string? extra = null, string? parameter = null)
        {
            var aliases = new List<string>();
            string name = parameter ?? ParameterName(field);
            void Alias(string alias)
            {
                if (!string.Equals(alias, name, System.StringComparison.OrdinalIgnoreCase) && !aliases.Exists(a => string.Equals(a, alias, System.StringComparison.OrdinalIgnoreCase)))
                {
                    aliases.Add(alias);
                }
            }
            if (withModelKey)
            {
                Alias(model.Name + field.PropertyName);
            }
            if (extra is not null)
            {
                Alias(extra);
            }
            if (field.PowerShell is { } hints)
            {
                Alias(field.PropertyName);
                foreach (string alias in hints.Aliases)
                {
                    Alias(alias);
                }
            }
            if (aliases.Count > 0)
            {
                w.Line("[" + Sma + "Alias(" + string.Join(", ", aliases.ConvertAll(CSharp.Literal)) + ")]");
            }
        }

        private static void Pattern(CodeWriter w, FieldSpec field)
        {
            if (field.PowerShell?.Pattern is { } pattern)
            {
                w.Line("[" + Sma + "ValidatePattern(" + CSharp.Literal(pattern) + ")]");
            }
        }

        /// <summary>Sets the model's fields the caller gave (a parameter left out leaves the field as it is).</summary>
        private static void AssignBound(CodeWriter w, List<FieldSpec> fields)
        {
            foreach (FieldSpec field in fields)
            {
                string name = ParameterName(field);
                w.Open("if (MyInvocation.BoundParameters.ContainsKey(" + CSharp.Literal(name) + "))");
                string value = field.PowerShell?.Secure == true ? "PlainText(" + name + ")" : name;
                w.Line("__model." + field.PropertyName + " = " + value + ";");
                w.Close();
            }
        }

        /// <summary>The parameter name of a field: <c>powershell.parameter</c>, else the property name.</summary>
        private static string ParameterName(FieldSpec field) => field.PowerShell?.Parameter ?? field.PropertyName;

        private static string NounOf(ModelSpec model) => model.PowerShell?.Noun ?? "Cb" + model.Name;

        /// <summary>The string field of <c>powershell.nameFilter</c>, or null.</summary>
        private static FieldSpec? NameFilterOf(ModelSpec model)
        {
            if (model.PowerShell?.NameFilter is not { } json)
            {
                return null;
            }
            foreach (FieldSpec field in model.Fields)
            {
                if (field.JsonName == json)
                {
                    return field;
                }
            }
            return null;
        }

        private static string Target(ModelSpec model, KeyField key) =>
            "InputObject?.ToString() ?? " + CSharp.Literal(model.Name + " ") + " + " + key.Text(key.Name);

        private static string ModelDoc(ModelSpec model) => model.Doc is null ? string.Empty : CSharp.Xml(model.Doc);

        private static string SampleKey(KeyField key) => key.Type == "string" ? "'abc'" : "1";

        private static string SampleArguments(List<FieldSpec> fields, bool requiredOnly, int max = int.MaxValue)
        {
            var builder = new System.Text.StringBuilder();
            int count = 0;
            foreach (FieldSpec field in fields)
            {
                if ((requiredOnly && !field.RequiredOnCreate) || count == max)
                {
                    continue;
                }
                count++;
                builder.Append(" -").Append(ParameterName(field)).Append(' ').Append(field.PowerShell?.Secure == true ? "(Read-Host -AsSecureString)" : Sample(field.Type));
            }
            return builder.ToString();
        }

        private static string SampleOperationArguments(OperationSpec op)
        {
            var builder = new System.Text.StringBuilder();
            foreach (OperationParameterSpec p in op.Parameters)
            {
                if (!p.Optional && p.DefaultLiteral is null)
                {
                    builder.Append(" -").Append(Pascal(p.CSharpName)).Append(' ').Append(p.Type == "bool" ? "$true" : p.Type.StartsWith("list<", System.StringComparison.Ordinal) || p.Type == "string" || p.Type == "segments" ? "'value'" : "1");
                }
            }
            return builder.ToString();
        }

        private static string Sample(FieldTypeSpec type) => type.Kind switch
        {
            FieldKind.Bool => "$true",
            FieldKind.Int or FieldKind.Long or FieldKind.Double => "1",
            FieldKind.Enum when type.EnumValues.Count > 0 => type.EnumValues[0].MemberName,
            _ => "'value'",
        };

        private static string ParameterType(string type) => type switch
        {
            "segments" => "string",
            "list<string>" => "string[]",
            "list<int>" => "int[]",
            _ => type,
        };

        private static string Pascal(string name) =>
            name.Length == 0 ? name : char.ToUpperInvariant(name[0]) + name.Substring(1);
    }
}
