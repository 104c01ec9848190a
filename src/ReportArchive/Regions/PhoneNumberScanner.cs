namespace ReportArchive.Regions;

/// <summary>
/// Finds the area codes of fixed-line numbers written in a text: 0539-2932177, （0539）2932177,
/// 0955－4014469, 010 12345678, or run together as 05392932177. Only numbers whose area code is known count.
/// A hand-written scan: it runs on every ambiguous report, so it must not cost more than a pass over the text.
/// </summary>
internal static class PhoneNumberScanner
{
    public static List<string> FindAreaCodes(string text, PhoneAreaCodes areaCodes)
    {
        var found = new List<string>();
        var i = 0;
        while (i < text.Length)
        {
            var next = text.AsSpan(i).IndexOfAnyInRange('0', '9');
            if (next < 0)
            {
                break;
            }

            i += next;
            var start = i;
            while (i < text.Length && char.IsAsciiDigit(text[i]))
            {
                i++;
            }

            if (text[start] != '0' || (start > 0 && IsNumberContinuation(text[start - 1])))
            {
                continue;
            }

            var run = text.AsSpan(start + 1, i - start - 1);
            string? areaCode = null;
            if (run.Length is >= 2 and <= 3 && LocalNumberFollows(text, i))
            {
                areaCode = areaCodes.MatchAreaCode(run);
            }
            else if (run.Length is 9 or 10 or 11)
            {
                // Run together: area code (2 or 3 digits) and a 7 or 8 digit local number.
                areaCode = areaCodes.MatchAreaCode(run);
                if (areaCode is not null && run.Length - areaCode.Length is not (7 or 8))
                {
                    areaCode = null;
                }
            }

            if (areaCode is not null && !found.Contains(areaCode, StringComparer.Ordinal))
            {
                found.Add(areaCode);
            }
        }

        return found;
    }

    private static bool IsNumberContinuation(char c) => char.IsAsciiDigit(c) || c is '.' or '-' or '－' or '/';

    /// <summary>After the area code: up to three separator characters, then a local number of 7 or 8 digits.</summary>
    private static bool LocalNumberFollows(string text, int position)
    {
        var i = position;
        var separators = 0;
        while (i < text.Length && separators < 3 && IsSeparator(text[i]))
        {
            i++;
            separators++;
        }

        if (separators == 0)
        {
            return false;
        }

        var digits = 0;
        while (i < text.Length && char.IsAsciiDigit(text[i]))
        {
            i++;
            digits++;
        }

        return digits is 7 or 8;
    }

    private static bool IsSeparator(char c) => c is '-' or '－' or '—' or '–' or ' ' or '\u3000' or ')' or '）';
}
