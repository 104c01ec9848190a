import { LEVEL_LABELS, getJson, el, clear, formatNumber, showError } from './common.js';
import { cellsOfCheck } from './checkcells.js';

const root = document.getElementById('report');
const params = new URLSearchParams(location.search);
const id = params.get('id');
const q = params.get('q') ?? '';
const TABLE_TITLES = { A: '一、主动公开政府信息情况', B: '三、收到和处理政府信息公开申请情况', C: '四、政府信息公开行政复议、行政诉讼情况' };

if (q) document.getElementById('back-link').href = `/?${new URLSearchParams({ q })}`;

async function load() {
  if (!id || !/^\d+$/.test(id)) throw new Error('地址中缺少报告编号（report.html?id=…）');
  const [report, keys, highlights] = await Promise.all([
    getJson(`/api/reports/${id}`),
    getJson('/api/figures/keys'),
    q ? getJson(`/api/reports/${id}/highlights`, new URLSearchParams({ q })) : Promise.resolve({ ranges: [] }),
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
    el('h2', {}, '表格数据'),
    templateKeys.length ? figures(report, templateKeys, text) : el('p', { class: 'empty' }, '未识别出模板表格。'),
    checks(report),
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
    ['SHA-256', report.sha256],
    ['导入时间', new Date(report.importedAt).toLocaleString('zh-CN')],
    ['提示', report.warnings.join('；') || null],
  ];
  const items = rows.filter(([, v]) => v !== null && v !== undefined && v !== '')
    .flatMap(([k, v]) => [el('dt', {}, k), el('dd', {}, String(v))]);
  return el('dl', { class: 'metadata' }, ...items, ...otherYears(report));
}

/** The same agency's reports of other years (same name and region code), each a link; this one in bold. */
function otherYears(report) {
  const years = report.years ?? [];
  if (years.length < 2) return [];
  const links = years.flatMap((y, i) => [
    i > 0 ? '、' : null,
    String(y.id) === id
      ? el('strong', {}, String(y.year))
      : el('a', { href: `/report.html?${new URLSearchParams(q ? { id: y.id, q } : { id: y.id })}`, 'data-testid': 'other-year' }, String(y.year)),
  ]);
  return [el('dt', {}, '历年报告'), el('dd', {}, ...links, '　', el('a', { href: `/agency.html?${new URLSearchParams(report.region?.code ? { agency: report.agency, regionCode: report.region.code } : { agency: report.agency })}`, 'data-testid': 'agency-years' }, '历年对比'))];
}

function permalink() {
  const link = new URL(`/report.html?id=${encodeURIComponent(id)}`, location.origin);
  if (q) link.searchParams.set('q', q);
  const field = el('input', { type: 'text', readonly: true, value: link.href, 'aria-label': '永久链接', 'data-testid': 'permalink' });
  return el('p', { class: 'permalink' }, '永久链接：', field, ' ',
    el('button', { type: 'button', onclick: () => { field.select(); navigator.clipboard?.writeText(link.href); } }, '复制'));
}

/** The template's tables; consecutive rows with the same columns share one header, as the template prints them. */
function figures(report, templateKeys, text) {
  const sources = report.figureSources ?? {};
  const failedCells = new Map();
  const keySet = new Set(templateKeys.map(k => k.key));
  for (const check of report.checks.filter(c => !c.ok)) {
    for (const key of cellsOfCheck(check.rule, keySet)) {
      failedCells.set(key, [...(failedCells.get(key) ?? []), `${check.rule}: ${check.detail}`]);
    }
  }
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
    sections.push(el('h3', {}, `${table}. ${TABLE_TITLES[table]}`),
      ...blocks.map(block => el('table', { class: 'figure-table', 'data-table': table },
        el('thead', {}, el('tr', {}, el('th', {}, ''), block.rows[0].cells.map(c => el('th', { scope: 'col' }, c.column)))),
        el('tbody', {}, block.rows.map(row => el('tr', {}, el('th', { scope: 'row' }, row.label),
          row.cells.map(cell => {
            const value = report.figures[cell.key];
            const failures = failedCells.get(cell.key);
            const classes = [value === null || value === undefined ? 'empty' : null, failures ? 'check-failed' : null].filter(Boolean).join(' ');
            const source = value === null || value === undefined ? null : sources[cell.key];
            const td = el('td', { 'data-key': cell.key, class: [classes, source ? `has-source source-${source.kind}` : null].filter(Boolean).join(' ') || null,
              tabindex: source ? 0 : null,
              title: [cell.label, cell.key, source ? sourceLabel(source) : null, ...(failures ?? []).map(f => `未通过：${f}`)].filter(Boolean).join('\n') },
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
    : `来源：表${source.table ?? ''} ${source.row ?? ''} × ${source.column ?? ''}`;
}

function checks(report) {
  if (!report.checks.length) return null;
  return el('details', { class: 'checks', open: report.checks.some(c => !c.ok) },
    el('summary', {}, '校验（勾稽关系与正文核对）'),
    el('ul', {}, report.checks.map(c => el('li', { class: c.ok ? 'passed' : 'failed', 'data-rule': c.rule },
      `${c.ok ? '✓' : '✗'} ${c.rule}：${c.detail}`))));
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

load().catch(error => { showError(root, error); root.removeAttribute('aria-busy'); });
