using System.Reflection.Metadata;
using System.Reflection.PortableExecutable;

namespace CbTyped.Runtime.Tests;

/// <summary>
/// The runtime's public types that exist only for generated code stay hidden from IntelliSense
/// (<c>[EditorBrowsable(EditorBrowsableState.Never)]</c>), and a new public type in the namespaces that hold them must
/// be put on one side or the other: read from the runtime assembly's metadata, as a user's compiler sees it.
/// </summary>
public sealed class GeneratedOnlySurfaceTests
{
    /// <summary>Public types only generated code (and the runtime) use; docs/runtime.md lists them for users.</summary>
    private static readonly string[] GeneratedOnly =
    [
        "CbTyped.Modeling.CbFormPart",
        "CbTyped.Modeling.CbEquality",
        "CbTyped.Modeling.CbJson",
        "CbTyped.Modeling.CbOperations",
        "CbTyped.Modeling.ICbOperationSession",
        "CbTyped.Modeling.CbTypeInfo",
        "CbTyped.Modeling.CbModelInfo",
        "CbTyped.Modeling.CbModelInfo`1",
        "CbTyped.Modeling.CbFieldInfo",
        "CbTyped.Modeling.CbFieldShape",
        "CbTyped.Modeling.CbFieldType",
        "CbTyped.Modeling.CbJoinInfo",
        "CbTyped.Modeling.CbJoinKind",
        "CbTyped.Modeling.CbKeyInfo",
        "CbTyped.Modeling.CbKeyNormalization",
        "CbTyped.Modeling.CbQueryInfo",
        "CbTyped.Modeling.CbQueryKind",
        "CbTyped.Modeling.CbRoute",
        "CbTyped.Modeling.CbRouteSet",
        "CbTyped.Modeling.CbRoutes",
        "CbTyped.Modeling.CbSearchSchemaAttribute",
        "CbTyped.Modeling.CbQueryValuesAttribute",
        "CbTyped.Modeling.Json.CbDateFormat",
        "CbTyped.Modeling.Json.CbDateParser",
        "CbTyped.Modeling.Json.CbEnumParser`1",
        "CbTyped.Modeling.Json.CbFieldSlot",
        "CbTyped.Modeling.Json.CbJsonKind",
        "CbTyped.Modeling.Json.CbJsonScanner",
        "CbTyped.Modeling.Json.CbJsonValue",
        "CbTyped.Modeling.Json.CbMemberPatterns",
        "CbTyped.Modeling.Json.CbSearchPageReader",
        "CbTyped.Modeling.Json.CbSpanDecoder`1",
        "CbTyped.Modeling.Json.CbStringDecoder",
        "CbTyped.Modeling.Json.CbValueDecoder`1",
        "CbTyped.Modeling.Json.CbValueReader",
        "CbTyped.Modeling.Json.CbValueWriter",
    ];

    /// <summary>Public types in those namespaces that users do call: models' base classes, query terms and fields.</summary>
    private static readonly string[] UserFacing =
    [
        "CbTyped.Modeling.CbModel",
        "CbTyped.Modeling.CbObject",
        "CbTyped.Modeling.ICbModel`1",
        "CbTyped.Modeling.ICbObject`1",
        "CbTyped.Modeling.ICbModelSession",
        "CbTyped.Modeling.ICbKeyedBy`1",
        "CbTyped.Modeling.ICbCompositeKey`1",
        "CbTyped.Modeling.ICbQuery`1",
        "CbTyped.Modeling.CbWriteMode",
        "CbTyped.Modeling.CbQueryTerm",
        "CbTyped.Modeling.CbQueryEscaper",
        "CbTyped.Modeling.CbSearchField",
        "CbTyped.Modeling.CbStringSearchField",
        "CbTyped.Modeling.CbNumberSearchField",
        "CbTyped.Modeling.CbDateSearchField",
        "CbTyped.Modeling.CbBoolSearchField",
        "CbTyped.Modeling.CbIpSearchField",
        "CbTyped.Modeling.Json.CbJsonException",
    ];

    private static readonly string[] GeneratedOnlyNamespaces = ["CbTyped.Modeling", "CbTyped.Modeling.Json"];

    /// <summary>Members of user-facing types that only generated code calls (type, member name).</summary>
    private static readonly (string Type, string Member)[] GeneratedOnlyMembers =
    [
        ("CbTyped.Modeling.CbObject", "LoadJson"),
        ("CbTyped.Modeling.CbObject", "FindField"),
        ("CbTyped.Modeling.CbObject", "FieldSlots"),
        ("CbTyped.Modeling.CbObject", "MemberPatterns"),
        ("CbTyped.Modeling.CbObject", "WriteFieldValue"),
        ("CbTyped.Modeling.CbObject", "GetRawToken"),
        ("CbTyped.Modeling.CbObject", "MarkAssigned"),
        ("CbTyped.Modeling.CbObject", "FieldReadError"),
        ("CbTyped.Modeling.CbModel", "GetKeyCore"),
        ("CbTyped.CbPage`1", "Facets"),
    ];

    [Fact]
    public void Every_generated_only_type_is_hidden_from_IntelliSense()
    {
        using var runtime = RuntimeMetadata.Open();
        var types = runtime.PublicTypes();

        var missing = GeneratedOnly.Where(name => !types.ContainsKey(name)).ToList();
        Assert.True(missing.Count == 0, "Listed as generated-only but not a public runtime type: " + string.Join(", ", missing));
        var visible = GeneratedOnly.Where(name => !runtime.IsHidden(types[name].GetCustomAttributes())).ToList();
        Assert.True(visible.Count == 0, "Generated-only types without [EditorBrowsable(Never)]: " + string.Join(", ", visible));
    }

    [Fact]
    public void A_new_public_type_in_the_generated_only_namespaces_is_classified()
    {
        using var runtime = RuntimeMetadata.Open();
        var types = runtime.PublicTypes();

        var unclassified = types.Keys
            .Where(name => GeneratedOnlyNamespaces.Contains(name[..name.LastIndexOf('.')], StringComparer.Ordinal))
            .Where(name => !GeneratedOnly.Contains(name, StringComparer.Ordinal) && !UserFacing.Contains(name, StringComparer.Ordinal))
            .Order(StringComparer.Ordinal)
            .ToList();
        Assert.True(unclassified.Count == 0,
            "New public types: add each to GeneratedOnly (and mark it [EditorBrowsable(Never)] with a 'for generated code' remark) or to UserFacing: "
            + string.Join(", ", unclassified));

        // A user-facing type must not be hidden by mistake either.
        var hidden = UserFacing.Where(name => types.TryGetValue(name, out var t) && runtime.IsHidden(t.GetCustomAttributes())).ToList();
        Assert.True(hidden.Count == 0, "User-facing types marked [EditorBrowsable(Never)]: " + string.Join(", ", hidden));
    }

    [Fact]
    public void Generated_only_members_of_model_base_classes_are_hidden()
    {
        using var runtime = RuntimeMetadata.Open();
        var types = runtime.PublicTypes();

        var visible = new List<string>();
        foreach (var (typeName, member) in GeneratedOnlyMembers)
        {
            var members = runtime.MemberAttributes(types[typeName], member);
            Assert.True(members.Count > 0, $"{typeName}.{member} not found");
            if (members.Any(attributes => !runtime.IsHidden(attributes)))
                visible.Add($"{typeName}.{member}");
        }
        Assert.True(visible.Count == 0, "Generated-only members without [EditorBrowsable(Never)]: " + string.Join(", ", visible));
    }

    [Fact]
    public void Every_hidden_type_and_member_is_documented_as_for_generated_code()
    {
        using var runtime = RuntimeMetadata.Open();
        var docs = RuntimeDocs.Load();
        var undocumented = new List<string>();
        foreach (var (name, type) in runtime.PublicTypes())
        {
            if (runtime.IsHidden(type.GetCustomAttributes()) && !docs.SaysForGeneratedCode("T:" + name))
                undocumented.Add(name);
            // Overloads share a name (IsFieldDirty(string) is for users, IsFieldDirty(int) for generated code): as many
            // entries of that name must say so as there are hidden overloads.
            foreach (var hidden in runtime.HiddenMemberNames(type).GroupBy(m => m, StringComparer.Ordinal))
            {
                if (docs.MemberIds(name, hidden.Key).Count(docs.SaysForGeneratedCode) < hidden.Count())
                    undocumented.Add(name + "." + hidden.Key);
            }
        }
        Assert.True(undocumented.Count == 0,
            "[EditorBrowsable(Never)] without an XML doc saying it is for generated code: " + string.Join(", ", undocumented.Distinct().Order(StringComparer.Ordinal)));
    }

    [Fact]
    public void Users_see_one_CbPage_type()
    {
        using var runtime = RuntimeMetadata.Open();
        var pages = runtime.AllTypeNames().Where(name => name.EndsWith(".CbPage", StringComparison.Ordinal) || name.Contains(".CbPage`", StringComparison.Ordinal)).ToList();
        Assert.Equal(["CbTyped.CbPage`1"], pages); // what AsPages yields and the generated page reader returns
    }

    /// <summary>The runtime assembly opened with System.Reflection.Metadata (no loading, no reflection over it).</summary>
    private sealed class RuntimeMetadata : IDisposable
    {
        private readonly PEReader _pe;

        private RuntimeMetadata(PEReader pe)
        {
            _pe = pe;
            Reader = pe.GetMetadataReader();
        }

        public MetadataReader Reader { get; }

        public static RuntimeMetadata Open() =>
            new(new PEReader(File.OpenRead(typeof(CbResponseClient).Assembly.Location)));

        public void Dispose() => _pe.Dispose();

        public IEnumerable<string> AllTypeNames() =>
            Reader.TypeDefinitions.Select(h => Reader.GetTypeDefinition(h)).Where(t => t.GetDeclaringType().IsNil).Select(FullName);

        /// <summary>Top-level public types by full metadata name (<c>CbTyped.Modeling.Json.CbPage`1</c>).</summary>
        public Dictionary<string, TypeDefinition> PublicTypes() =>
            Reader.TypeDefinitions
                .Select(h => Reader.GetTypeDefinition(h))
                .Where(t => (t.Attributes & System.Reflection.TypeAttributes.VisibilityMask) == System.Reflection.TypeAttributes.Public)
                .ToDictionary(FullName, StringComparer.Ordinal);

        /// <summary>The attribute lists of every non-private method and property of <paramref name="type"/> with this name.</summary>
        public List<CustomAttributeHandleCollection> MemberAttributes(TypeDefinition type, string name)
        {
            var found = new List<CustomAttributeHandleCollection>();
            foreach (var h in type.GetMethods())
            {
                var m = Reader.GetMethodDefinition(h);
                var access = m.Attributes & System.Reflection.MethodAttributes.MemberAccessMask;
                if (Reader.StringComparer.Equals(m.Name, name) && access != System.Reflection.MethodAttributes.Private
                    && access != System.Reflection.MethodAttributes.Assembly)
                    found.Add(m.GetCustomAttributes());
            }
            foreach (var h in type.GetProperties())
            {
                var p = Reader.GetPropertyDefinition(h);
                if (Reader.StringComparer.Equals(p.Name, name))
                    found.Add(p.GetCustomAttributes());
            }
            return found;
        }

        /// <summary>Names of the non-private methods and properties of <paramref name="type"/> marked hidden.</summary>
        public IEnumerable<string> HiddenMemberNames(TypeDefinition type)
        {
            foreach (var h in type.GetMethods())
            {
                var m = Reader.GetMethodDefinition(h);
                var access = m.Attributes & System.Reflection.MethodAttributes.MemberAccessMask;
                if (access != System.Reflection.MethodAttributes.Private && access != System.Reflection.MethodAttributes.Assembly
                    && IsHidden(m.GetCustomAttributes()))
                    yield return Reader.GetString(m.Name);
            }
            foreach (var h in type.GetProperties())
            {
                var p = Reader.GetPropertyDefinition(h);
                if (IsHidden(p.GetCustomAttributes()))
                    yield return Reader.GetString(p.Name);
            }
        }

        /// <summary>True when the attributes hold <c>[EditorBrowsable(EditorBrowsableState.Never)]</c>.</summary>
        public bool IsHidden(CustomAttributeHandleCollection attributes)
        {
            foreach (var h in attributes)
            {
                var attribute = Reader.GetCustomAttribute(h);
                if (AttributeTypeName(attribute) != "System.ComponentModel.EditorBrowsableAttribute")
                    continue;
                var value = attribute.DecodeValue(new IntArguments());
                if (value.FixedArguments.Length == 1 && value.FixedArguments[0].Value is int state
                    && state == (int)System.ComponentModel.EditorBrowsableState.Never)
                    return true;
            }
            return false;
        }

        private string AttributeTypeName(CustomAttribute attribute)
        {
            if (attribute.Constructor.Kind == HandleKind.MemberReference)
            {
                var parent = Reader.GetMemberReference((MemberReferenceHandle)attribute.Constructor).Parent;
                if (parent.Kind == HandleKind.TypeReference)
                {
                    var reference = Reader.GetTypeReference((TypeReferenceHandle)parent);
                    return Reader.GetString(reference.Namespace) + "." + Reader.GetString(reference.Name);
                }
            }
            else if (attribute.Constructor.Kind == HandleKind.MethodDefinition)
            {
                var definition = Reader.GetMethodDefinition((MethodDefinitionHandle)attribute.Constructor);
                return FullName(Reader.GetTypeDefinition(definition.GetDeclaringType()));
            }
            return "";
        }

        private string FullName(TypeDefinition type) => Reader.GetString(type.Namespace) + "." + Reader.GetString(type.Name);
    }

    /// <summary>The runtime's XML documentation file, as the compiler wrote it beside the assembly.</summary>
    private sealed class RuntimeDocs
    {
        private readonly Dictionary<string, string> _textById;

        private RuntimeDocs(Dictionary<string, string> textById) => _textById = textById;

        public static RuntimeDocs Load()
        {
            var path = Path.ChangeExtension(typeof(CbResponseClient).Assembly.Location, ".xml");
            var members = System.Xml.Linq.XDocument.Load(path).Descendants("member");
            return new(members.ToDictionary(m => (string)m.Attribute("name")!, m => m.ToString(), StringComparer.Ordinal));
        }

        /// <summary>Doc ids of a type's methods and properties with this name (every overload; a generic method's id has ``1).</summary>
        public List<string> MemberIds(string typeName, string member)
        {
            var prefix = typeName + "." + member;
            return _textById.Keys
                .Where(id => id.Length > 2 && (id[0] == 'M' || id[0] == 'P') && id[1] == ':')
                .Where(id => id.AsSpan(2).StartsWith(prefix, StringComparison.Ordinal)
                             && (id.Length == prefix.Length + 2 || id[prefix.Length + 2] is '(' or '`'))
                .ToList();
        }

        /// <summary>The entry says "generated code", or inherits the doc of the member it overrides.</summary>
        public bool SaysForGeneratedCode(string id) =>
            _textById.TryGetValue(id, out var text)
            && (text.Contains("generated code", StringComparison.OrdinalIgnoreCase) || text.Contains("<inheritdoc", StringComparison.Ordinal));
    }

    /// <summary>Decodes the one argument EditorBrowsableAttribute's constructor takes (an enum stored as int).</summary>
    private sealed class IntArguments : ICustomAttributeTypeProvider<Type>
    {
        public Type GetPrimitiveType(PrimitiveTypeCode typeCode) => typeCode == PrimitiveTypeCode.Int32 ? typeof(int) : typeof(object);
        public Type GetSystemType() => typeof(Type);
        public Type GetSZArrayType(Type elementType) => elementType.MakeArrayType();
        public Type GetTypeFromDefinition(MetadataReader reader, TypeDefinitionHandle handle, byte rawTypeKind) => typeof(object);
        public Type GetTypeFromReference(MetadataReader reader, TypeReferenceHandle handle, byte rawTypeKind) => typeof(object);
        public Type GetTypeFromSerializedName(string name) => typeof(object);
        public PrimitiveTypeCode GetUnderlyingEnumType(Type type) => PrimitiveTypeCode.Int32;
        public bool IsSystemType(Type type) => type == typeof(Type);
    }
}
