using CbTyped.Modeling;

namespace CbTyped.Scripts;

/// <summary>
/// What cbapi's <c>*_operations.py</c> examples share through its <c>get_object_by_name_or_id</c> helper: find the
/// objects a <c>--id</c> or <c>--name</c> option names, and delete each of them, with cbapi's messages.
/// </summary>
public static class ExampleLookup
{
    /// <summary>
    /// Runs <paramref name="find"/>; when it fails or finds nothing, prints cbapi's
    /// "Could not find NOUN with ATTEMPTED: ..." line and returns null.
    /// </summary>
    /// <param name="find">The look-up: by id, or the search by name.</param>
    /// <param name="noun">The object's name as the message spells it (e.g. "feed"; cbapi also writes "Feed").</param>
    /// <param name="attempted">What was looked for, e.g. "ID of 3" or "name Foo".</param>
    public static async Task<List<T>?> FindAsync<T>(Func<Task<List<T>>> find, string noun, string attempted)
    {
        try
        {
            var found = await find();
            if (found.Count > 0)
                return found;
            Console.WriteLine($"Could not find {noun} with {attempted}: No {noun}s match");
        }
        catch (CbApiException e)
        {
            Console.WriteLine($"Could not find {noun} with {attempted}: {e.Message}");
        }
        return null;
    }

    /// <summary>
    /// Deletes every object in <paramref name="found"/>, printing a line for each; more than one without
    /// <paramref name="force"/> deletes none. Returns the script's exit code: 1 when anything was refused or failed.
    /// </summary>
    public static async Task<int> DeleteEachAsync<T>(CbResponseClient cb, List<T> found, string noun, string attempted, bool force,
        Func<T, string> describe) where T : CbModel
    {
        if (found.Count > 1 && !force)
        {
            Console.WriteLine($"{found.Count} {noun}s match {attempted} and --force not specified. No action taken.");
            return 1;
        }
        var failed = false;
        foreach (var item in found)
        {
            try
            {
                await cb.DeleteAsync(item);
                Console.WriteLine($"Deleted {noun} {describe(item)}");
            }
            catch (CbApiException e)
            {
                Console.WriteLine($"Could not delete {noun} with {attempted}: {e.Message}");
                failed = true;
            }
        }
        return failed ? 1 : 0;
    }
}
