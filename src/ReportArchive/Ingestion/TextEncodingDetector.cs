using System.Buffers;
using System.Text;
using ReportArchive.Analysis.Conversion;
using ReportArchive.Analysis.Normalization;

namespace ReportArchive.Ingestion;

/// <summary>
/// Decides a text file's encoding by evidence over the whole file. A byte-order mark wins; then UTF-16 written
/// without one; then UTF-8 when the file is valid UTF-8, or overwhelmingly so (a few invalid bytes are replaced by
/// U+FFFD and counted, instead of the whole text being read as another encoding); otherwise the file is read as
/// both GB18030 (a superset of GBK and GB2312) and Big5 (code page 950), and the reading with more common Chinese
/// characters wins: each Han character is simplified (so traditional text counts too) and counted when it is one of
/// GB2312's 3,755 level-1 characters; a replacement or private-use character counts against its reading.
/// </summary>
public static class TextEncodingDetector
{
    /// <summary>
    /// A file is read as UTF-8 when its valid multi-byte sequences outnumber its invalid bytes this many times.
    /// Chinese text in GBK or Big5 has about as many invalid sequences as accidental valid ones.
    /// </summary>
    private const int Utf8EvidenceRatio = 20;

    private static readonly Encoding StrictUtf8 = new UTF8Encoding(false, throwOnInvalidBytes: true);

    private static readonly Lazy<(Encoding Gb18030, Encoding Big5)> LegacyEncodings = new(() =>
    {
        Encoding.RegisterProvider(CodePagesEncodingProvider.Instance);
        return (Encoding.GetEncoding("GB18030", EncoderFallback.ExceptionFallback, DecoderFallback.ReplacementFallback),
            Encoding.GetEncoding(950, EncoderFallback.ExceptionFallback, DecoderFallback.ReplacementFallback));
    });

    /// <summary>GB2312's level-1 characters (rows 16–55): the 3,755 most used simplified characters.</summary>
    private static readonly Lazy<bool[]> CommonCharacters = new(() =>
    {
        var common = new bool[char.MaxValue + 1];
        var gb = LegacyEncodings.Value.Gb18030;
        Span<char> decoded = stackalloc char[2];
        for (var lead = 0xB0; lead <= 0xD7; lead++)
        {
            for (var trail = 0xA1; trail <= 0xFE; trail++)
            {
                if (gb.GetChars([(byte)lead, (byte)trail], decoded) == 1 && CharacterClass.IsHan(decoded[0]))
                {
                    common[decoded[0]] = true;
                }
            }
        }

        return common;
    });

    /// <summary>Decodes a file's bytes; throws <see cref="InvalidReportFileException"/> for a binary file.</summary>
    public static DecodedText Decode(ReadOnlySpan<byte> bytes)
    {
        if (bytes.StartsWith((ReadOnlySpan<byte>)[0xEF, 0xBB, 0xBF]))
        {
            return Utf8WithReplacements(bytes[3..], "UTF-8");
        }

        if (bytes.StartsWith((ReadOnlySpan<byte>)[0xFF, 0xFE]))
        {
            return new DecodedText(Encoding.Unicode.GetString(bytes[2..]), "UTF-16LE", null);
        }

        if (bytes.StartsWith((ReadOnlySpan<byte>)[0xFE, 0xFF]))
        {
            return new DecodedText(Encoding.BigEndianUnicode.GetString(bytes[2..]), "UTF-16BE", null);
        }

        if (Utf16WithoutByteOrderMark(bytes) is { } utf16)
        {
            return utf16;
        }

        if (bytes.Contains((byte)0))
        {
            throw new InvalidReportFileException("binary file (it contains NUL bytes)");
        }

        if (System.Text.Unicode.Utf8.IsValid(bytes))
        {
            return new DecodedText(StrictUtf8.GetString(bytes), "UTF-8", null);
        }

        var (valid, invalid) = Utf8Evidence(bytes);
        if (valid >= (long)invalid * Utf8EvidenceRatio)
        {
            return Utf8WithReplacements(bytes, "UTF-8");
        }

        return ChineseLegacyEncoding(bytes);
    }

    private static DecodedText Utf8WithReplacements(ReadOnlySpan<byte> bytes, string encoding)
    {
        var (_, invalid) = Utf8Evidence(bytes);
        var text = Encoding.UTF8.GetString(bytes); // replaces each invalid sequence by U+FFFD
        return new DecodedText(text, encoding, invalid == 0 ? null
            : $"encoding: {encoding} with {invalid:N0} invalid byte{(invalid == 1 ? "" : "s")} replaced");
    }

    /// <summary>Valid multi-byte UTF-8 sequences and invalid bytes, over the whole file.</summary>
    private static (long Valid, long Invalid) Utf8Evidence(ReadOnlySpan<byte> bytes)
    {
        long valid = 0, invalid = 0;
        while (!bytes.IsEmpty)
        {
            var ascii = bytes.IndexOfAnyExceptInRange((byte)0, (byte)0x7F);
            if (ascii < 0)
            {
                break;
            }

            bytes = bytes[ascii..];
            var status = Rune.DecodeFromUtf8(bytes, out _, out var consumed);
            if (status == OperationStatus.Done)
            {
                valid++;
            }
            else
            {
                invalid += consumed;
            }

            bytes = bytes[consumed..];
        }

        return (valid, invalid);
    }

    private static DecodedText ChineseLegacyEncoding(ReadOnlySpan<byte> bytes)
    {
        var (gb18030, big5) = LegacyEncodings.Value;
        var gbText = gb18030.GetString(bytes);
        var big5Text = big5.GetString(bytes);
        return Score(big5Text) > Score(gbText)
            ? new DecodedText(big5Text, "Big5", "encoding: Big5 (detected)")
            : new DecodedText(gbText, "GB18030", "encoding: GB18030 (detected)");
    }

    /// <summary>Common Chinese characters (traditional ones simplified) less replaced and private-use ones.</summary>
    private static long Score(string text)
    {
        var common = CommonCharacters.Value;
        long score = 0;
        foreach (var c in text)
        {
            if (c == '\uFFFD' || c is >= '\uE000' and <= '\uF8FF')
            {
                score -= 2;
            }
            else if (c >= 0x3400 && common[TraditionalToSimplified.Simplify(c)])
            {
                score++;
            }
        }

        return score;
    }

    /// <summary>
    /// UTF-16 written without a byte-order mark: Chinese text has no zero bytes, but its ASCII (digits, spaces, line
    /// breaks) puts a zero in every other byte. Decoded only when the zeros sit on one side and the bytes are valid.
    /// </summary>
    private static DecodedText? Utf16WithoutByteOrderMark(ReadOnlySpan<byte> bytes)
    {
        if (bytes.Length < 4 || bytes.Length % 2 != 0)
        {
            return null;
        }

        int evenZeros = 0, oddZeros = 0;
        for (var i = 0; i < bytes.Length; i += 2)
        {
            evenZeros += bytes[i] == 0 ? 1 : 0;
            oddZeros += bytes[i + 1] == 0 ? 1 : 0;
        }

        var pairs = bytes.Length / 2;
        // A Han character may have a zero low byte (一 is U+4E00), so "one side" means mostly, not only.
        bool? bigEndian = oddZeros * 10 >= pairs && evenZeros * 4 <= oddZeros ? false
            : evenZeros * 10 >= pairs && oddZeros * 4 <= evenZeros ? true
            : null;
        if (bigEndian is null)
        {
            return null;
        }

        try
        {
            var text = new UnicodeEncoding(bigEndian.Value, false, throwOnInvalidBytes: true).GetString(bytes);
            return new DecodedText(text, bigEndian.Value ? "UTF-16BE" : "UTF-16LE", null);
        }
        catch (DecoderFallbackException)
        {
            return null;
        }
    }
}
