import { el, clear, formatNumber } from './common.js';

/**
 * One agency over the years (GET /api/agencies/years): the key figures year by year with the change from the report
 * before, the cross-year checks, and each part's sentences marked against the report before (沿用 / 改写 / 新增).
 */
const root = document.getElementById('agency');
const params = new URLSearchParams(location.search);
const agency = params.get('agency') ?? '';
const regionCode = params.get('regionCode') ?? '';

const STATUS_LABELS = { copied: '沿用', similar: '改写', new: '新增', first: '首年' };
const CARRIED_OVER = 'requests.carriedOver.total';
const CARRIED_FORWARD = 'requests.carriedForward.total';

async function load() {
  if (!agency.trim()) throw new Error('地址中缺少机关名称（agency.html?agency=…）。');
  const query = new URLSearchParams({ agency });
  if (regionCode) query.set('regionCode', regionCode);
  const response = await fetch(`/api/agencies/years?${query}`, { headers: { Accept: 'application/json' } });
  const body = await response.json().catch(() => null);
  if (response.status === 404) throw new Error(`没有找到“${agency}”标明年份的报告。`);
  if (response.status === 400 && body?.errors?.regionCode) throw new Error(`“${agency}”的报告分属多个行政区划代码，请在地址中加上行政区划代码（regionCode）。`);
  if (!response.ok) throw new Error(`读取失败（状态 ${response.status}）。`);
  render(body);
}

function render(data) {
  const years = data.years;
  nameYears(years);
  const span = years.length > 1 ? `${years[0].year}—${years[years.length - 1].year}年` : `${years[0].year}年`;
  document.title = `${data.agency} 历年对比 — 政府信息公开年度报告检索`;
  clear(root,
    el('h1', {}, `${data.agency}：历年报告对比`),
    el('p', { class: 'summary', 'data-testid': 'agency-summary' },
      `共 ${years.length} 份报告（${span}）`, data.regionCode ? `，行政区划代码 ${data.regionCode}` : null, '。'),
    el('h2', {}, '主要数据'),
    figureTable(data),
    el('h2', {}, '跨年度校验'),
    crossYearChecks(data),
    el('h2', {}, '各部分文字对比'),
    el('p', { class: 'legend' }, '与上一年报告逐句比较：',
      el('span', { class: 'sentence new' }, '新增'), ' ',
      el('span', { class: 'sentence similar' }, '改写（仅数字或个别字词不同）'), ' ',
      el('span', { class: 'sentence copied' }, '沿用（字句相同）')),
    ...partSections(years));
  root.removeAttribute('aria-busy');
}

/** Several reports of one year are told apart: 2023年（第2份）. */
let yearNames = new Map();

function nameYears(years) {
  const seen = new Map();
  yearNames = new Map(years.map(y => {
    const count = years.filter(o => o.year === y.year).length;
    const nth = (seen.get(y.year) ?? 0) + 1;
    seen.set(y.year, nth);
    return [y.id, count > 1 ? `${y.year}年（第${nth}份）` : `${y.year}年`];
  }));
}

function yearLink(year) {
  return el('a', { href: `/report.html?id=${year.id}`, 'data-testid': 'year-link' }, yearNames.get(year.id) ?? `${year.year}年`);
}

function figureTable(data) {
  const head = el('tr', {}, el('th', { scope: 'col' }, '指标'), ...data.years.map(y => el('th', { scope: 'col' }, yearLink(y))));
  const rows = data.figureLabels.map(({ key, label }) => el('tr', { 'data-key': key },
    el('th', { scope: 'row' }, label.replace(' × ', ' · ')),
    ...data.years.map(y => el('td', {}, formatNumber(y.figures[key]), change(y, key)))));
  return el('div', { class: 'table-scroll' }, el('table', { class: 'by-year', 'data-testid': 'figure-table' }, el('thead', {}, head), el('tbody', {}, ...rows)));
}

function change(year, key) {
  if (!year.comparedWith) return null;
  const delta = year.changes[key];
  if (delta === null || delta === undefined) return null;
  const text = delta > 0 ? `+${formatNumber(delta)}` : delta < 0 ? `−${formatNumber(-delta)}` : '持平';
  return el('span', { class: `change ${delta > 0 ? 'up' : delta < 0 ? 'down' : 'same'}`, 'data-testid': 'change', title: `较${year.comparedWith.year}年` }, text);
}

function crossYearChecks(data) {
  if (!data.crossYearChecks.length) return el('p', { class: 'empty', 'data-testid': 'cross-year-none' }, '没有可以核对的相邻两年（需两年都列出结转数）。');
  const byId = new Map(data.years.map(y => [y.id, y]));
  return el('ul', { class: 'cross-year' }, ...data.crossYearChecks.map(check => {
    const next = byId.get(check.next.id);
    const previous = byId.get(check.previous.id);
    const over = next?.figures[CARRIED_OVER];
    const forward = previous?.figures[CARRIED_FORWARD];
    const verdict = check.ok ? '一致' : `不一致（相差 ${formatNumber(Math.abs(over - forward))}）`;
    return el('li', { class: check.ok ? 'ok' : 'failed', 'data-testid': 'cross-year-check' },
      check.ok ? '✓ ' : '✗ ',
      `${check.next.year}年“上年结转”${formatNumber(over)} 件，${check.previous.year}年“结转下年度继续办理”${formatNumber(forward)} 件：${verdict}`);
  }));
}

function partSections(years) {
  return years[0].parts.map((part, p) => el('section', { class: 'part', 'data-testid': 'part' },
    el('h3', {}, `${part.number}、${part.heading}`),
    el('div', { class: 'part-years' }, ...years.map(year => partColumn(year, year.parts[p])))));
}

function partColumn(year, part) {
  const summary = !part.found
    ? '未找到这一部分的标题。'
    : !year.comparedWith
      ? `共 ${part.sentences.length} 句（最早一年，无可比较）。`
      : `与${yearNames.get(year.comparedWith.id) ?? `${year.comparedWith.year}年`}相比：新增 ${part.new} 句，改写 ${part.similar} 句，沿用 ${part.copied} 句，删去 ${part.dropped} 句。`;
  return el('div', { class: 'part-year', 'data-year': year.year },
    el('h4', {}, yearLink(year)),
    el('p', { class: 'part-summary', 'data-testid': 'part-summary' }, summary),
    part.sentences.length
      ? el('p', { class: 'sentences' }, ...part.sentences.map(s => el('span', { class: `sentence ${s.status}`, title: STATUS_LABELS[s.status] }, s.text)))
      : null);
}

load().catch(error => {
  clear(root, el('p', { class: 'error', role: 'alert' }, `出错了：${error.message}`));
  root.removeAttribute('aria-busy');
});
