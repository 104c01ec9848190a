using Microsoft.Playwright;

namespace ReportArchive.Server.Tests.Browser;

/// <summary>What a reader does to reach a division in the search page's collapsed region tree.</summary>
internal static class RegionTreeNavigation
{
    /// <summary>
    /// Opens the tree down to <paramref name="code"/>: 更多 where its province's or city's list is cut, ▸ on the
    /// province and the city above it, so its checkbox is visible.
    /// </summary>
    public static async Task OpenToAsync(ILocator tree, string code)
    {
        await Microsoft.Playwright.Assertions.Expect(tree.Locator("input[name=region]").First).ToBeAttachedAsync();
        for (var length = 2; length <= code.Length; length += 2)
        {
            var prefix = code[..length];
            var node = tree.Locator($"input[name=region][value='{prefix}']");
            if (await node.CountAsync() == 0)
            {
                continue; // a level the tree skips (a county listed under its province)
            }

            if (!await node.IsVisibleAsync())
            {
                await tree.Locator($"ul:has(> li > label > input[value='{prefix}']) + button.more").ClickAsync();
            }

            var toggle = tree.Locator($"[data-testid=region-toggle][data-code='{prefix}']");
            if (prefix != code && await toggle.GetAttributeAsync("aria-expanded") == "false")
            {
                await toggle.ClickAsync();
            }
        }

        await Microsoft.Playwright.Assertions.Expect(tree.Locator($"input[name=region][value='{code}']")).ToBeVisibleAsync();
    }
}
