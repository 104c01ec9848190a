using System.Collections.Frozen;

namespace ReportArchive.Agencies;

/// <summary>
/// Gives the agency types of a reporting body from its name: canonical labels of a fixed taxonomy
/// (documented in docs/agency-types.md), one per department the name stands for, in order of appearance.
/// Merged and abbreviated names carry every label: 萝北县工业信息科技局 → 工业和信息化, 科技;
/// 工业信息化和商务局 → 工业和信息化, 商务; 卫健委 → 卫生健康. Immutable and thread-safe.
/// </summary>
public sealed class AgencyTypeClassifier
{
    private static readonly Lazy<AgencyTypeClassifier> DefaultClassifier = new(() => new AgencyTypeClassifier());

    /// <summary>Forms by first character, longest first.</summary>
    private readonly FrozenDictionary<char, (string Form, string[] Labels)[]> formsByFirstCharacter;

    private AgencyTypeClassifier()
    {
        formsByFirstCharacter = AgencyTypes.Forms
            .GroupBy(f => f.Form[0])
            .ToFrozenDictionary(g => g.Key, g => g.OrderByDescending(f => f.Form.Length).ToArray());
    }

    public static AgencyTypeClassifier Default => DefaultClassifier.Value;

    /// <summary>The taxonomy, in documented order; 其他 is last.</summary>
    public static IReadOnlyList<string> Labels { get; } = AgencyTypes.Labels;

    /// <summary>The labels the agency name stands for, in order of appearance; ["其他"] when none.</summary>
    public IReadOnlyList<string> Classify(string agency)
    {
        var name = AgencyName.Normalize(agency);
        var labels = new List<string>(2);
        var governmentFormEnd = -1;
        for (var i = 0; i < name.Length;)
        {
            var match = LongestFormAt(name, i);
            if (match is null)
            {
                i++;
                continue;
            }

            foreach (var label in match.Value.Labels)
            {
                if (!labels.Contains(label, StringComparer.Ordinal))
                {
                    labels.Add(label);
                }
            }

            i += match.Value.Form.Length;
            if (match.Value.Labels is [AgencyTypes.Government])
            {
                governmentFormEnd = i;
            }
        }

        // 北京市人民政府驻上海办事处, 某区管委会党群工作部: a body under the government that no form names is not the government.
        if (labels is [AgencyTypes.Government] && governmentFormEnd > 0 && governmentFormEnd < name.Length)
        {
            return [AgencyTypes.Other];
        }

        if (!labels.Contains(AgencyTypes.Township, StringComparer.Ordinal) && !labels.Contains(AgencyTypes.Subdistrict, StringComparer.Ordinal))
        {
            foreach (var (ending, label) in AgencyTypes.Endings)
            {
                if (name.Length > ending.Length && name.EndsWith(ending, StringComparison.Ordinal))
                {
                    labels.Add(label);
                    break;
                }
            }
        }

        if (labels.Count == 0)
        {
            foreach (var ending in AgencyTypes.GovernmentEndings)
            {
                if (name.Length > ending.Length && name.EndsWith(ending, StringComparison.Ordinal))
                {
                    labels.Add(AgencyTypes.Government);
                    break;
                }
            }
        }

        // 广元市人民政府以工代赈办公室, 杭州市滨江区人民政府长河街道办事处: a body under the government, not the government.
        if (labels.Count > 1 && labels[0] == AgencyTypes.Government)
        {
            labels.RemoveAt(0);
        }

        return labels.Count > 0 ? labels : [AgencyTypes.Other];
    }

    /// <summary>
    /// The type of a body whose report never names it but speaks as a department (我委, 我局, 本厅: not 我区 or 我县, a
    /// government): the department the prose names most — at least three times and twice as often as any other
    /// (朔州's 卫健委: 卫生 ×4, 财政 ×1 → 卫生健康). Empty when the prose does not speak as a department or no department
    /// stands out. Governments, offices, townships and sub-districts are never inferred: 政府 is in every report.
    /// </summary>
    public IReadOnlyList<string> InferFromProse(string text)
    {
        ArgumentNullException.ThrowIfNull(text);
        if (!text.Contains("我委", StringComparison.Ordinal) && !text.Contains("我局", StringComparison.Ordinal)
            && !text.Contains("我厅", StringComparison.Ordinal) && !text.Contains("本委", StringComparison.Ordinal)
            && !text.Contains("本局", StringComparison.Ordinal) && !text.Contains("本厅", StringComparison.Ordinal))
        {
            return [];
        }

        var counts = new Dictionary<string, int>(StringComparer.Ordinal);
        for (var i = 0; i < text.Length;)
        {
            if (LongestFormAt(text, i) is not { } match)
            {
                i++;
                continue;
            }

            foreach (var label in match.Labels)
            {
                if (label is not (AgencyTypes.Government or AgencyTypes.GeneralOffice or AgencyTypes.Township or AgencyTypes.Subdistrict))
                {
                    counts[label] = counts.GetValueOrDefault(label) + 1;
                }
            }

            i += match.Form.Length;
        }

        var ranked = counts.OrderByDescending(c => c.Value).Take(2).ToList();
        return ranked is [var first, ..] && first.Value >= 3 && (ranked.Count == 1 || first.Value >= 2 * ranked[1].Value) ? [first.Key] : [];
    }

    private (string Form, string[] Labels)? LongestFormAt(string name, int position)
    {
        if (!formsByFirstCharacter.TryGetValue(name[position], out var forms))
        {
            return null;
        }

        foreach (var form in forms)
        {
            var end = position + form.Form.Length;
            if (end <= name.Length
                && string.CompareOrdinal(name, position, form.Form, 0, form.Form.Length) == 0
                && !(end < name.Length && IsDivisionSuffix(name[end])))
            {
                return form;
            }
        }

        return null;
    }

    /// <summary>
    /// A form followed by a division suffix is part of a place name, not a department: 公安县, 商务区,
    /// 民族乡 (whose 乡人民政府 is then read as a township).
    /// </summary>
    private static bool IsDivisionSuffix(char c) => c is '县' or '区' or '市' or '旗' or '州' or '盟' or '镇' or '乡';
}
