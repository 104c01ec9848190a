import { FILTERS, GROUPING_LABELS, LEVEL_LABELS, CHECK_LABELS, readState, stateParams, getJson, el, clear, formatNumber, showError } from './common.js';

const SVG = 'http://www.w3.org/2000/svg';
const form = document.getElementById('stats-form');
const figureSelect = document.getElementById('figure');
const groupSelect = document.getElementById('groupBy');
const measureSelect = document.getElementById('measure');
const qInput = document.getElementById('q');
const chart = document.getElementById('chart');
const table = document.getElementById('table');
const TABLE_NAMES = { A: '表一 主动公开', B: '表三 申请情况', C: '表四 复议诉讼' };
const MEASURE_LABELS = { sum: '合计', mean: '平均', min: '最小', max: '最大', reportsWithFigure: '有数据的报告数' };

let rates = [];

async function init() {
  const [keys, rateList] = await Promise.all([getJson('/api/figures/keys'), getJson('/api/figures/rates')]);
  rates = rateList;
  const rateGroup = el('optgroup', { label: '派生指标' }, rates.map(r => el('option', { value: r.key }, `${r.chineseLabel}（${r.key}）`)));
  const seen = new Set();
  const tableGroups = ['A', 'B', 'C'].map(t => el('optgroup', { label: TABLE_NAMES[t] },
    keys.filter(k => k.table === t && !seen.has(k.key) && seen.add(k.key))
      .map(k => el('option', { value: k.key }, `${k.chineseLabel}${k.template === '2019' ? '（2019 年版）' : ''}`))));
  clear(figureSelect, rateGroup, ...tableGroups);
  clear(groupSelect, ...['year', 'province', 'city', 'agencyType', 'level'].map(g => el('option', { value: g }, GROUPING_LABELS[g])));
  form.addEventListener('submit', event => {
    event.preventDefault();
    const params = new URLSearchParams(location.search);
    params.set('figure', figureSelect.value);
    params.set('groupBy', groupSelect.value);
    params.set('measure', measureSelect.value);
    if (qInput.value.trim()) params.set('q', qInput.value.trim()); else params.delete('q');
    history.pushState(null, '', `/stats.html?${params}`);
    run();
  });
  measureSelect.addEventListener('change', () => form.requestSubmit());
  window.addEventListener('popstate', run);
  await run();
}

async function run() {
  const params = new URLSearchParams(location.search);
  const state = readState();
  const figure = params.get('figure') ?? 'requests.new.total';
  const groupBy = params.get('groupBy') ?? 'year';
  const rate = rates.find(r => r.key === figure);
  const measure = params.get('measure') ?? (rate ? 'mean' : 'sum');
  figureSelect.value = figure;
  groupSelect.value = groupBy;
  measureSelect.value = measure;
  qInput.value = state.q;
  const filterParams = stateParams(state);
  document.getElementById('search-link').href = `/?${filterParams}`;
  document.getElementById('export-csv').href = `/api/export?${new URLSearchParams([['format', 'csv'], ...filterParams])}`;
  document.getElementById('export-jsonl').href = `/api/export?${new URLSearchParams([['format', 'jsonl'], ...filterParams])}`;
  clear(document.getElementById('filters'), state.q ? el('span', {}, `检索词：${state.q}`) : null,
    FILTERS.flatMap(name => state.filters[name].map(v => el('span', {}, `${name}：${LEVEL_LABELS[v] ?? CHECK_LABELS[v] ?? v}`))));
  clear(document.getElementById('formula'), rate
    ? `${rate.chineseLabel} = ${rate.formula}；分母为 0 的报告不计入，单列“分母为 0”。平均值为各报告比率的算术平均。`
    : '');
  const apiParams = new URLSearchParams([['figure', figure], ['groupBy', groupBy], ...filterParams]);
  try {
    const groups = await getJson('/api/stats', apiParams);
    renderChart(groups, measure, groupBy);
    renderTable(groups, groupBy, !!rate);
  } catch (error) {
    showError(chart, error);
    clear(table);
  }
}

const groupName = (group, groupBy) => group === null ? '（未知）' : groupBy === 'level' ? (LEVEL_LABELS[group] ?? group) : group;

/** A horizontal bar chart: one bar per group, its length the chosen measure; groups without a value get no bar. */
function renderChart(groups, measure, groupBy) {
  if (groups.length === 0) { clear(chart, el('p', { class: 'empty' }, '没有匹配的报告。')); return; }
  const width = 760, labelWidth = 170, valueWidth = 90, barHeight = 22, gap = 8, top = 24;
  const values = groups.map(g => g[measure] === null ? null : Number(g[measure]));
  const max = Math.max(0, ...values.filter(v => v !== null));
  const min = Math.min(0, ...values.filter(v => v !== null));
  const span = max - min || 1;
  const plot = width - labelWidth - valueWidth;
  const zero = labelWidth + (-min / span) * plot;
  const height = top + groups.length * (barHeight + gap);
  const svg = document.createElementNS(SVG, 'svg');
  svg.setAttribute('class', 'chart');
  svg.setAttribute('viewBox', `0 0 ${width} ${height}`);
  svg.setAttribute('width', String(width));
  svg.setAttribute('height', String(height));
  svg.setAttribute('role', 'img');
  svg.setAttribute('aria-label', `${MEASURE_LABELS[measure]}，按${GROUPING_LABELS[groupBy]}分组`);
  svg.append(svgText(labelWidth, 14, `${MEASURE_LABELS[measure]}（按${GROUPING_LABELS[groupBy]}）`));
  groups.forEach((group, i) => {
    const y = top + i * (barHeight + gap);
    svg.append(svgText(labelWidth - 8, y + barHeight * 0.7, groupName(group.group, groupBy), 'end'));
    const value = values[i];
    if (value !== null) {
      const x1 = zero + Math.min(0, value) / span * plot;
      const bar = document.createElementNS(SVG, 'rect');
      bar.setAttribute('class', 'bar');
      bar.setAttribute('x', String(x1));
      bar.setAttribute('y', String(y));
      bar.setAttribute('width', String(Math.max(value === 0 ? 0 : 1, Math.abs(value) / span * plot)));
      bar.setAttribute('height', String(barHeight));
      bar.setAttribute('data-group', group.group ?? '');
      bar.append(Object.assign(document.createElementNS(SVG, 'title'), { textContent: `${groupName(group.group, groupBy)}：${formatNumber(value)}` }));
      svg.append(bar);
    }
    svg.append(svgText(zero + Math.max(0, value ?? 0) / span * plot + 6, y + barHeight * 0.7, formatNumber(value)));
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

function renderTable(groups, groupBy, isRate) {
  const headers = [GROUPING_LABELS[groupBy], '报告数', '有数据', ...(isRate ? ['分母为 0'] : []), '合计', '平均', '最小', '最大'];
  clear(table, el('table', { class: 'stats-table', 'data-testid': 'stats-table' },
    el('thead', {}, el('tr', {}, headers.map(h => el('th', {}, h)))),
    el('tbody', {}, groups.map(g => el('tr', {},
      el('td', {}, groupName(g.group, groupBy)), el('td', {}, String(g.reports)), el('td', {}, String(g.reportsWithFigure)),
      isRate ? el('td', {}, String(g.zeroDenominator)) : null,
      [g.sum, g.mean, g.min, g.max].map(v => el('td', {}, formatNumber(v))))))));
}

init().catch(error => showError(chart, error));
