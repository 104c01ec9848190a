using System.Text.RegularExpressions;
using Microsoft.AspNetCore.Http.HttpResults;

namespace ReportArchive.Server.Security;

/// <summary>
/// The Chinese message of every problem+json the server returns, in the extension <c>messageZh</c> (the page shows
/// it; scripts keep reading the English <c>title</c>, <c>detail</c> and <c>errors</c>). A validation problem says,
/// parameter by parameter, what is wrong (页码须为 1 到 100000 之间的整数: the parameter by its Chinese name, its own name in `errors`); the others are known by their
/// title, else by their status. Added to every problem written through the problem-details service
/// (<see cref="Customize"/>) and to validation results (<see cref="Validation"/>, which do not go through it).
/// </summary>
public static partial class ChineseProblems
{
    public const string Field = "messageZh";

    /// <summary>The <c>CustomizeProblemDetails</c> hook: adds <c>messageZh</c> when the problem has none.</summary>
    public static void Customize(ProblemDetailsContext context)
    {
        ArgumentNullException.ThrowIfNull(context);
        var problem = context.ProblemDetails;
        if (!problem.Extensions.ContainsKey(Field))
        {
            problem.Extensions[Field] = MessageOf(problem, context.HttpContext.Response.Headers.RetryAfter.ToString());
        }
    }

    /// <summary>A 400 validation problem with <c>messageZh</c>: what <c>TypedResults.ValidationProblem</c> gives, plus the Chinese.</summary>
    public static ValidationProblem Validation(IDictionary<string, string[]> errors, string title)
    {
        ArgumentNullException.ThrowIfNull(errors);
        return TypedResults.ValidationProblem(errors, title: title, extensions: new Dictionary<string, object?> { [Field] = ForErrors(errors) });
    }

    /// <summary>The Chinese of a problem: its errors for a validation problem, else by title or status.</summary>
    public static string MessageOf(Microsoft.AspNetCore.Mvc.ProblemDetails problem, string? retryAfter = null)
    {
        ArgumentNullException.ThrowIfNull(problem);
        if (problem is HttpValidationProblemDetails { Errors.Count: > 0 } validation)
        {
            return ForErrors(validation.Errors);
        }

        var detail = problem.Detail ?? "";
        return problem.Title switch
        {
            "Report not found" when ReportId().Match(detail) is { Success: true } id => $"没有编号为 {id.Groups[1].Value} 的报告",
            "Report not found" => "没有这份报告",
            "Agency not found" => "没有找到该机关标有年度的报告",
            "Original file not kept" => "这份报告没有保存原始文件",
            "Unsupported file type" => "不支持该文件类型：可导入的文件为 .txt .md .html .htm .docx .pdf",
            "The file cannot be imported" => "该文件无法导入（空文件、没有中文文字或文件已损坏等）",
            "The report could not be stored" => "报告未能保存",
            "Writes are disabled" => "本服务器未配置接口密钥，不接受上传和删除",
            "Unauthorized" => "缺少接口密钥或密钥无效：请在请求头 Authorization 中给出 Bearer 密钥",
            "Request body too large" when Numbers().Matches(detail) is { Count: >= 2 } n => $"请求内容过大：共 {n[0].Value} 字节，最多接受 {n[1].Value} 字节",
            "Request body too large" => "请求内容过大",
            "Request body too slow" => "请求内容传输过慢，已中止",
            "Request headers too large" => "请求头过大",
            "Malformed request" or "Malformed request body" => "请求格式有误，无法读取",
            "Too many requests" => $"写入过于频繁，请{Seconds(retryAfter)}后重试",
            "Server busy" => "服务器繁忙，请稍后重试",
            "Search timed out" when Numbers().Match(detail) is { Success: true } s => $"检索超过 {s.Value} 秒仍未完成，已停止：请减少检索词、使用引号短语或加上筛选条件后重试",
            "Search timed out" => "检索超时，已停止：请缩小检索范围后重试",
            "Insufficient storage" => "存放档案的磁盘已满，未保存任何内容；腾出空间后重试",
            "Archive read-only" => "档案文件或磁盘为只读，未保存任何内容",
            "Storage failure" => "存放档案的磁盘读写出错，未保存任何内容",
            "Archive damaged" => "档案已损坏，请从备份恢复",
            "Not ready" => "服务器尚未就绪（正在首次导入），请稍后重试",
            _ => ByStatus(problem.Status),
        };
    }

    /// <summary>One sentence per parameter, joined with "；".</summary>
    public static string ForErrors(IDictionary<string, string[]> errors)
    {
        ArgumentNullException.ThrowIfNull(errors);
        return string.Join("；", errors.Select(e => ForParameter(e.Key, e.Value)));
    }

    private static string ForParameter(string name, string[] messages)
    {
        var message = messages.FirstOrDefault() ?? "";
        Match m;
        if ((m = WholeNumber().Match(message)).Success)
        {
            return $"{Named(name)}须为 {m.Groups["min"].Value} 到 {m.Groups["max"].Value} 之间的整数（收到“{m.Groups["v"].Value}”）";
        }

        if ((m = QueryLength().Match(message)).Success)
        {
            return $"检索词共 {m.Groups["n"].Value} 个字符，最多允许 {m.Groups["max"].Value} 个";
        }

        if ((m = NotOneOf().Match(message)).Success)
        {
            return $"{Named(name)}的值“{m.Groups["v"].Value}”无效，可选：{m.Groups["list"].Value.Replace(", ", "、", StringComparison.Ordinal)}";
        }

        if ((m = NotAFigureKey().Match(message)).Success)
        {
            return $"{Named(name)}的“{m.Groups["v"].Value}”不是数据项代码（数据项代码见“数据项说明”）";
        }

        if ((m = NotACondition().Match(message)).Success)
        {
            return $"{Named(name)}的“{m.Groups["v"].Value}”不是数据条件，应写作“数据项 比较符 数值”，如 review.total>0（比较符 > >= < <= =）";
        }

        if (message.StartsWith("figure is required", StringComparison.Ordinal))
        {
            return "缺少数据项（figure）：须给出一个数据项或比率";
        }

        if (message.StartsWith("only one figure without an operator", StringComparison.Ordinal))
        {
            return "数据项（figure）只能有一个不带比较符的数据项（作统计对象），其余须为条件（> >= < <= =）";
        }

        var value = Quoted().Match(message) is { Success: true } q ? $"“{q.Groups[1].Value}”" : "";
        return name switch
        {
            "year" => $"年份的值{value}无效：须为年份（如 2021）或年份范围（如 2019..2021）",
            "published" => $"发布日期的值{value}无效：须为发布日期、月份或年份（2024-03-15、2024-03、2024）或其范围（2024-01..2024-03、2024-01..、..2023）",
            "checks" => $"校验结果的值{value}无效：须为 passed（校验通过）或 failed（校验未通过）",
            "after" when message.Contains("cannot be combined with page", StringComparison.Ordinal) => "翻页位置（after）不能与页码同时使用：after 接续上一页的 next",
            "after" => "翻页位置（after）无效：请原样传入上一页返回的 next",
            "province" or "city" or "county" or "region" => RegionMessage(name, value, messages),
            "agency" => "缺少机关名称（agency）：请给出报告所写的机关名称，如 agency=郑州市工业和信息化局",
            "regionCode" => $"该机关的报告分属多个行政区划代码，请用 regionCode 指定其一（{string.Join("、", Numbers().Matches(message).Select(n => n.Value))}）",
            "file" => "上传的文件有误：请以 multipart 表单字段 file 上传一个文件",
            _ => $"{Named(name)}的值{value}无效",
        };
    }

    /// <summary>An unknown or ambiguous region: the value and the candidates the API lists after the message (code and full name).</summary>
    private static string RegionMessage(string name, string value, string[] messages)
    {
        var candidates = messages.Skip(1).Where(m => Candidate().IsMatch(m)).ToList();
        var ambiguous = messages.FirstOrDefault()?.Contains("may be", StringComparison.Ordinal) == true || candidates.Count > 1;
        var head = messages.FirstOrDefault()?.Contains("is the code of", StringComparison.Ordinal) == true
            ? $"{Named(name)}的代码{value}所属层级不符，请写作 region=代码"
            : ambiguous ? $"{Named(name)}的地名{value}有多个可能" : $"{Named(name)}的值{value}不是已知的行政区划（GB/T 2260）";
        return candidates.Count == 0 ? head : $"{head}，可选：{string.Join("、", candidates)}";
    }

    /// <summary>
    /// A parameter as a reader names it: 页码, 年份, 地区 … (the page shows these sentences; the parameter's own name is in
    /// the problem's <c>errors</c> for scripts). An unknown name is quoted as it was sent.
    /// </summary>
    private static string Named(string name) => name switch
    {
        "q" => "检索词",
        "page" => "页码",
        "pageSize" => "每页条数",
        "year" => "年份",
        "province" => "省份",
        "city" => "城市",
        "county" => "区县",
        "region" => "地区",
        "level" => "层级",
        "agencyType" => "机关类型",
        "checks" => "校验结果",
        "figure" => "数据项",
        "sort" => "排序",
        "after" => "翻页位置",
        "published" => "发布日期",
        "source" => "来源网站",
        "format" => "导出格式",
        "labels" => "表头",
        "groupBy" => "分组",
        "measure" => "统计方式",
        "order" => "排列顺序",
        "agency" => "机关名称",
        "regionCode" => "行政区划代码",
        "name" => "文件名",
        _ => $"参数“{name}”",
    };

    private static string Seconds(string? retryAfter) => int.TryParse(retryAfter, out var s) && s > 0 ? $" {s} 秒" : "稍";

    private static string ByStatus(int? status) => status switch
    {
        400 => "请求有误",
        401 => "未授权：缺少接口密钥或密钥无效",
        403 => "禁止访问",
        404 => "找不到该地址",
        405 => "不支持该请求方法",
        406 => "无法提供所要求的格式",
        408 => "请求超时",
        409 => "请求与当前状态冲突",
        413 => "请求内容过大",
        414 => "请求地址过长",
        415 => "不支持该内容类型",
        429 => "请求过于频繁，请稍后重试",
        431 => "请求头过大",
        503 => "服务暂不可用，请稍后重试",
        507 => "存储空间不足",
        >= 500 => "服务器出错",
        _ => "请求未能完成",
    };

    [GeneratedRegex(@"^'(?<v>.*)' is not a whole number from (?<min>-?\d+) to (?<max>-?\d+)", RegexOptions.Singleline)]
    private static partial Regex WholeNumber();

    [GeneratedRegex(@"^the query is (?<n>\d+) characters long; at most (?<max>\d+)")]
    private static partial Regex QueryLength();

    [GeneratedRegex(@"^'(?<v>.*)' is not one of (?<list>.*)$", RegexOptions.Singleline)]
    private static partial Regex NotOneOf();

    [GeneratedRegex(@"^'(?<v>.*)' is not a figure key", RegexOptions.Singleline)]
    private static partial Regex NotAFigureKey();

    [GeneratedRegex(@"^'(?<v>.*)' is not a figure condition", RegexOptions.Singleline)]
    private static partial Regex NotACondition();

    [GeneratedRegex(@"'([^']*)'")]
    private static partial Regex Quoted();

    [GeneratedRegex(@"^\d{2,12} \S")]
    private static partial Regex Candidate();

    [GeneratedRegex(@"\d+(?:\.\d+)?")]
    private static partial Regex Numbers();

    [GeneratedRegex(@"id (\d+)")]
    private static partial Regex ReportId();
}
