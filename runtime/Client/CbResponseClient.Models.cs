using CbTyped.Modeling;

namespace CbTyped;

/// <summary>Models: queries, get by key (through the identity cache), create, save, refresh, delete.</summary>
[System.Diagnostics.CodeAnalysis.SuppressMessage("Naming", "CA1716:Identifiers should not match keywords", Justification = "Select and Get are the names docs/contract.md (and cbapi) use.")]
public partial class CbResponseClient : ICbModelSession
{
    private readonly Dictionary<CbModel, Task> _refreshing = new(ReferenceEqualityComparer.Instance);
    private CbIdentityCache _cache = null!;

    partial void InitializeModelSupport() => _cache = new CbIdentityCache(Options.Cache, server: ServerTags);

    /// <summary>The identity cache (tests and diagnostics).</summary>
    internal CbIdentityCache IdentityCache => _cache;

    /// <summary>A query over <typeparamref name="T"/>; nothing is sent until it is enumerated or counted.</summary>
    /// <exception cref="NotSupportedException">The model has no list route.</exception>
    public virtual CbQuery<T> Select<T>()
        where T : CbModel, ICbModel<T>
    {
        var info = T.ModelInfo;
        // A singleton (e.g. /api/v2/builds) is one object: its spec names it with a get route (spec-format.md).
        var routes = info.Query.Kind == CbQueryKind.Singleton ? info.Routes.List ?? info.Routes.Get : info.Routes.List;
        if (routes is not { Variants.Count: > 0 } list)
            throw new NotSupportedException($"{info.Name} cannot be listed or searched: its spec has no list route.");
        // The first variant until the server's version is known; the query picks the variant for it (CbRowQuery.PathFor).
        var route = list.Variants[0];
        var query = new CbRowQuery
        {
            Kind = info.Query.Kind switch
            {
                CbQueryKind.Search => CbRowQueryKind.Search,
                CbQueryKind.ServerList => CbRowQueryKind.ServerList,
                CbQueryKind.ChildList => CbRowQueryKind.ChildList,
                CbQueryKind.Singleton => CbRowQueryKind.Singleton,
                _ => CbRowQueryKind.ClientList,
            },
            ModelName = info.Name,
            Path = route.Template,
            Routes = list,
            Sort = info.Query.DefaultSort,
            PageSize = info.Query.PageSize,
            SendsLegacy5xMode = info.Query.SendsLegacy5xMode,
            ServerListFields = [.. info.Query.Parameters],
            ParentField = info.Query.ParentField,
        };
        return new CbQuery<T>(this, query);
    }

    /// <summary>
    /// The object with this key, without a request: the cached instance when there is one, else a reference that
    /// loads itself on first need (cbapi's <c>select(Cls, id)</c>). Cached, so the next call returns the same object.
    /// </summary>
    public virtual T Select<T>(string key)
        where T : CbModel, ICbModel<T>
    {
        ArgumentNullException.ThrowIfNull(key);
        var info = T.ModelInfo;
        var normalized = info.NormalizeKey(key);
        if (_cache.TryGet(info, normalized, out var cached))
            return (T)cached!;
        var model = info.CreateReference(normalized);
        model.Client = this;
        _cache.Set(info, normalized, model);
        return model;
    }

    /// <summary>
    /// The object with this key, loaded (one GET of its get route). Within the cache's time-to-live the same instance
    /// is returned; concurrent calls for one key share one request.
    /// </summary>
    /// <exception cref="CbObjectNotFoundException">The server has no such object.</exception>
    public virtual async Task<T> GetAsync<T>(string key, CancellationToken cancellationToken = default)
        where T : CbModel, ICbModel<T>
    {
        ArgumentNullException.ThrowIfNull(key);
        var info = T.ModelInfo;
        using var span = CbInstruments.StartOperation("get", info.Name);
        try
        {
            var normalized = info.NormalizeKey(key);
            var loaded = await _cache.GetOrLoadAsync(info, normalized, async ct =>
            {
                var fresh = info.CreateReference(normalized);
                fresh.Client = this;
                await LoadAsync(fresh, ct).ConfigureAwait(false);
                return fresh;
            }, cancellationToken).ConfigureAwait(false);
            var model = (T)loaded;
            if (!model.IsFull)
                await RefreshAsync(model, cancellationToken).ConfigureAwait(false); // a reference from Select<T>(key)
            return model;
        }
        catch (Exception e) when (CbInstruments.Failed(span, e))
        {
            throw; // not reached: Failed marks the span and returns false
        }
    }

    /// <summary>A new, unsaved object attached to this client (cbapi's <c>create</c>); <see cref="SaveAsync{T}"/> POSTs it.</summary>
    /// <exception cref="CbApiException">The model cannot be created.</exception>
    public virtual T Create<T>()
        where T : CbModel, ICbModel<T>
    {
        var info = T.ModelInfo;
        if (info.Routes.Create is null)
            throw new CbApiException($"Cannot create object of type {info.Name}");
        var model = info.CreateNew();
        model.Client = this;
        return model;
    }

    /// <summary>
    /// Reloads the object from its get route, replacing its data and clearing its changes (cbapi's <c>refresh</c>).
    /// Concurrent refreshes of one instance share one request. An object without a key, or a model without a get
    /// route, keeps its data. A refresh never loses a change a <see cref="SaveAsync{T}"/> of the instance has taken
    /// on: while that save is in flight its changes stay over the new data, and a refresh whose request went out
    /// before a save of the instance completed leaves the save's result in place.
    /// </summary>
    public virtual Task RefreshAsync(CbModel model, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(model);
        return RefreshInSpanAsync(model, cancellationToken);
    }

    /// <summary>The refresh in its <c>refresh</c> span; the first caller's span is the shared GET's parent.</summary>
    private async Task RefreshInSpanAsync(CbModel model, CancellationToken cancellationToken)
    {
        using var span = CbInstruments.StartOperation("refresh", model.ModelDescription.Name);
        try
        {
            await SharedRefresh(model).WaitAsync(cancellationToken).ConfigureAwait(false);
        }
        catch (Exception e) when (CbInstruments.Failed(span, e))
        {
            throw; // not reached: Failed marks the span and returns false
        }
    }

    private Task SharedRefresh(CbModel model)
    {
        Task task;
        lock (_refreshing)
        {
            if (!_refreshing.TryGetValue(model, out task!))
            {
                task = SharedRefreshAsync(model);
                _refreshing[model] = task;
            }
        }
        return task;
    }

    private async Task SharedRefreshAsync(CbModel model)
    {
        await Task.Yield();
        try
        {
            await LoadAsync(model, CancellationToken.None).ConfigureAwait(false);
        }
        finally
        {
            lock (_refreshing)
                _refreshing.Remove(model);
        }
    }

    /// <summary>
    /// Saves the object as cbapi meant: nothing to do when nothing changed; required fields checked first; a new object
    /// (or one whose key changed) is POSTed without read-only fields, an existing one is PUT whole — unknown fields
    /// included — after loading it fully if it was partial; then the object is refreshed when the server answered
    /// only an id, a success flag or nothing. A model implementing <see cref="ICbUpdateBody"/> writes its own PUT body.
    /// The changes are taken on when the call is made: a refresh of the instance racing the save cannot drop them,
    /// so the save sends them or throws. Returns the same instance.
    /// </summary>
    /// <exception cref="CbInvalidObjectException">Required fields are missing.</exception>
    public virtual async Task<T> SaveAsync<T>(T model, CancellationToken cancellationToken = default)
        where T : CbModel
    {
        ArgumentNullException.ThrowIfNull(model);
        string? key;
        bool isCreate;
        HashSet<string>? changedFields;
        // The changes are claimed before the first await: a refresh landing from now on keeps them (LoadAsync).
        lock (model.DocumentGate)
        {
            var info = model.ModelDescription;
            key = model.GetKeyString();
            // cbapi: a key that is unset or was changed means a new object (POST); otherwise an update (PUT).
            isCreate = model.IsNew || key is null || (info.Routes.Create is not null && info.Key.Fields.Any(model.IsFieldDirty));
            if (!isCreate && !model.IsDirty)
                return model;
            // A model writing its own update body needs to know what the caller changed.
            changedFields = model is ICbUpdateBody ? new HashSet<string>(model.GetDirtyFields(), StringComparer.Ordinal) : null;
            model.BeginSave();
        }

        using var span = CbInstruments.StartOperation("save", model.ModelDescription.Name);
        span?.SetTag(CbTelemetryTags.SaveKind, isCreate ? "create" : "update");
        try
        {
            await SaveClaimedAsync(model, key, isCreate, changedFields, cancellationToken).ConfigureAwait(false);
        }
        catch (Exception e) when (CbInstruments.Failed(span, e))
        {
            throw; // not reached: Failed marks the span and returns false
        }
        finally
        {
            lock (model.DocumentGate)
                model.EndSave();
        }

        return model;
    }

    /// <summary>The save after its changes were claimed (<see cref="CbModel.BeginSave"/>).</summary>
    private async Task SaveClaimedAsync(CbModel model, string? key, bool isCreate, HashSet<string>? changedFields, CancellationToken cancellationToken)
    {
        var info = model.ModelDescription;
        var server = await GetServerInfoAsync(cancellationToken).ConfigureAwait(false);
        if (!isCreate && !model.IsFull && info.Routes.Get is not null && !CanUpdateAsItIs(model))
            await LoadAsync(model, cancellationToken, ownSave: true).ConfigureAwait(false); // the whole object, changes kept

        CbRoute route;
        byte[] body;
        // Built under the gate so a refresh cannot swap the document half-way through.
        lock (model.DocumentGate)
        {
            var missing = model.MissingRequiredFields();
            if (missing.Count > 0)
                throw new CbInvalidObjectException($"Missing fields: [{string.Join(", ", missing)}] (cannot save {info.Name})");

            if (isCreate)
            {
                CbLog.CreatingObject(Logger, info.Name);
                route = CbModelRoutes.Resolve(info.Routes.Create, info, "create", server);
                body = model.ToUtf8Json(CbWriteMode.Create);
                if (info.Routes.CreateAsArray)
                    body = [(byte)'[', .. body, (byte)']'];
            }
            else
            {
                CbLog.UpdatingObject(Logger, info.Name, key!);
                route = CbModelRoutes.Resolve(info.Routes.Update, info, "update", server);
                body = model is ICbUpdateBody custom ? WriteUpdateBody(custom, server, changedFields!) : model.ToUtf8Json(CbWriteMode.Full);
            }
        }

        var path = CbModelRoutes.Expand(route, model, isCreate ? null : key);
        var method = new HttpMethod(route.Method);
        if (Logger.IsEnabled(Microsoft.Extensions.Logging.LogLevel.Debug))
            CbLog.SendingBody(Logger, route.Method, path, CbErrorMapper.BodyText(body));
        using var content = JsonContent(body);
        using var response = await SendAsync(method, path, content, cancellationToken).ConfigureAwait(false);
        var answer = await CbBufferedContent.BodyOfAsync(response, cancellationToken).ConfigureAwait(false);
        // cbapi logs the decoded answer only when there is one: a 204 goes straight to the refresh.
        if (answer.Length > 0 && Logger.IsEnabled(Microsoft.Extensions.Logging.LogLevel.Debug))
            CbLog.ReceivedResponse(Logger, CbErrorMapper.BodyText(answer));

        var (outcome, newKey, document) = CbSaveResponse.Interpret(answer, (int)response.StatusCode, route.Method, path, info, isCreate ? "create" : "update");
        bool reload;
        lock (model.DocumentGate)
        {
            // From here a refresh whose GET went out earlier is older than what this save leaves: LoadAsync drops it.
            model.CompleteSave();
            switch (outcome)
            {
                case CbSaveResponse.Outcome.Replace:
                    CbModelJson.Load(model, document, route.Method, path);
                    reload = false;
                    break;
                case CbSaveResponse.Outcome.NewKeyThenRefresh:
                    CbLog.OnlyIdReceived(Logger);
                    var keyField = info.Key.Fields[0];
                    var numeric = newKey!.Length > 0 && newKey.All(c => char.IsAsciiDigit(c) || c == '-');
                    model.LoadJson(CbSaveResponse.WithMember(model.ToUtf8Json(CbWriteMode.Full), keyField, newKey, numeric));
                    reload = true;
                    break;
                default:
                    model.ClearDirty();
                    reload = true;
                    break;
            }
        }

        // The save's own reload is a fresh GET (not a refresh already in flight, which may predate the PUT).
        if (reload && model.GetKeyString() is not null && info.Routes.Get is not null)
            await LoadAsync(model, cancellationToken, ownSave: true).ConfigureAwait(false);

        if (model.GetKeyString() is { } savedKey)
            _cache.Set(info, savedKey, model);
    }

    /// <summary>
    /// Deletes the object (its delete route) and evicts it from the identity cache.
    /// </summary>
    /// <exception cref="CbInvalidObjectException">The object has no key (it was never saved).</exception>
    public virtual async Task DeleteAsync(CbModel model, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(model);
        var info = model.ModelDescription;
        var key = model.GetKeyString() ?? throw new CbInvalidObjectException($"Cannot delete a {info.Name} that has no key (it was never saved).");
        using var span = CbInstruments.StartOperation("delete", info.Name);
        try
        {
            var server = await GetServerInfoAsync(cancellationToken).ConfigureAwait(false);
            var route = CbModelRoutes.Resolve(info.Routes.Delete, info, "delete", server);
            var path = CbModelRoutes.Expand(route, model, key);
            using var response = await SendAsync(new HttpMethod(route.Method), path, null, cancellationToken).ConfigureAwait(false);
        }
        catch (Exception e) when (CbInstruments.Failed(span, e))
        {
            throw; // not reached: Failed marks the span and returns false
        }
        _cache.Evict(info, key);
    }

    /// <summary>Synchronous <see cref="GetAsync{T}"/>.</summary>
    public virtual T Get<T>(string key, CancellationToken cancellationToken = default)
        where T : CbModel, ICbModel<T> =>
        CbSync.Run(ct => GetAsync<T>(key, ct), cancellationToken);

    /// <summary>Synchronous <see cref="SaveAsync{T}"/>.</summary>
    public virtual T Save<T>(T model, CancellationToken cancellationToken = default)
        where T : CbModel =>
        CbSync.Run(ct => SaveAsync(model, ct), cancellationToken);

    /// <summary>Synchronous <see cref="RefreshAsync"/>.</summary>
    public virtual void Refresh(CbModel model, CancellationToken cancellationToken = default) =>
        CbSync.Run(ct => RefreshAsync(model, ct), cancellationToken);

    /// <summary>Synchronous <see cref="DeleteAsync"/>.</summary>
    public virtual void Delete(CbModel model, CancellationToken cancellationToken = default) =>
        CbSync.Run(ct => DeleteAsync(model, ct), cancellationToken);

    /// <summary>The body of a model that restricts its own update (<see cref="ICbUpdateBody"/>).</summary>
    private static byte[] WriteUpdateBody(ICbUpdateBody model, CbServerInfo server, IReadOnlyCollection<string> changedFields)
    {
        var buffer = new System.Buffers.ArrayBufferWriter<byte>(512);
        using (var writer = new System.Text.Json.Utf8JsonWriter(buffer, CbJson.WriterOptions))
            model.WriteUpdateBody(writer, server, changedFields);
        return buffer.WrittenSpan.ToArray();
    }

    /// <summary>
    /// One GET by key into the model. Nothing happens without a key; without a get route the data stays. While a save
    /// of the instance is in flight its changes are kept over the new document; a GET sent before a save of the
    /// instance completed is dropped (that save's result is newer), unless it is the save's own (<paramref name="ownSave"/>).
    /// </summary>
    private async Task LoadAsync(CbModel model, CancellationToken cancellationToken, bool ownSave = false)
    {
        var info = model.ModelDescription;
        var key = model.GetKeyString();
        if (key is null)
            return;
        var server = await GetServerInfoAsync(cancellationToken).ConfigureAwait(false);
        var route = info.Routes.Get?.Resolve(server.Version);
        if (route is null && info.Routes.GetFromList && info.Routes.List is { Variants.Count: > 0 } list)
        {
            await LoadFromListAsync(model, key, list, ownSave, cancellationToken).ConfigureAwait(false);
            return;
        }
        if (route is null)
        {
            model.IsFull = true; // nothing more can be fetched (e.g. WatchlistAction): what we have is all there is
            return;
        }
        var path = CbModelRoutes.Expand(route, model, key);
        long savesBefore;
        lock (model.DocumentGate)
            savesBefore = model.SavesCompleted;
        using var response = await SendAsync(HttpMethod.Get, path, null, cancellationToken).ConfigureAwait(false);
        var body = await CbBufferedContent.BodyOfAsync(response, cancellationToken).ConfigureAwait(false);
        var document = CbSingleObject.Extract(body, "GET", path, info.Name);
        lock (model.DocumentGate)
        {
            if (!ownSave && model.SavesCompleted != savesBefore)
                return;
            CbModelJson.Load(model, document, "GET", path, keepChanges: model.IsSaving);
            model.IsFull = true;
        }
    }

    /// <summary>
    /// A get for a model the server cannot GET by id (<c>routes.getFrom: list</c>, Investigation): the list, filtered
    /// by the key field as any list filter is, must hold exactly one row.
    /// </summary>
    private async Task LoadFromListAsync(CbModel model, string key, CbRouteSet list, bool ownSave, CancellationToken cancellationToken)
    {
        var info = model.ModelDescription;
        var query = new CbRowQuery { Kind = CbRowQueryKind.ClientList, ModelName = info.Name, Path = list.Variants[0].Template, Routes = list }
            .Where(info.Key.Fields[0] + ":" + key);
        long savesBefore;
        lock (model.DocumentGate)
            savesBefore = model.SavesCompleted;
        ReadOnlyMemory<byte>? match = null;
        await foreach (var row in query.RowsAsync(this, cancellationToken).ConfigureAwait(false))
        {
            if (match is not null)
                throw new CbMoreThanOneResultException($"{info.Name} {key}: the list has more than one with that key.", 2);
            match = row;
        }
        var path = query.Path;
        if (match is not { } document)
            throw new CbObjectNotFoundException($"{info.Name} {key} was not found.", 404, null, "GET", path);
        lock (model.DocumentGate)
        {
            if (!ownSave && model.SavesCompleted != savesBefore)
                return;
            CbModelJson.Load(model, document, "GET", path, keepChanges: model.IsSaving);
            model.IsFull = true;
        }
    }

    /// <summary>
    /// True when a partial object's own update body needs nothing its document lacks (a sensor found by search
    /// carries all six fields a sensor PUT sends), so the save skips loading it whole: cbapi's request sequence.
    /// </summary>
    private static bool CanUpdateAsItIs(CbModel model) =>
        model is ICbUpdateBody { UpdateBodySources: { } sources }
        && sources.All(name => model.HasDocumentValue(name) || model.IsFieldDirty(name));
}
