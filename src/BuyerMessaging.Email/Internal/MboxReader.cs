using System.Buffers;
using System.Text;
using System.Text.RegularExpressions;

namespace BuyerMessaging.Internal;

/// <summary>One message of an mbox: its bytes in the file, without the separator line before it and the line break before the next.</summary>
/// <param name="Bytes">The bytes, at most the reader's limit (the first bytes of a longer message).</param>
/// <param name="Length">The message's whole length in the file.</param>
/// <param name="IsMbox">Whether the input was an mbox at all; when not, <paramref name="Bytes"/> hold the start of the whole input.</param>
internal readonly record struct MboxEntry(byte[] Bytes, long Length, bool IsMbox);

/// <summary>
/// Splits an mbox into its messages, reading the stream once from start to end and holding one message (at most the
/// limit, plus the look-ahead below) at a time.
/// </summary>
/// <remarks>
/// <para>Writers of the mboxo and mboxcl formats do not quote a body line that starts with "From ", so such a line does
/// not end a message by itself, as it does in MimeKit's mbox parser. A message ends at a "From " line that looks like a
/// real envelope line and is followed by a header line (see <see cref="IsEnvelopeLine"/>), or, where the message's
/// Content-Length header (mboxcl2) says where its body ends and the file has a "From " line (or its end) exactly there,
/// at that line and nowhere before it. A Content-Length the file does not agree with (stale after an edit, or counting
/// another line-break convention) is ignored rather than trusted, so it cannot hide the messages after it.</para>
/// <para>MimeKit's <c>ParserOptions.RespectContentLength</c> is not used: it trusts the header without checking it, and
/// MimeKit's mbox parser cannot be told that a "From " line is no separator (a body line that is followed by text, not
/// a header, makes it fail for the rest of the file).</para>
/// </remarks>
internal sealed partial class MboxReader
{
    private const int ReadSize = 64 * 1024;

    /// <summary>A line longer than this is handled in pieces (only the start of a line matters here).</summary>
    private const int MaxLine = 64 * 1024;

    private readonly Stream _stream;
    private readonly int _maxMessageBytes;
    private byte[] _buffer = new byte[ReadSize];
    private int _start;
    private int _end;
    private bool _endOfStream;
    private bool _started;

    /// <summary>Whether the first unread byte starts a line (false after a piece of a long line).</summary>
    private bool _atLineStart = true;

    public MboxReader(Stream stream, int maxMessageBytes)
    {
        _stream = stream;
        _maxMessageBytes = maxMessageBytes;
    }

    private static ReadOnlySpan<byte> FromSpace => "From "u8;

    /// <summary>Reads the next message.</summary>
    /// <param name="entry">The message.</param>
    /// <returns><see langword="false"/> at the end of the input.</returns>
    /// <exception cref="IOException">The stream could not be read.</exception>
    public bool TryRead(out MboxEntry entry)
    {
        if (!_started)
        {
            _started = true;
            Fill(3);
            if (Unread.StartsWith((ReadOnlySpan<byte>)[0xEF, 0xBB, 0xBF]))
            {
                _start += 3;
            }

            Fill(FromSpace.Length);
            if (_start == _end)
            {
                entry = default;
                return false;
            }

            if (!Unread.StartsWith(FromSpace))
            {
                entry = ReadRest();
                return true;
            }
        }

        if (!PeekLine(0, out var separator))
        {
            entry = default;
            return false;
        }

        Consume(separator.Length, separator.Complete);
        entry = ReadMessage();
        return true;
    }

    private ReadOnlySpan<byte> Unread => _buffer.AsSpan(_start, _end - _start);

    /// <summary>Reads one message, up to the next separator line or the end.</summary>
    private MboxEntry ReadMessage()
    {
        var message = new MessageBytes(_maxMessageBytes);
        var inHeaders = true;
        long? contentLength = null;
        long? separatorAt = null;
        var atSeparator = false;
        while (PeekLine(0, out var line))
        {
            if (separatorAt is { } at)
            {
                // The Content-Length header was checked against the file: up to that line everything is this message's.
                if (message.Length == at)
                {
                    atSeparator = true;
                    break;
                }
            }
            else if (line.AtLineStart && IsSeparator(line))
            {
                atSeparator = true;
                break;
            }

            var span = _buffer.AsSpan(_start, line.Length);
            if (inHeaders && line.AtLineStart)
            {
                if (IsBlank(span))
                {
                    inHeaders = false;
                    message.Append(span);
                    Consume(line.Length, line.Complete);
                    separatorAt = contentLength is { } length ? VerifiedSeparator(length, message.Length) : null;
                    continue;
                }

                contentLength ??= ContentLength(span);
            }

            message.Append(span);
            Consume(line.Length, line.Complete);
        }

        return message.ToEntry(withoutLastLineBreak: atSeparator);
    }

    /// <summary>Everything left when the input does not start with a "From " line (at most the limit is kept).</summary>
    private MboxEntry ReadRest()
    {
        var message = new MessageBytes(_maxMessageBytes);
        while (Fill(1) > 0)
        {
            message.Append(Unread);
            _start = _end;
        }

        return message.ToEntry(withoutLastLineBreak: false, isMbox: false);
    }

    /// <summary>
    /// Where the next separator is when a Content-Length header says so and the file agrees: the body's end is the end
    /// of the input, or a "From " line, or a blank line and then a "From " line or the end. <see langword="null"/> otherwise.
    /// </summary>
    /// <param name="length">The Content-Length value.</param>
    /// <param name="bodyStart">The body's offset in the message.</param>
    private long? VerifiedSeparator(long length, long bodyStart)
    {
        if (length > _maxMessageBytes || !_atLineStart)
        {
            return null;
        }

        var offset = (int)length;
        Fill(offset + MaxLine);
        var available = _end - _start;
        if (offset > available || (offset > 0 && _buffer[_start + offset - 1] != (byte)'\n'))
        {
            return null;
        }

        if (offset == available && _endOfStream)
        {
            return bodyStart + offset;
        }

        var line = LineAt(offset);
        if (line.StartsWith(FromSpace))
        {
            return bodyStart + offset;
        }

        if (IsBlank(line) && line[^1] == (byte)'\n')
        {
            var next = offset + line.Length;
            if ((next == available && _endOfStream) || LineAt(next).StartsWith(FromSpace))
            {
                return bodyStart + next;
            }
        }

        return null;
    }

    /// <summary>Whether a line is a separator: a real envelope line (the first line of a message) followed by a header line.</summary>
    private bool IsSeparator(Line line)
    {
        var span = _buffer.AsSpan(_start, line.Length);
        if (!span.StartsWith(FromSpace) || !line.Complete || !IsEnvelopeLine(span))
        {
            return false;
        }

        return PeekLine(line.Length, out var next) && IsHeaderLine(_buffer.AsSpan(_start + line.Length, next.Length));
    }

    /// <summary>
    /// Whether a "From " line looks like the envelope line an mbox writer puts before each message: <c>From SENDER DATE</c>
    /// with a date in asctime form (<c>Mon Nov 23 10:00:00 2026</c>, also with a zone before or after the year, without
    /// seconds, or with an optional <c>remote from HOST</c>) or in RFC 5322 form; or, without a date, <c>From -</c>
    /// (Mozilla) and <c>From ADDRESS</c> alone (some exports leave the date out). "From now on I will…" is none of these.
    /// </summary>
    private static bool IsEnvelopeLine(ReadOnlySpan<byte> line)
    {
        var text = Encoding.Latin1.GetString(line.TrimEnd("\r\n"u8));
        return EnvelopeLine().IsMatch(text);
    }

    /// <summary>Whether a line starts like a header field: a name of printable characters, then a colon.</summary>
    private static bool IsHeaderLine(ReadOnlySpan<byte> line)
    {
        var i = 0;
        while (i < line.Length && line[i] is > 32 and < 127 and not (byte)':')
        {
            i++;
        }

        if (i == 0)
        {
            return false;
        }

        while (i < line.Length && line[i] is (byte)' ' or (byte)'\t')
        {
            i++;
        }

        return i < line.Length && line[i] == (byte)':';
    }

    private static bool IsBlank(ReadOnlySpan<byte> line) => line.TrimEnd("\r\n"u8).IsEmpty;

    /// <summary>The value of a <c>Content-Length:</c> header line, if it is one with a number.</summary>
    private static long? ContentLength(ReadOnlySpan<byte> line)
    {
        const string Name = "Content-Length:";
        if (line.Length <= Name.Length || !Ascii.EqualsIgnoreCase(line[..Name.Length], Name))
        {
            return null;
        }

        var value = line[Name.Length..].Trim(" \t\r\n"u8);
        return System.Buffers.Text.Utf8Parser.TryParse(value, out long length, out var consumed) && consumed == value.Length && length >= 0
            ? length
            : null;
    }

    /// <summary>The line at an offset from the first unread byte, already buffered, with its line break.</summary>
    private ReadOnlySpan<byte> LineAt(int offset)
    {
        var rest = _buffer.AsSpan(_start + offset, _end - _start - offset);
        var newline = rest.IndexOf((byte)'\n');
        return newline < 0 ? rest : rest[..(newline + 1)];
    }

    /// <summary>Finds the line (with its line break) at an offset from the first unread byte, reading more input as needed.</summary>
    /// <param name="offset">The offset: 0 for the next line, or the length of the lines peeked before.</param>
    /// <param name="line">The line; a line longer than <see cref="MaxLine"/> comes in pieces.</param>
    /// <returns><see langword="false"/> at the end of the input.</returns>
    private bool PeekLine(int offset, out Line line)
    {
        var searched = 0;
        while (true)
        {
            var available = _end - _start - offset;
            var newline = available > searched ? _buffer.AsSpan(_start + offset + searched, available - searched).IndexOf((byte)'\n') : -1;
            if (newline >= 0)
            {
                line = new Line(searched + newline + 1, Complete: true, AtLineStart: offset > 0 || _atLineStart);
                return true;
            }

            searched = Math.Max(available, 0);
            if (searched >= MaxLine || _endOfStream)
            {
                line = new Line(Math.Min(searched, MaxLine), Complete: false, AtLineStart: offset > 0 || _atLineStart);
                return searched > 0;
            }

            Fill(offset + searched + 1);
        }
    }

    private void Consume(int count, bool complete)
    {
        _start += count;
        _atLineStart = complete;
    }

    /// <summary>Reads until at least <paramref name="count"/> bytes are unread or the stream ends; returns the unread count.</summary>
    private int Fill(int count)
    {
        while (_end - _start < count && !_endOfStream)
        {
            if (_end == _buffer.Length)
            {
                var unread = _end - _start;
                if (unread + ReadSize > _buffer.Length || _start == 0)
                {
                    var bigger = new byte[Math.Max(_buffer.Length * 2, unread + ReadSize)];
                    _buffer.AsSpan(_start, unread).CopyTo(bigger);
                    _buffer = bigger;
                }
                else
                {
                    _buffer.AsSpan(_start, unread).CopyTo(_buffer);
                }

                _start = 0;
                _end = unread;
            }

            var read = _stream.Read(_buffer, _end, _buffer.Length - _end);
            if (read == 0)
            {
                _endOfStream = true;
            }

            _end += read;
        }

        return _end - _start;
    }

    [GeneratedRegex(
        """
        ^From[ \t]+(?:
          (?:-|[^\s@]*@\S*)[ \t]*
        | (?:\S+[ \t]+)?
          (?: (?:mon|tue|wed|thu|fri|sat|sun),?[ \t]+(?:jan|feb|mar|apr|may|jun|jul|aug|sep|oct|nov|dec)[ \t]+(?:0?[1-9]|[12][0-9]|3[01])
              [ \t]+(?:[01]?[0-9]|2[0-3]):[0-5][0-9](?::(?:[0-5][0-9]|60))?(?:[ \t]+(?:[a-z]{1,5}|[+-][0-9]{4}))*[ \t]+[0-9]{4}
              (?:[ \t]+(?:[a-z]{1,5}|[+-][0-9]{4}))?
            | (?:(?:mon|tue|wed|thu|fri|sat|sun),[ \t]*)?(?:0?[1-9]|[12][0-9]|3[01])[ \t]+(?:jan|feb|mar|apr|may|jun|jul|aug|sep|oct|nov|dec)
              [ \t]+[0-9]{4}[ \t]+(?:[01]?[0-9]|2[0-3]):[0-5][0-9](?::(?:[0-5][0-9]|60))?(?:[ \t]+(?:[+-][0-9]{4}|[a-z]{1,5}))?
          )
          (?:[ \t]+remote[ \t]+from[ \t]+\S+)?[ \t]*
        )$
        """,
        RegexOptions.IgnorePatternWhitespace | RegexOptions.IgnoreCase | RegexOptions.CultureInvariant)]
    private static partial Regex EnvelopeLine();

    /// <summary>A line found in the buffer.</summary>
    /// <param name="Length">Its length with its line break.</param>
    /// <param name="Complete">Whether it ends with a line break (else it is the last piece of input or of a long line).</param>
    /// <param name="AtLineStart">Whether it starts a line (else it continues a long line).</param>
    private readonly record struct Line(int Length, bool Complete, bool AtLineStart);

    /// <summary>A message's bytes: the first <c>limit</c> of them kept, all of them counted.</summary>
    private sealed class MessageBytes(int limit)
    {
        private readonly ArrayBufferWriter<byte> _kept = new();
        private int _lastLineBreak;

        public long Length { get; private set; }

        public void Append(ReadOnlySpan<byte> bytes)
        {
            if (bytes.IsEmpty)
            {
                return;
            }

            var room = (int)Math.Min(Math.Max(limit - _kept.WrittenCount, 0), bytes.Length);
            _kept.Write(bytes[..room]);
            Length += bytes.Length;
            _lastLineBreak = bytes.EndsWith("\r\n"u8) ? 2 : bytes[^1] == (byte)'\n' ? 1 : 0;
        }

        /// <summary>The message; before a separator without its last line break (it belongs to the separator).</summary>
        public MboxEntry ToEntry(bool withoutLastLineBreak, bool isMbox = true)
        {
            var length = withoutLastLineBreak ? Length - _lastLineBreak : Length;
            var kept = (int)Math.Min(_kept.WrittenCount, length);
            return new MboxEntry(_kept.WrittenSpan[..kept].ToArray(), length, isMbox);
        }
    }
}
