using System.Buffers;
using System.Runtime.CompilerServices;
using Microsoft.Extensions.Logging;
using Microsoft.Win32.SafeHandles;

namespace CbTyped.Events.Sources;

/// <summary>
/// Follows a growing file line by line, like <c>tail -F</c>: waits for the file to exist, reads what is appended,
/// and notices when the path is rotated (renamed away and created again) or truncated, then reads the new content
/// from its beginning. Only complete lines (ended by <c>\n</c>; a trailing <c>\r</c> is dropped) are returned.
/// </summary>
/// <remarks>
/// .NET exposes no file identity (inode), so a rotation is recognised by what the path holds compared with the
/// open handle: a file shorter than what was read, a file longer than the open one (a file only grows), or a
/// different beginning (the first <see cref="FingerprintBytes"/> bytes).
/// </remarks>
internal sealed class JsonLinesFollower(CbJsonLinesFileOptions options, ILogger logger, Action onTooLong)
{
    private const int FingerprintBytes = 1024;
    private readonly string _path = options.Path;
    private readonly byte[] _chunk = new byte[64 * 1024];
    private readonly ArrayBufferWriter<byte> _pending = new();
    private SafeFileHandle? _handle;
    private long _position;
    private long _lineNumber;
    private bool _discarding;
    private bool _skipPartial;

    /// <summary>Every complete line, with its 1-based line number in its file, until cancelled.</summary>
    public async IAsyncEnumerable<(byte[] Line, long Number)> ReadLinesAsync([EnumeratorCancellation] CancellationToken cancellationToken)
    {
        try
        {
            await OpenFirstAsync(cancellationToken).ConfigureAwait(false);
            if (_handle is null)
                yield break;
            while (!cancellationToken.IsCancellationRequested)
            {
                // No token for the read itself: a read of a local file is short, and cancelling it would end the
                // sequence with an exception, where cancellation must just end it (checked at the loop's head).
                var read = await RandomAccess.ReadAsync(_handle, _chunk, _position, CancellationToken.None).ConfigureAwait(false);
                if (read > 0)
                {
                    _position += read;
                    foreach (var line in Split(_chunk.AsMemory(0, read)))
                        yield return line;
                    continue;
                }
                if (!SwitchIfRotated() && !await WaitAsync(cancellationToken).ConfigureAwait(false))
                    yield break;
            }
        }
        finally
        {
            _handle?.Dispose();
            _handle = null;
        }
    }

    private async Task OpenFirstAsync(CancellationToken cancellationToken)
    {
        var warned = false;
        while (!cancellationToken.IsCancellationRequested)
        {
            if (TryOpen() is { } handle)
            {
                _handle = handle;
                if (options.StartAt == CbFileStartPosition.End)
                    SkipExisting();
                FileSourceLog.Following(logger, _path, options.StartAt == CbFileStartPosition.End ? "end" : "beginning", _lineNumber + 1);
                return;
            }
            if (!warned)
                FileSourceLog.Waiting(logger, _path);
            warned = true;
            if (!await WaitAsync(cancellationToken).ConfigureAwait(false))
                return;
        }
    }

    /// <summary>Waits one poll interval; false when cancelled.</summary>
    private async Task<bool> WaitAsync(CancellationToken cancellationToken)
    {
        try
        {
            await Task.Delay(options.PollInterval, cancellationToken).ConfigureAwait(false);
            return true;
        }
        catch (OperationCanceledException)
        {
            return false;
        }
    }

    /// <summary>Starts at the end: counts the lines there (so later line numbers are right) and, when the last
    /// one is still being written, skips the rest of it.</summary>
    private void SkipExisting()
    {
        var length = RandomAccess.GetLength(_handle!);
        long offset = 0;
        byte last = (byte)'\n';
        while (offset < length)
        {
            var read = RandomAccess.Read(_handle!, _chunk, offset);
            if (read == 0)
                break;
            _lineNumber += _chunk.AsSpan(0, read).Count((byte)'\n');
            last = _chunk[read - 1];
            offset += read;
        }
        _position = offset;
        _skipPartial = last != (byte)'\n';
    }

    private SafeFileHandle? TryOpen()
    {
        try
        {
            return File.OpenHandle(_path, FileMode.Open, FileAccess.Read, FileShare.ReadWrite | FileShare.Delete, FileOptions.Asynchronous);
        }
        catch (Exception e) when (e is FileNotFoundException or DirectoryNotFoundException or UnauthorizedAccessException)
        {
            return null;
        }
    }

    /// <summary>At the end of the open file: if the path now holds another file, or this one was truncated,
    /// switches to it (position 0). Returns whether it switched.</summary>
    private bool SwitchIfRotated()
    {
        var current = TryOpen();
        if (current is null)
            return false; // renamed away, not created again yet: keep reading the old one
        var pathLength = RandomAccess.GetLength(current);
        var openLength = RandomAccess.GetLength(_handle!); // after the path's: the same file can only have grown
        string? what = null;
        if (pathLength < _position)
            what = "the file was truncated or replaced by a shorter one";
        else if (openLength < pathLength)
            what = "the file was replaced (rotated)";
        else if (!SameBeginning(current, Math.Min(FingerprintBytes, _position)))
            what = "the file was replaced (rotated)";
        if (what is null)
        {
            current.Dispose();
            return false;
        }
        FileSourceLog.Rotated(logger, _path, what);
        _handle!.Dispose();
        _handle = current;
        _position = 0;
        _lineNumber = 0;
        _pending.Clear();
        _discarding = false;
        _skipPartial = false;
        return true;
    }

    private bool SameBeginning(SafeFileHandle other, long count)
    {
        if (count == 0)
            return true;
        var mine = new byte[count];
        var theirs = new byte[count];
        return RandomAccess.Read(_handle!, mine, 0) == count && RandomAccess.Read(other, theirs, 0) == count && mine.AsSpan().SequenceEqual(theirs);
    }

    private List<(byte[] Line, long Number)> Split(ReadOnlyMemory<byte> chunk)
    {
        var lines = new List<(byte[], long)>();
        var span = chunk.Span;
        while (span.Length > 0)
        {
            var newline = span.IndexOf((byte)'\n');
            var part = newline < 0 ? span : span[..newline];
            if (!_discarding && !_skipPartial)
            {
                if (_pending.WrittenCount + part.Length > options.MaxLineBytes)
                {
                    _discarding = true;
                    _pending.Clear();
                }
                else
                {
                    _pending.Write(part);
                }
            }
            if (newline < 0)
                break;
            _lineNumber++;
            if (_skipPartial)
            {
                _skipPartial = false; // the end of a line that was being written when the source started
            }
            else if (_discarding)
            {
                onTooLong();
                FileSourceLog.BadLine(logger, _path, _lineNumber, $"longer than {options.MaxLineBytes} bytes");
                _discarding = false;
            }
            else
            {
                var line = _pending.WrittenSpan;
                if (line.Length > 0 && line[^1] == (byte)'\r')
                    line = line[..^1];
                if (!line.Trim(" \t"u8).IsEmpty)
                    lines.Add((line.ToArray(), _lineNumber));
            }
            _pending.Clear();
            span = span[(newline + 1)..];
        }
        return lines;
    }
}
