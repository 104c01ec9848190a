import { LEVEL_LABELS, el, clear, formatNumber, getJson } from './common.js';
import { failedCells } from './checkcells.js';

const root = document.getElementById('report');
const params = new URLSearchParams(location.search);
const id = params.get('id');
const q = params.get('q') ?? '';
const SOURCE_TABLES = { A: '主动公开表', B: '申请办理表', C: '复议诉讼表' };
const TABLE_TITLES = { A: '一、主动公开政府信息情况', B: '三、收到和处理政府信息公开申请情况', C: '四、政府信息公开行政复议、行政诉讼情况' };

const back = params.get('back'); if (back?.startsWith('/?') || back === '/' || q) document.getElementById('back-link').href = back?.startsWith('/?') || back === '/' ? back : `/?${new URLSearchParams({ q })}`; // back=: the search page's URL (filters, sort, page)

async function load() {
  if (!id || !/^\d+$/.test(id)) throw new Error('地址中缺少报告编号（report.html?id=…）');
  const [report, keys, highlights] = await Promise.all([
    getJson(`/api/reports/${id}`),
    getJson('/api/figures/keys'),
    q ? getJson(`/api/reports/${id}/highlights?${new URLSearchParams({ q })}`) : Promise.resolve({ ranges: [] }),
  ]);
  document.title = `${report.title ?? report.fileName} — 政府信息公开年度报告检索`;
  // A report without tables may still have figures read from its prose: show those keys, in template order.
  const templateKeys = report.template
    ? keys.filter(k => k.template === report.template)
    : keys.filter((k, i) => k.key in report.figures && keys.findIndex(o => o.key === k.key) === i);
  const text = fullText(report.text, highlights.ranges);
  clear(root,
    el('h1', {}, report.title ?? report.fileName),
    metadata(report),
    permalink(),
    checks(report),
    el('h2', {}, '表格数据'),
    templateKeys.length ? figures(report, templateKeys, text) : el('p', { class: 'empty' }, '未识别出模板表格。'),
    crossYearChecks(report),
    keywords(report),
    el('h2', { id: 'text' }, '全文', q ? el('span', { class: 'count', 'data-testid': 'match-count' }, `（“${q}”匹配 ${highlights.ranges.length} 处）`) : null),
    text.element);
  root.removeAttribute('aria-busy');
}

function metadata(report) {
  const failed = report.checks.filter(c => !c.ok).length;
  const rows = [
    ['发布机关', report.agency],
    ['年度', report.year],
    ['地区', [report.province, report.city, report.county].filter(Boolean).join(' ') || null],
    ['层级', LEVEL_LABELS[report.level] ?? report.level],
    ['机构类型', report.agencyTypes.join('、') || null],
    ['模板', report.template ? `${report.template} 年版` : null],
    ['校验', report.checks.length ? `${report.checks.length - failed} 项通过，${failed} 项未通过` : '无'],
    ['文件', report.fileName],
    ['SHA-256', el('code', { class: 'sha256', title: report.sha256, 'data-testid': 'sha256' }, report.sha256)],
    ['导入时间', new Date(report.importedAt).toLocaleString('zh-CN')],
  ];
  const items = rows.filter(([, v]) => v !== null && v !== undefined && v !== '')
    .flatMap(([k, v]) => [el('dt', {}, k), el('dd', {}, v instanceof Node ? v : String(v))]);
  // the warnings in Chinese (warningsZh; an archive's stored English ones are translated by the server)
  const warnings = report.warningsZh ?? report.warnings ?? [];
  const notes = warnings.length
    ? [el('dt', {}, '提示'), el('dd', {}, el('ul', { class: 'warnings', 'data-testid': 'warnings' }, warnings.map(w => el('li', {}, w))))]
    : [];
  return el('dl', { class: 'metadata' }, ...items, ...otherYears(report), ...notes);
}

/**
 * The same agency's reports of other years (same name and region code), each a link; this one in bold. Two reports
 * of one year are told apart by their number: 2020（编号 12）、2020（编号 15）.
 */
function otherYears(report) {
  const years = report.years ?? [];
  if (years.length < 2) return [];
  const perYear = new Map();
  for (const y of years) perYear.set(y.year, (perYear.get(y.year) ?? 0) + 1);
  const label = y => perYear.get(y.year) > 1 ? `${y.year}（编号 ${y.id}）` : String(y.year);
  const links = years.flatMap((y, i) => [
    i > 0 ? '、' : null,
    String(y.id) === id
      ? el('strong', {}, label(y))
      : el('a', { href: reportHref(y.id), 'data-testid': 'other-year' }, label(y)),
  ]);
  return [el('dt', {}, '历年报告'), el('dd', { 'data-testid': 'years' }, ...links, '　', el('a', { href: `/agency.html?${new URLSearchParams(report.region?.code ? { agency: report.agency, regionCode: report.region.code } : { agency: report.agency })}`, 'data-testid': 'agency-years' }, '历年对比'))];
}

function reportHref(reportId) {
  return `/report.html?${new URLSearchParams(q ? { id: reportId, q } : { id: reportId })}`;
}

/** The link as a reader reads it (Chinese, not percent-encoding); the link and the copy keep the encoded address. */
function permalink() {
  const link = new URL(`/report.html?id=${encodeURIComponent(id)}`, location.origin);
  if (q) link.searchParams.set('q', q);
  const readable = readableUrl(link.href);
  const field = el('input', { type: 'text', readonly: true, value: readable, 'aria-label': '永久链接', 'data-testid': 'permalink' });
  return el('p', { class: 'permalink' }, el('a', { href: link.href, 'data-testid': 'permalink-link' }, '永久链接'), '：', field, ' ',
    el('button', { type: 'button', onclick: () => { field.select(); navigator.clipboard?.writeText(link.href); } }, '复制'));
}

function readableUrl(href) {
  try { return decodeURIComponent(href.replaceAll('+', ' ')); } catch { return href; }
}

/** The template's tables; consecutive rows with the same columns share one header, as the template prints them. */
function figures(report, templateKeys, text) {
  const sources = report.figureSources ?? {};
  const failed = failedCells(report.checks, new Set(templateKeys.map(k => k.key)));
  const sections = [];
  for (const table of ['A', 'B', 'C']) {
    const rows = [];
    for (const key of templateKeys.filter(k => k.table === table)) {
      const [rowLabel, columnLabel] = key.chineseLabel.split(' × ');
      const rowKey = key.key.slice(0, key.key.lastIndexOf('.'));
      let row = rows[rows.length - 1];
      if (!row || row.key !== rowKey) rows.push(row = { key: rowKey, label: rowLabel, cells: [] });
      row.cells.push({ key: key.key, column: columnLabel, label: key.chineseLabel });
    }
    const blocks = [];
    for (const row of rows) {
      const columns = row.cells.map(c => c.column).join('|');
      const block = blocks[blocks.length - 1];
      if (block && block.columns === columns) block.rows.push(row); else blocks.push({ columns, rows: [row] });
    }
    sections.push(el('h3', {}, TABLE_TITLES[table]),
      ...blocks.map(block => el('table', { class: 'figure-table', 'data-table': table },
        el('thead', {}, el('tr', {}, el('th', {}, ''), block.rows[0].cells.map(c => el('th', { scope: 'col' }, c.column)))),
        el('tbody', {}, block.rows.map(row => el('tr', {}, el('th', { scope: 'row' }, row.label),
          row.cells.map(cell => {
            const value = report.figures[cell.key];
            const failures = failed.get(cell.key);
            const classes = [value === null || value === undefined ? 'empty' : null, failures ? 'check-failed' : null].filter(Boolean).join(' ');
            const source = value === null || value === undefined ? null : sources[cell.key];
            const td = el('td', { 'data-key': cell.key, class: [classes, source ? `has-source source-${source.kind}` : null].filter(Boolean).join(' ') || null,
              tabindex: source ? 0 : null,
              title: [cell.label, source ? sourceLabel(source) : null, ...(failures ?? []).map(f => `未通过：${f}`)].filter(Boolean).join('\n') },
              formatNumber(value));
            if (source) {
              td.addEventListener('mouseenter', () => text.showSource(source, false));
              td.addEventListener('focus', () => text.showSource(source, false));
              td.addEventListener('click', () => text.showSource(source, true));
              td.addEventListener('keydown', e => { if (e.key === 'Enter') text.showSource(source, true); });
            }
            return td;
          })))))));
  }
  return el('div', { class: 'figures' }, sections);
}

/** Where a figure was read, as the cell's tooltip says it. */
function sourceLabel(source) {
  return source.kind === 'narrative'
    ? `来源：正文“${source.sentence ?? ''}”`
    : `来源：${SOURCE_TABLES[source.table] ?? '表格'} ${source.row ?? ''} × ${source.column ?? ''}`;
}

/**
 * The checks, failed first and each in Chinese (detailZh: which cells disagree and by how much); the passed ones
 * collapsed below them. The rule id stays visible as a code for whoever compares with the API.
 */
function checks(report) {
  if (!report.checks.length) return null;
  const failed = report.checks.filter(c => !c.ok);
  const passed = report.checks.filter(c => c.ok);
  const item = c => el('li', { class: c.ok ? 'passed' : 'failed', 'data-rule': c.rule, 'data-testid': c.ok ? 'check-passed' : 'check-failed' },
    `${c.ok ? '✓' : '✗'} ${c.detailZh ?? c.detail}`, ' ', el('code', { class: 'rule' }, c.rule));
  return el('section', { class: 'checks', 'data-testid': 'checks' },
    el('h2', {}, '校验（勾稽关系与正文核对）'),
    failed.length
      ? [el('p', { class: 'checks-summary failed' }, `${failed.length} 项未通过：`), el('ul', { class: 'failed-checks' }, failed.map(item))]
      : el('p', { class: 'checks-summary passed' }, `全部 ${passed.length} 项校验通过。`),
    passed.length ? el('details', { class: 'passed-checks', 'data-testid': 'passed-checks' },
      el('summary', {}, `${passed.length} 项通过`), el('ul', {}, passed.map(item))) : null);
}

/**
 * The checks against the agency's neighbouring years (上年结转 of one year = 结转下年度继续办理 of the year before), in
 * Chinese, each naming the other report as a link.
 */
function crossYearChecks(report) {
  const list = report.crossYearChecks ?? [];
  if (!list.length) return null;
  return el('section', { class: 'cross-year', 'data-testid': 'cross-year-checks' },
    el('h2', {}, '跨年度核对'),
    el('ul', {}, list.map(c => {
      const match = /^(\d+) 上年结转 (\S+) [=≠] (\d+) 结转下年度继续办理 (\S+)/.exec(c.detail ?? '');
      const other = String(c.next.id) === id ? c.previous : c.next;
      const text = match
        ? `${match[1]} 年“上年结转”${match[2]}，${match[3]} 年“结转下年度继续办理”${match[4]}，${c.ok ? '相符' : `不符，相差 ${formatNumber(Math.abs(Number(match[2]) - Number(match[4])))}`}`
        : `${c.next.year} 年“上年结转”与 ${c.previous.year} 年“结转下年度继续办理”${c.ok ? '相符' : '不符'}`;
      return el('li', { class: c.ok ? 'passed' : 'failed', 'data-rule': c.rule },
        `${c.ok ? '✓' : '✗'} ${text}（`, el('a', { href: reportHref(other.id) }, `${other.year} 年报告`), '）');
    })));
}

/** The report's keywords (the words that set it apart from the archive), each a search. */
function keywords(report) {
  const list = report.keywords ?? [];
  if (!list.length) return null;
  return el('section', { class: 'keywords', 'data-testid': 'keywords' },
    el('h2', {}, '关键词'),
    el('p', {}, list.flatMap((k, i) => [i > 0 ? ' ' : null,
      el('a', { class: 'keyword', href: `/?${new URLSearchParams({ q: k.word })}`, title: `出现 ${k.count} 次` }, k.word)])));
}

/**
 * The text as text nodes with each highlighted range in a <mark> (ranges are UTF-16 offsets, as JavaScript indexes
 * strings); showSource(source, scroll) marks a figure's source span (a <mark class="figure-source">, the query's
 * marks inside it kept) and, when asked, scrolls the text to it.
 */
function fullText(text, ranges) {
  const element = el('pre', { class: 'fulltext', 'data-testid': 'fulltext' });
  const render = span => {
    const nodes = [];
    let container = null;
    const cuts = new Set([0, text.length, ...ranges.flatMap(r => [r.start, r.end])]);
    if (span) { cuts.add(span.start); cuts.add(span.end); }
    const points = [...cuts].filter(p => p >= 0 && p <= text.length).sort((a, b) => a - b);
    let firstMatch = true;
    for (let i = 0; i + 1 < points.length; i++) {
      const [from, to] = [points[i], points[i + 1]];
      if (span && from === span.start) {
        container = el('mark', { class: 'figure-source', 'data-testid': 'figure-source', id: 'figure-source' });
        nodes.push(container);
      }
      const inMatch = ranges.some(r => r.start <= from && to <= r.end);
      const piece = inMatch ? el('mark', { id: firstMatch ? 'first-match' : null }, text.slice(from, to)) : document.createTextNode(text.slice(from, to));
      if (inMatch) firstMatch = false;
      (container ?? { append: n => nodes.push(n) }).append(piece);
      if (span && to === span.end) container = null;
    }
    element.replaceChildren(...nodes);
  };
  render(null);
  return {
    element,
    showSource(source, scroll) {
      const start = Math.max(0, Math.min(source.start, text.length));
      render({ start, end: Math.min(text.length, start + Math.max(0, source.length)) });
      if (scroll) document.getElementById('figure-source')?.scrollIntoView({ block: 'center', behavior: 'smooth' });
    },
  };
}

load().catch(error => {
  clear(root, el('p', { class: 'error', role: 'alert' }, `出错了：${error.message}`));
  root.removeAttribute('aria-busy');
});
