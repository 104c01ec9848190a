using System.Buffers;
using System.Globalization;
using ReportArchive.Figures;

namespace ReportArchive.Storage.Compact;

/// <summary>
/// A report's figures as one column (<c>report_figures.figure_values</c>). The first byte says the layout:
/// <list type="bullet">
/// <item>1 or 2: every key of the 2019 or 2021 template, in the template's order (<see cref="FigureKeys.ForTemplate"/>),
/// so only the values are stored — what the parser always produces;</item>
/// <item>3: any other set of keys (a varint count, then each key as a string and its value).</item>
/// </list>
/// Each value is one varint: 0 for null (the template has the cell, the text does not give it), otherwise 1 +
/// (zigzag(unscaled) × 8 + scale) for up to 6 decimals and |unscaled| &lt; 2^59 — one byte for 0 to 7 — or 8
/// followed by the value as an invariant string. Decimals are stored without trailing zeros (12.50 reads back as
/// 12.5), as the old NUMERIC column did. Changing a template's key order needs a new layout byte.
/// </summary>
internal static class FigureValues
{
    private const byte Template2019Layout = 1;
    private const byte Template2021Layout = 2;
    private const byte KeyedLayout = 3;
    private const ulong EscapeHeader = 8;
    private const int MaxScale = 6;
    private const long MaxUnscaled = 1L << 59;

    private static readonly string[] Keys2019 = [.. FigureKeys.ForTemplate(FigureKeys.Template2019).Select(k => k.Key)];
    private static readonly string[] Keys2021 = [.. FigureKeys.ForTemplate(FigureKeys.Template2021).Select(k => k.Key)];

    public static byte[] Encode(string? template, IReadOnlyDictionary<string, decimal?> figures)
    {
        ArgumentNullException.ThrowIfNull(figures);
        var output = new ArrayBufferWriter<byte>(256);
        var layout = template switch
        {
            FigureKeys.Template2019 when InTemplateOrder(figures, Keys2019) => Template2019Layout,
            FigureKeys.Template2021 when InTemplateOrder(figures, Keys2021) => Template2021Layout,
            _ => KeyedLayout,
        };
        output.Write([layout]);
        if (layout == KeyedLayout)
        {
            Varint.Write(output, (ulong)figures.Count);
        }

        foreach (var (key, value) in figures)
        {
            if (layout == KeyedLayout)
            {
                Varint.WriteString(output, key);
            }

            WriteValue(output, value);
        }

        return output.WrittenSpan.ToArray();
    }

    /// <summary>Every figure in stored order (template order for the parser's output).</summary>
    public static Dictionary<string, decimal?> Decode(ReadOnlySpan<byte> stored) => Decode(stored, null);

    /// <summary>
    /// The figures among <paramref name="keys"/> (all when null), in stored order; a key the stored set does not have
    /// is absent.
    /// </summary>
    public static Dictionary<string, decimal?> Decode(ReadOnlySpan<byte> stored, IReadOnlySet<string>? keys)
    {
        var figures = new Dictionary<string, decimal?>(StringComparer.Ordinal);
        var position = 1;
        var templateKeys = TemplateKeys(stored);
        var count = templateKeys?.Length ?? checked((int)Varint.Read(stored, ref position));
        for (var i = 0; i < count; i++)
        {
            var key = templateKeys is null ? Varint.ReadString(stored, ref position) : templateKeys[i];
            if (keys is null || keys.Contains(key))
            {
                figures[key] = ReadValue(stored, ref position);
            }
            else
            {
                SkipValue(stored, ref position);
            }
        }

        if (position != stored.Length)
        {
            throw new InvalidDataException("stored figures hold more values than their layout has keys");
        }

        return figures;
    }

    /// <summary>One figure without decoding the others: false when the stored set does not have the key.</summary>
    public static bool TryRead(ReadOnlySpan<byte> stored, FigureKeyPosition key, out decimal? value)
    {
        ArgumentNullException.ThrowIfNull(key);
        var position = 1;
        var index = Layout(stored) switch
        {
            Template2019Layout => key.Index2019,
            Template2021Layout => key.Index2021,
            _ => -2,
        };
        if (index == -2)
        {
            var count = checked((int)Varint.Read(stored, ref position));
            for (var i = 0; i < count; i++)
            {
                var matches = string.Equals(Varint.ReadString(stored, ref position), key.Key, StringComparison.Ordinal);
                if (matches)
                {
                    value = ReadValue(stored, ref position);
                    return true;
                }

                SkipValue(stored, ref position);
            }

            index = -1;
        }

        if (index < 0)
        {
            value = null;
            return false;
        }

        for (var i = 0; i < index; i++)
        {
            SkipValue(stored, ref position);
        }

        value = ReadValue(stored, ref position);
        return true;
    }

    /// <summary>Where a key sits in each template's order, worked out once for many reads.</summary>
    public static FigureKeyPosition Position(string key) =>
        new(key, Array.IndexOf(Keys2019, key), Array.IndexOf(Keys2021, key));

    private static string[]? TemplateKeys(ReadOnlySpan<byte> stored) => Layout(stored) switch
    {
        Template2019Layout => Keys2019,
        Template2021Layout => Keys2021,
        _ => null,
    };

    private static byte Layout(ReadOnlySpan<byte> stored) =>
        stored.IsEmpty || stored[0] is not (Template2019Layout or Template2021Layout or KeyedLayout)
            ? throw new InvalidDataException($"stored figures have an unknown layout ({(stored.IsEmpty ? "empty" : stored[0].ToString(CultureInfo.InvariantCulture))})")
            : stored[0];

    private static bool InTemplateOrder(IReadOnlyDictionary<string, decimal?> figures, string[] keys)
    {
        if (figures.Count != keys.Length)
        {
            return false;
        }

        var i = 0;
        foreach (var key in figures.Keys)
        {
            if (!string.Equals(key, keys[i++], StringComparison.Ordinal))
            {
                return false;
            }
        }

        return true;
    }

    private static void WriteValue(IBufferWriter<byte> output, decimal? value)
    {
        if (value is not { } number)
        {
            Varint.Write(output, 0);
            return;
        }

        var normalized = number == 0 ? 0m : number / 1.000000000000000000000000000000000m; // drops trailing zeros
        Span<int> bits = stackalloc int[4];
        decimal.GetBits(normalized, bits);
        var scale = normalized.Scale;
        var magnitude = ((ulong)(uint)bits[1] << 32) | (uint)bits[0];
        if (bits[2] == 0 && scale <= MaxScale && magnitude < MaxUnscaled)
        {
            var unscaled = normalized < 0 ? -(long)magnitude : (long)magnitude;
            var zigzag = (ulong)((unscaled << 1) ^ (unscaled >> 63));
            Varint.Write(output, ((zigzag << 3) | (uint)scale) + 1);
        }
        else
        {
            Varint.Write(output, EscapeHeader);
            Varint.WriteString(output, normalized.ToString(CultureInfo.InvariantCulture));
        }
    }

    private static decimal? ReadValue(ReadOnlySpan<byte> stored, ref int position)
    {
        var header = Varint.Read(stored, ref position);
        if (header == 0)
        {
            return null;
        }

        if (header == EscapeHeader)
        {
            return decimal.Parse(Varint.ReadString(stored, ref position), NumberStyles.Number, CultureInfo.InvariantCulture);
        }

        var scale = (byte)((header - 1) & 7);
        var zigzag = (header - 1) >> 3;
        var unscaled = (long)(zigzag >> 1) ^ -(long)(zigzag & 1);
        var magnitude = (ulong)Math.Abs(unscaled);
        return new decimal((int)(uint)magnitude, (int)(uint)(magnitude >> 32), 0, unscaled < 0, scale);
    }

    /// <summary>Moves past one value: a filter skips ~200 of them a report, so this is a byte loop, not a decode.</summary>
    private static void SkipValue(ReadOnlySpan<byte> stored, ref int position)
    {
        if ((uint)position < (uint)stored.Length && stored[position] == EscapeHeader) // a varint's first byte is 8 only when the whole varint is 8
        {
            position++;
            var length = checked((int)Varint.Read(stored, ref position));
            position += length;
            return;
        }

        byte next;
        do
        {
            if ((uint)position >= (uint)stored.Length)
            {
                throw new InvalidDataException("stored figures end inside a value");
            }

            next = stored[position++];
        }
        while (next >= 0x80);
    }
}
