// The statistics page: one figure or rate over the matching reports, per group, as bars and a table in the same
// order; the URL holds the figure, grouping, measure, order and every filter, so the page can be bookmarked.
import { FILTERS, FILTER_LABELS, GROUPING_LABELS, LEVEL_LABELS, CHECK_LABELS, readState, stateParams, el, clear, getJson, regionNamesByCode } from './common.js';

const SVG = 'http://www.w3.org/2000/svg';
const form = document.getElementById('stats-form');
const figureSelect = document.getElementById('figure');
const groupSelect = document.getElementById('groupBy');
const measureSelect = document.getElementById('measure');
const orderSelect = document.getElementById('order');
const qInput = document.getElementById('q');
const yearInput = document.getElementById('year');
const levelSelect = document.getElementById('level');
const chart = document.getElementById('chart');
const table = document.getElementById('table');
const TABLE_NAMES = { A: '表一 主动公开', B: '表三 申请情况', C: '表四 复议诉讼' };
const MEASURES = { sum: '合计', mean: '平均', min: '最小', max: '最大', reportsWithFigure: '有数据的报告数' };
const ORDERS = ['value', 'valueAsc', 'name', 'reports'];
const GROUPINGS = ['year', 'province', 'city', 'agencyType', 'level'];
const LEVELS = ['central', 'province', 'city', 'county', 'township'];
const DEFAULT_FIGURE = 'requests.new.total';
// what a chip calls each filter of the URL
// parameters the form sets; every other parameter of the URL (region, agency type, conditions…) is kept as it is
const FORM_PARAMS = ['groupBy', 'measure', 'order', 'q', 'year', 'level', 'page'];

function showError(container, error) {
  clear(container, el('p', { class: 'error', role: 'alert', 'data-testid': 'stats-error' }, `无法统计：${error.message}`));
}

const YEAR = /^(\d{4}|\d{4}\.\.\d{0,4}|\.\.\d{4})$/;

const isCondition = figure => /[<>=＜＞＝]/.test(figure);
const collator = new Intl.Collator('zh-CN');

let keyLabels = new Map();
let rates = [];
let shown = null; // what the chart shows, to draw it again at another width
let latest = 0; // the latest run: an earlier, slower answer never replaces its groups

async function init() {
  const [keys, rateList] = await Promise.all([getJson('/api/figures/keys'), getJson('/api/figures/rates')]);
  rates = rateList;
  for (const key of keys) {
    if (!keyLabels.has(key.key)) keyLabels.set(key.key, key.template === '2019' ? `${key.chineseLabel}（2019 年版）` : key.chineseLabel);
  }
  const rateGroup = el('optgroup', { label: '派生指标（比率）' }, rates.map(r => el('option', { value: r.key }, r.chineseLabel)));
  const tableGroups = ['A', 'B', 'C'].map(t => el('optgroup', { label: TABLE_NAMES[t] },
    [...new Set(keys.filter(k => k.table === t).map(k => k.key))].map(key => el('option', { value: key }, keyLabels.get(key)))));
  clear(figureSelect, rateGroup, ...tableGroups);
  clear(groupSelect, GROUPINGS.map(g => el('option', { value: g }, GROUPING_LABELS[g])));
  clear(levelSelect, el('option', { value: '' }, '全部'), LEVELS.map(l => el('option', { value: l }, LEVEL_LABELS[l] ?? l)));
  figureSelect.addEventListener('change', () => fillMeasures(isRate(figureSelect.value), measureSelect.value));
  form.addEventListener('submit', event => {
    event.preventDefault();
    const years = yearInput.value.split(/[\s,，、]+/).filter(Boolean);
    const bad = years.find(y => !YEAR.test(y.replace(/[０-９．]/g, c => String.fromCharCode(c.charCodeAt(0) - 0xFEE0))));
    yearInput.setCustomValidity(bad ? `“${bad}”不是年份：请写 2021，或 2019..2021 这样的范围` : '');
    if (bad) { yearInput.reportValidity(); return; }
    navigate(formParams());
  });
  yearInput.addEventListener('input', () => yearInput.setCustomValidity(''));
  for (const select of [measureSelect, orderSelect, groupSelect]) select.addEventListener('change', () => form.requestSubmit());
  window.addEventListener('popstate', run);
  let resizing;
  window.addEventListener('resize', () => {
    clearTimeout(resizing);
    resizing = setTimeout(() => { if (shown) renderChart(shown); }, 150);
  });
  await run();
}

const isRate = key => rates.some(r => r.key === key);

/** The measures a figure offers: a rate has no 合计 (a sum of ratios means nothing). */
function fillMeasures(rate, selected) {
  const names = Object.keys(MEASURES).filter(m => !(rate && m === 'sum'));
  clear(measureSelect, names.map(m => el('option', { value: m }, MEASURES[m])));
  measureSelect.value = names.includes(selected) ? selected : rate ? 'mean' : 'sum';
}

/** The URL the form asks for: its own fields, and every other parameter of the current URL kept. */
function formParams() {
  const current = new URLSearchParams(location.search);
  const params = new URLSearchParams();
  params.append('figure', figureSelect.value);
  for (const condition of current.getAll('figure').filter(isCondition)) params.append('figure', condition);
  params.set('groupBy', groupSelect.value);
  params.set('measure', measureSelect.value);
  params.set('order', orderSelect.value);
  if (qInput.value.trim()) params.set('q', qInput.value.trim());
  for (const year of yearInput.value.split(/[\s,，、]+/).filter(Boolean)) params.append('year', year);
  const levels = levelSelect.value === '*' ? current.getAll('level') : levelSelect.value ? [levelSelect.value] : [];
  for (const level of levels) params.append('level', level);
  for (const [name, value] of current) {
    if (name !== 'figure' && !FORM_PARAMS.includes(name)) params.append(name, value);
  }
  return params;
}

function navigate(params) {
  history.pushState(null, '', `/stats.html?${params}`);
  run();
}

/** What the URL asks for, each value checked (an unknown one falls back to the default). */
function readPage() {
  const params = new URLSearchParams(location.search);
  const statistic = params.getAll('figure').find(f => !isCondition(f)) ?? DEFAULT_FIGURE;
  const rate = rates.find(r => r.key === statistic) ?? null;
  const groupBy = GROUPINGS.includes(params.get('groupBy')) ? params.get('groupBy') : 'year';
  const askedMeasure = params.get('measure');
  const measure = askedMeasure in MEASURES && !(rate && askedMeasure === 'sum') ? askedMeasure : rate ? 'mean' : 'sum';
  const order = ORDERS.includes(params.get('order')) ? params.get('order') : 'value';
  const state = readState();
  // q and the filters as the API takes them: the statistic is not a filter, a figure condition is
  const filters = stateParams(state);
  filters.delete('figure');
  for (const condition of params.getAll('figure').filter(isCondition)) filters.append('figure', condition);
  for (const name of ['published', 'source']) {
    if (!FILTERS.includes(name)) for (const value of params.getAll(name)) filters.append(name, value);
  }
  return { params, statistic, rate, groupBy, measure, order, state, filters };
}

async function run() {
  const page = readPage();
  const { statistic, rate, groupBy, measure, order, state, filters } = page;
  figureSelect.value = statistic;
  groupSelect.value = groupBy;
  fillMeasures(!!rate, measure);
  orderSelect.value = order;
  qInput.value = state.q;
  yearInput.value = page.params.getAll('year').join(' ');
  const levels = page.params.getAll('level');
  levelSelect.querySelector('option[value="*"]')?.remove();
  if (levels.length > 1) levelSelect.append(el('option', { value: '*' }, levels.map(l => LEVEL_LABELS[l] ?? l).join('、')));
  levelSelect.value = levels.length > 1 ? '*' : levels[0] ?? '';

  document.getElementById('search-link').href = `/?${filters}`;
  for (const format of ['csv', 'xlsx', 'jsonl']) {
    document.getElementById(`export-${format}`).href = `/api/export?${new URLSearchParams([['format', format], ...filters])}`;
  }
  const title = `${figureLabel(statistic)}（${MEASURES[measure]}，按${GROUPING_LABELS[groupBy]}分组）`;
  clear(document.getElementById('chart-title'), title);
  clear(document.getElementById('formula'), rate
    ? `${rate.chineseLabel} = （${rate.numerator.map(figureLabel).join(' + ')}）÷（${rate.denominator.map(figureLabel).join(' + ')}），以百分数显示；`
      + '分母为 0 的报告不计入，单列“分母为 0”。平均为各报告比率的算术平均；比率不合计。'
    : '');
  const ticket = ++latest;
  renderFilters(page, ticket);
  try {
    const groups = await getJson('/api/stats', new URLSearchParams([['figure', statistic], ['groupBy', groupBy], ...filters]));
    if (ticket !== latest) return;
    const sorted = sortGroups(groups, order, measure, groupBy);
    shown = { groups: sorted, measure, groupBy, rate: !!rate, title };
    renderChart(shown);
    renderTable(shown);
  } catch (error) {
    if (ticket !== latest) return;
    shown = null;
    showError(chart, error);
    clear(table);
  }
}

function figureLabel(key) {
  return rates.find(r => r.key === key)?.chineseLabel ?? keyLabels.get(key) ?? key;
}

/** Chips for q and every filter of the URL, regions by their full names; × takes one away. */
async function renderFilters({ params, state }, ticket) {
  const box = document.getElementById('filters');
  const remove = (name, value) => {
    const next = new URLSearchParams(params);
    const kept = next.getAll(name).filter(v => v !== value);
    next.delete(name);
    for (const v of kept) next.append(name, v);
    navigate(next);
  };
  const chip = (name, value, label) => el('span', { class: 'chip', 'data-testid': 'filter-chip', 'data-filter': name }, label,
    el('button', { type: 'button', 'aria-label': `取消 ${label}`, onclick: () => remove(name, value) }, '×'));
  const regionCodes = params.getAll('region');
  const regionNames = regionCodes.length ? await regionFullNames(regionCodes).catch(() => new Map()) : new Map();
  if (ticket !== latest) return;
  const chips = [];
  if (state.q) chips.push(chip('q', state.q, `检索词：${state.q}`));
  for (const name of Object.keys(FILTER_LABELS)) {
    for (const value of params.getAll(name)) {
      if (name === 'figure' && !isCondition(value)) continue;
      chips.push(chip(name, value, `${FILTER_LABELS[name]}：${filterValue(name, value, regionNames)}`));
    }
  }
  clear(box, el('span', { class: 'chips-label' }, chips.length ? '筛选条件：' : '筛选条件：全部报告'), ...chips);
}

function filterValue(name, value, regionNames) {
  switch (name) {
    case 'level': return LEVEL_LABELS[value] ?? value;
    case 'checks': return CHECK_LABELS[value] ?? value;
    case 'region': return regionNames.get(value) ?? value;
    case 'year': return value.replace('..', '至');
    case 'figure': {
      const match = /^([^<>=＜＞＝]+)\s*([<>＜＞]=?|[=＝])\s*(.+)$/.exec(value);
      return match ? `${figureLabel(match[1].trim())} ${match[2]} ${match[3]}` : value;
    }
    default: return value;
  }
}

/** Full names (江苏省徐州市鼓楼区) of region codes, from the region tree (a selected division is always in it). */
async function regionFullNames(codes) {
  return regionNamesByCode(await getJson('/api/regions', new URLSearchParams(codes.map(c => ['region', c]))));
}

const groupName = (group, groupBy) => group === null ? '（未知）' : groupBy === 'level' ? (LEVEL_LABELS[group] ?? group) : groupBy === 'year' ? `${group} 年` : group;

const measureValue = (group, measure) => group[measure] === null || group[measure] === undefined ? null : Number(group[measure]);

/** By the measure (descending or ascending), by name (years in order, names as a dictionary orders them) or by report count; groups without a value and the unknown group last. */
function sortGroups(groups, order, measure, groupBy) {
  const byName = (a, b) => groupBy === 'year' ? Number(a.group) - Number(b.group) : collator.compare(a.group, b.group);
  const compare = {
    value: (a, b) => measureValue(b, measure) - measureValue(a, measure),
    valueAsc: (a, b) => measureValue(a, measure) - measureValue(b, measure),
    name: byName,
    reports: (a, b) => b.reports - a.reports,
  }[order];
  const last = g => g.group === null ? 2 : (order === 'value' || order === 'valueAsc') && measureValue(g, measure) === null ? 1 : 0;
  return [...groups].sort((a, b) => last(a) - last(b) || (last(a) === 0 ? compare(a, b) : 0) || byNameOrNull(a, b, byName));
}

const byNameOrNull = (a, b, byName) => a.group === null || b.group === null ? (a.group === null) - (b.group === null) : byName(a, b);

/** A rate as a percentage with one decimal (52.5%); a count as a whole number, a mean with up to two decimals. */
function formatValue(value, rate, measure) {
  if (value === null || value === undefined) return '—';
  const number = Number(value);
  if (rate && measure !== 'reportsWithFigure') {
    // ratios come with 6 decimals: rounded in whole millionths first, so 0.12345 is 12.3% and 0.1235 is 12.4%, as decimal arithmetic gives
    const tenths = Math.round(Math.round(number * 1e6) / 1000);
    return `${(tenths / 10).toFixed(1)}%`;
  }
  return number.toLocaleString('zh-CN', { maximumFractionDigits: 2 });
}

/** Horizontal bars, one per group in the table's order, as wide as the page allows; groups without a value get no bar. */
function renderChart({ groups, measure, groupBy, rate, title }) {
  if (groups.length === 0) { clear(chart, el('p', { class: 'empty' }, '没有匹配的报告。')); return; }
  const width = Math.round(Math.max(300, Math.min(760, chart.clientWidth || 760)));
  const narrow = width < 520;
  const labelWidth = narrow ? 104 : 170, valueWidth = narrow ? 62 : 90, barHeight = 22, gap = 8;
  const values = groups.map(g => measureValue(g, measure));
  const max = Math.max(0, ...values.filter(v => v !== null));
  const min = Math.min(0, ...values.filter(v => v !== null));
  const span = max - min || 1;
  const plot = width - labelWidth - valueWidth;
  const zero = labelWidth + (-min / span) * plot;
  const height = groups.length * (barHeight + gap);
  const svg = document.createElementNS(SVG, 'svg');
  svg.setAttribute('class', 'chart');
  svg.setAttribute('viewBox', `0 0 ${width} ${height}`);
  svg.setAttribute('width', String(width));
  svg.setAttribute('height', String(height));
  svg.setAttribute('role', 'img');
  svg.setAttribute('aria-label', title);
  groups.forEach((group, i) => {
    const y = i * (barHeight + gap);
    const name = groupName(group.group, groupBy);
    const label = svgText(labelWidth - 8, y + barHeight * 0.7, narrow && name.length > 7 ? `${name.slice(0, 6)}…` : name, 'end');
    label.append(svgTitle(name));
    svg.append(label);
    const value = values[i];
    const shownValue = formatValue(value, rate, measure);
    if (value !== null) {
      const bar = document.createElementNS(SVG, 'rect');
      bar.setAttribute('class', 'bar');
      bar.setAttribute('x', String(zero + Math.min(0, value) / span * plot));
      bar.setAttribute('y', String(y));
      bar.setAttribute('width', String(Math.max(value === 0 ? 0 : 1, Math.abs(value) / span * plot)));
      bar.setAttribute('height', String(barHeight));
      bar.setAttribute('data-group', group.group ?? '');
      bar.setAttribute('data-value', String(value));
      bar.append(svgTitle(`${name}：${shownValue}`));
      svg.append(bar);
    }
    svg.append(svgText(zero + Math.max(0, value ?? 0) / span * plot + 6, y + barHeight * 0.7, shownValue));
  });
  clear(chart, svg);
}

function svgText(x, y, content, anchor = 'start') {
  const text = document.createElementNS(SVG, 'text');
  text.setAttribute('x', String(x));
  text.setAttribute('y', String(y));
  text.setAttribute('text-anchor', anchor);
  text.textContent = content;
  return text;
}

function svgTitle(content) {
  const title = document.createElementNS(SVG, 'title');
  title.textContent = content;
  return title;
}

/** The table, in the chart's order: counts, then 合计 for a figure only (never for a rate), mean, min and max. */
function renderTable({ groups, groupBy, rate, measure }) {
  const columns = [
    { header: GROUPING_LABELS[groupBy], cell: g => g.label ?? groupName(g.group, groupBy) },
    { header: '报告数', cell: g => formatValue(g.reports, false) },
    { header: '有数据的报告数', cell: g => formatValue(g.reportsWithFigure, false) },
    rate ? { header: '分母为 0', cell: g => formatValue(g.zeroDenominator, false) } : null,
    rate ? null : { header: '合计', cell: g => formatValue(g.sum, false) },
    { header: '平均', cell: g => formatValue(g.mean, rate) },
    { header: '最小', cell: g => formatValue(g.min, rate) },
    { header: '最大', cell: g => formatValue(g.max, rate) },
  ].filter(Boolean);
  const highlighted = MEASURES[measure];
  const row = (g, attributes) => el('tr', attributes, columns.map(c => el('td', { class: c.header === highlighted ? 'measure' : null }, c.cell(g))));
  clear(table, el('table', { class: 'stats-table', 'data-testid': 'stats-table' },
    el('thead', {}, el('tr', {}, columns.map(c => el('th', { scope: 'col', class: c.header === highlighted ? 'measure' : null }, c.header)))),
    el('tbody', {}, groups.map(g => row(g, { 'data-group': g.group ?? '' }))),
    totalsMeanSomething(groupBy, rate) && groups.length > 1 ? el('tfoot', {}, row(totals(groups), { class: 'total', 'data-testid': 'stats-total' })) : null));
}

/**
 * A 合计 row only where adding the groups up means something: counts (never a rate, whose sum means nothing), over
 * groups that split the reports (not agency types, where a report counts in each of its types).
 */
const totalsMeanSomething = (groupBy, rate) => !rate && groupBy !== 'agencyType';

function totals(groups) {
  const add = name => groups.reduce((sum, g) => sum + Number(g[name] ?? 0), 0);
  const withValue = groups.filter(g => g.reportsWithFigure > 0);
  const sum = withValue.length ? add('sum') : null;
  const reportsWithFigure = add('reportsWithFigure');
  return {
    label: '合计', group: null, reports: add('reports'), reportsWithFigure, zeroDenominator: add('zeroDenominator'), sum,
    mean: sum === null ? null : sum / reportsWithFigure,
    min: withValue.length ? Math.min(...withValue.map(g => Number(g.min))) : null,
    max: withValue.length ? Math.max(...withValue.map(g => Number(g.max))) : null,
  };
}

/** The table on screen as CSV (UTF-8 with a BOM for Excel): its header and rows, each cell as shown. */
function tableCsv() {
  const quote = text => {
    const safe = /^[=+@]/.test(text) ? `'${text}` : text;
    return /[",\r\n]|^\s|\s$/.test(safe) ? `"${safe.replaceAll('"', '""')}"` : safe;
  };
  const rows = [...table.querySelectorAll('tr')].map(tr => [...tr.children].map(cell => quote(cell.textContent)).join(','));
  return '\uFEFF' + rows.join('\r\n') + '\r\n';
}

function tableFileName() {
  const { statistic, groupBy, state, params } = readPage();
  const parts = ['统计', figureLabel(statistic), `按${GROUPING_LABELS[groupBy]}`, state.q, ...params.getAll('year').map(y => y.replace('..', '至'))];
  const name = parts.filter(Boolean).join('-').replace(/[\\/:*?"<>|'\s×]+/g, '_').replace(/_+/g, '_').slice(0, 80);
  return `${name}.csv`;
}

document.getElementById('table-csv').addEventListener('click', () => {
  if (!table.querySelector('table')) return;
  const url = URL.createObjectURL(new Blob([tableCsv()], { type: 'text/csv;charset=utf-8' }));
  const link = el('a', { href: url, download: tableFileName(), hidden: true });
  document.body.append(link);
  link.click();
  link.remove();
  setTimeout(() => URL.revokeObjectURL(url), 10_000);
});

init().catch(error => showError(chart, error));
