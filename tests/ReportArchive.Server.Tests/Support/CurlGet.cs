namespace ReportArchive.Server.Tests.Support;

/// <summary>Reads a README line <c>curl -G http://host/path -d k=v --data-urlencode 'k=v' …  # comment</c> as the request it sends.</summary>
internal static class CurlGet
{
    /// <summary>The README's <c>GET /api/search</c> section, and its <c>curl</c> lines in order.</summary>
    public static async Task<(string Text, List<string> CurlLines)> SearchSectionAsync()
    {
        var readme = await File.ReadAllTextAsync(Path.Combine(ReportArchiveApp.RepositoryRoot, "README.md"));
        var section = readme[readme.IndexOf("### `GET /api/search`", StringComparison.Ordinal)..];
        section = section[..section.IndexOf("\n### ", 1, StringComparison.Ordinal)];
        return (section, [.. section.Split('\n').Where(l => l.StartsWith("curl ", StringComparison.Ordinal))]);
    }

    public static (string Url, string? After) ToRelativeUrl(string line)
    {
        var words = Words(line);
        Assert.Equal("curl", words[0]);
        var path = new Uri(words.Single(w => w.StartsWith("http", StringComparison.Ordinal))).AbsolutePath;
        var query = new List<string>();
        string? after = null;
        for (var i = 1; i < words.Count - 1; i++)
        {
            if (words[i] is "-d" or "--data-urlencode")
            {
                var (name, value) = (words[i + 1][..words[i + 1].IndexOf('=', StringComparison.Ordinal)], words[i + 1][(words[i + 1].IndexOf('=', StringComparison.Ordinal) + 1)..]);
                query.Add(words[i] == "-d" ? $"{name}={value}" : $"{name}={Uri.EscapeDataString(value)}");
                after = name == "after" ? value : after;
            }
        }

        return ($"{path}?{string.Join('&', query)}", after);
    }

    /// <summary>The shell words of a line: single quotes group, <c>#</c> after a space starts a comment.</summary>
    private static List<string> Words(string line)
    {
        var words = new List<string>();
        var word = new System.Text.StringBuilder();
        var quoted = false;
        for (var i = 0; i < line.Length; i++)
        {
            var c = line[i];
            if (c == '\'')
            {
                quoted = !quoted;
            }
            else if (!quoted && c == '#' && (i == 0 || line[i - 1] == ' '))
            {
                break;
            }
            else if (!quoted && c == ' ')
            {
                if (word.Length > 0)
                {
                    words.Add(word.ToString());
                    word.Clear();
                }
            }
            else
            {
                word.Append(c);
            }
        }

        if (word.Length > 0)
        {
            words.Add(word.ToString());
        }

        return words;
    }
}
