import { FILTERS, FILTER_LABELS, LEVEL_LABELS, CHECK_LABELS, el, clear, getJson, regionNamesByCode } from './common.js';

const form = document.getElementById('search-form');
const input = document.getElementById('q');
const results = document.getElementById('results');
const summary = document.getElementById('summary');
const notes = document.getElementById('query-notes');
const activeFilters = document.getElementById('active-filters');
const pager = document.getElementById('pager');
const facets = document.getElementById('facets');
const statsLink = document.getElementById('stats-link');
const exportLink = document.getElementById('export-link');
const sortSelect = document.getElementById('sort');
const facetJump = document.getElementById('facet-jump');
const PAGE_SIZE = 20;
const SORTS = ['relevance', '-year', 'year', 'id'];
/** Lists longer than this show their first values and a 更多 button. */
const FACET_LIMIT = 10;

// Every filter of the search API the page keeps in its URL: the facets' (common.js) and those set by a link or the
// figure condition builder — figure (review.total>0), published (2024-01..2024-03) and source (a site).
const URL_FILTERS = [...FILTERS, 'figure', 'published', 'source'];
const OPERATORS = [['>', '＞'], ['>=', '≥'], ['=', '＝'], ['<=', '≤'], ['<', '＜']];

/** The search state of a URL: q, every filter (name → values), the sort ('' for the server's default) and the page. */
function readSearchState(search = location.search) {
  const params = new URLSearchParams(search);
  const filters = Object.fromEntries(URL_FILTERS.map(name => [name, params.getAll(name).filter(v => v !== '')]));
  const page = Number.parseInt(params.get('page') ?? '1', 10);
  const sort = params.get('sort') ?? '';
  return { q: params.get('q') ?? '', filters, page: Number.isFinite(page) && page > 0 ? page : 1, sort: SORTS.includes(sort) ? sort : '' };
}

/** q and the filters as query parameters (what statistics and exports take too). */
function filterParams(s) {
  const params = new URLSearchParams();
  if (s.q) params.set('q', s.q);
  for (const name of URL_FILTERS) for (const value of s.filters[name] ?? []) params.append(name, value);
  return params;
}

/** The page's URL parameters: q, the filters, the sort when one was chosen, and the page after the first. */
function searchParams(s) {
  const params = filterParams(s);
  if (s.sort) params.set('sort', s.sort);
  if (s.page > 1) params.set('page', String(s.page));
  return params;
}

const searchUrl = s => { const params = searchParams(s); return params.toString() ? `/?${params}` : '/'; };
const hasAnyFilter = s => URL_FILTERS.some(name => (s.filters[name] ?? []).length > 0);
const noFilters = () => Object.fromEntries(URL_FILTERS.map(name => [name, []]));

let state = readSearchState();
// What the page remembers between its searches (not in the URL): the facet values seen, the tree nodes the reader
// opened or closed, the lists shown in full, and the text of the region filter box.
const knownYears = new Set();
const openedNodes = new Set();
const closedNodes = new Set();
const fullLists = new Set();
let regionFilter = '';
let lastFacets = null;
let lastRegionNames = new Map();
let figureLabels = null;
let archiveRegionNames = null; // code → full name of every region the archive has (GET /api/regions), for chips of a link

sortSelect.addEventListener('change', () => navigate({ ...state, sort: sortSelect.value, page: 1 }));
form.addEventListener('submit', event => {
  event.preventDefault();
  navigate({ ...state, q: input.value.trim(), page: 1 });
});
window.addEventListener('popstate', () => { state = readSearchState(); run(); });
facetJump.addEventListener('click', () => facets.scrollIntoView({ block: 'start' }));
for (const example of document.querySelectorAll('[data-example]')) {
  example.addEventListener('click', event => {
    event.preventDefault();
    document.getElementById('query-help').hidePopover?.();
    navigate({ ...state, q: example.dataset.example, page: 1 });
  });
}

function navigate(next, { replace = false } = {}) {
  state = next;
  if (replace) history.replaceState(null, '', searchUrl(state));
  else history.pushState(null, '', searchUrl(state));
  run();
}

function toggleFilter(name, value, checked) {
  const values = new Set(state.filters[name]);
  if (checked) values.add(value); else values.delete(value);
  navigate({ ...state, filters: { ...state.filters, [name]: [...values] }, page: 1 });
}

function removeFilter(s, name, value) {
  return { ...s, filters: { ...s.filters, [name]: s.filters[name].filter(v => v !== value) }, page: 1 };
}

/** GET /api/search; a problem+json answer throws an Error carrying the body (common.js's getJson). */
const search = params => getJson('/api/search', params);

/** A problem in Chinese: the API's own Chinese message; a status alone (a proxy's answer) or no answer at all said here. */
function problemMessage(error) {
  const problem = error.problem;
  if (problem?.messageZh) return problem.messageZh; // every problem the server writes has it, parameters named in Chinese
  if (error.status === 503 || error.status === 504) return '检索超时或服务暂时不可用，请稍后再试，或缩小检索范围。';
  if (error.status) return `检索出错（HTTP ${error.status}），请稍后再试。`;
  return '无法连接服务器，请检查网络后重试。';
}

// Each run() numbers its search; an answer that arrives after a newer search has started is dropped, so a slow
// earlier answer never replaces the results of the latest query.
let latestRun = 0;

async function run() {
  const thisRun = ++latestRun;
  input.value = state.q;
  const filters = filterParams(state);
  // the statistics page reads figure= as the figure it charts: a condition (review.total>0) is not passed to it
  const statsFilters = new URLSearchParams([...filters].filter(([name]) => name !== 'figure'));
  statsLink.href = `/stats.html${statsFilters.toString() ? '?' + statsFilters : ''}`;
  exportLink.href = `/api/export?${new URLSearchParams([['format', 'csv'], ...filters])}`;
  document.title = !state.q && !hasAnyFilter(state) ? '政府信息公开年度报告检索' : `${state.q || '浏览'} — 政府信息公开年度报告检索`;
  const params = searchParams(state);
  params.set('pageSize', String(PAGE_SIZE));
  document.body.classList.add('loading');
  try {
    const [result] = await Promise.all([search(params), loadFigureLabels(), loadRegionNames(), loadArchiveYears()]);
    if (thisRun !== latestRun) return;
    const pages = Math.max(1, Math.ceil(result.total / result.pageSize));
    if (result.total > 0 && result.hits.length === 0 && state.page > pages) {
      navigate({ ...state, page: pages }, { replace: true }); // ?page=101 of 100: the last page
      return;
    }
    sortSelect.querySelector('option[value=relevance]').disabled = !state.q; // browsing has nothing to rank by
    sortSelect.value = result.sort; // the order the page is in, the default one too
    lastFacets = result.facets;
    renderFacets();
    renderSummary(result);
    renderNotes(result.query);
    renderActiveFilters();
    renderHits(result);
    renderPager(result);
  } catch (error) {
    if (thisRun !== latestRun) return;
    clear(results, el('p', { class: 'error', role: 'alert' }, `出错了：${problemMessage(error)}`));
    clear(summary);
    clear(notes);
    clear(pager);
    renderActiveFilters();
  } finally {
    if (thisRun === latestRun) document.body.classList.remove('loading');
  }
}

function renderSummary(result) {
  const what = state.q ? `“${state.q}”` : '全部报告';
  clear(summary, `${what}：共 ${result.total} 份报告（${result.tookMs} 毫秒）`);
}

/** What was searched besides what was typed (synonyms), and excluded terms that leave next to nothing. */
function renderNotes(query) {
  const lines = [];
  const also = [...new Set((query?.alsoSearched ?? []).map(t => t.text))];
  if (also.length) lines.push(el('p', { class: 'note', 'data-testid': 'also-searched' }, `也检索了：${also.join('、')}`));
  for (const term of query?.excluded ?? []) {
    if (term.inTemplate) {
      lines.push(el('p', { class: 'note warn', 'data-testid': 'excluded-note' },
        `排除词“${term.text}”出现在模板固定文字中，几乎所有报告都含有它（全部 ${term.ofReports} 份报告中有 ${term.reports} 份），排除它会排除几乎所有报告。`));
    } else if (term.ofReports > 0 && term.reports >= term.ofReports) {
      lines.push(el('p', { class: 'note warn', 'data-testid': 'excluded-note' },
        `排除词“${term.text}”出现在全部 ${term.ofReports} 份报告中，排除它就什么也找不到。`));
    }
  }
  clear(notes, lines);
}

/** The filters in force as chips in Chinese (年份：2021, 地区：江苏省徐州市鼓楼区), each with × to take it away. */
function filterChipLabel(name, value) {
  switch (name) {
    case 'year': return `${FILTER_LABELS.year}：${value.replace('..', '—')}`;
    case 'region': return `${FILTER_LABELS.region}：${regionName(value)}`;
    case 'level': return `${FILTER_LABELS.level}：${LEVEL_LABELS[value] ?? value}`;
    case 'checks': return `${FILTER_LABELS.checks}：${CHECK_LABELS[value] ?? value}`;
    case 'figure': return `${FILTER_LABELS.figure}：${figureConditionLabel(value)}`;
    case 'published': return `${FILTER_LABELS.published}：${value.startsWith('..') ? value.slice(2) + ' 及以前' : value.endsWith('..') ? value.slice(0, -2) + ' 及以后' : value.replace('..', ' 至 ')}`;
    default: return `${FILTER_LABELS[name] ?? name}：${value}`;
  }
}

function activeFilterList(s) {
  return URL_FILTERS.flatMap(name => (s.filters[name] ?? []).map(value => ({ name, value })));
}

function renderActiveFilters() {
  const chips = activeFilterList(state).map(({ name, value }) => {
    const label = filterChipLabel(name, value);
    return el('span', { class: 'chip', 'data-testid': 'filter-chip', 'data-filter': name }, label,
      el('button', { type: 'button', 'aria-label': `取消 ${label}`, onclick: () => navigate(removeFilter(state, name, value)) }, '×'));
  });
  clear(activeFilters, chips.length ? chips : null,
    chips.length > 1 ? el('button', { type: 'button', class: 'clear-filters', onclick: () => navigate({ ...state, filters: noFilters(), page: 1 }) }, '清除全部筛选') : null);
}

/** The link of a report: its id, the query for its highlights, and back= the search it was found in (for 返回检索结果). */
function reportHref(id) {
  const params = new URLSearchParams({ id: String(id) });
  if (state.q) params.set('q', state.q);
  params.set('back', searchUrl(state));
  return `/report.html?${params}`;
}

function renderHits(result) {
  const hits = result.hits;
  if (hits.length === 0) {
    if (result.total === 0 && !state.q && !hasAnyFilter(state)) renderEmptyArchive();
    else renderNoMatches(result);
    return;
  }
  clear(results, ...hits.map(hit => el('article', { class: 'hit', 'data-testid': 'hit', 'data-id': hit.id },
    el('h2', {}, el('a', { href: reportHref(hit.id) }, hit.title ?? hit.fileName),
      hit.checksFailed > 0 ? el('span', { class: 'badge failed', 'data-testid': 'checks-failed', title: '表格数字的勾稽关系或与正文的核对未通过' }, `${hit.checksFailed} 项校验未通过`) : null),
    el('p', { class: 'meta' },
      [hit.agency, [hit.province, hit.city, hit.county].filter(Boolean).join(' '), hit.year ? `${hit.year} 年` : null, LEVEL_LABELS[hit.level] ?? hit.level, (hit.agencyTypes ?? []).join('、')]
        .filter(Boolean).map(part => el('span', {}, part))),
    ...hit.snippets.map(snippet => {
      const passage = el('p', { class: 'snippet' });
      passage.innerHTML = snippet; // escaped by the server; matches in <mark>
      return passage;
    }))));
}

/** An archive without reports: how to put reports in (the command line, or the upload endpoint with an API key). */
function renderEmptyArchive() {
  clear(results, el('section', { class: 'empty-archive', 'data-testid': 'empty-archive' },
    el('h2', {}, '档案库里还没有报告'),
    el('p', {}, '可以用命令行导入一个文件夹中的报告（.txt、.md、.html、.docx、.pdf，子文件夹一并导入）：'),
    el('pre', {}, 'dotnet run --project src/ReportArchive.Cli -- import 报告文件夹/'),
    el('p', {}, '服务器运行时也可以上传单个报告：POST /api/reports，请求头带上配置中的 API 密钥（Authorization: Bearer 密钥）：'),
    el('pre', {}, "curl -H 'Authorization: Bearer 密钥' --data-binary @报告.txt 'http://127.0.0.1:5000/api/reports?name=报告.txt'"),
    el('p', {}, 'API 密钥在 appsettings.json 的 ApiKeys 中或环境变量 REPORTARCHIVE_API_KEYS 中配置。导入后刷新本页即可检索。')));
}

/** Ways out of an empty result, each tried first: dropping one filter, the quotes, or an excluded term. */
function zeroResultCandidates() {
  const candidates = activeFilterList(state).map(({ name, value }) => ({
    label: `去掉筛选“${filterChipLabel(name, value)}”`, next: removeFilter(state, name, value) }));
  if (/["“”]/.test(state.q)) {
    candidates.push({ label: '去掉引号', next: { ...state, q: state.q.replace(/["“”]/g, ' ').replace(/\s+/g, ' ').trim(), page: 1 } });
  }
  const tokens = state.q.match(/"[^"]*"|\S+/g) ?? [];
  for (const token of tokens.filter(t => /^[-－]\S/.test(t))) {
    const rest = tokens.filter(t => t !== token).join(' ');
    candidates.push({ label: `不排除“${token.slice(1).replace(/"/g, '')}”`, next: { ...state, q: rest, page: 1 } });
  }
  return candidates;
}

function renderNoMatches() {
  const list = el('ul', { class: 'suggestions', 'data-testid': 'suggestions' });
  const box = el('div', { class: 'no-matches' }, el('p', { class: 'empty' }, '没有找到匹配的报告。'), list);
  clear(results, box);
  const thisRun = latestRun;
  const candidates = zeroResultCandidates();
  Promise.all(candidates.map(async candidate => {
    const params = filterParams(candidate.next);
    params.set('pageSize', '1');
    try { return { ...candidate, total: (await search(params)).total }; } catch { return { ...candidate, total: 0 }; }
  })).then(tried => {
    if (thisRun !== latestRun) return;
    const found = tried.filter(c => c.total > 0);
    if (!found.length) return;
    list.before(el('p', {}, '可以试试：'));
    list.append(...found.map(c => el('li', {}, el('a', { href: searchUrl(c.next), 'data-testid': 'suggestion',
      onclick: event => { event.preventDefault(); navigate(c.next); } }, `${c.label}（${c.total} 份）`))));
  });
}

function renderPager(result) {
  const pages = Math.max(1, Math.ceil(result.total / result.pageSize));
  if (pages <= 1) { clear(pager); return; }
  const link = (page, label, { current = false, testid = null } = {}) => el('button', {
    type: 'button', class: current ? 'current' : null, disabled: current || page < 1 || page > pages || page === result.page,
    'aria-current': current ? 'page' : null, 'data-testid': testid,
    onclick: () => { navigate({ ...state, page }); window.scrollTo({ top: 0 }); },
  }, label);
  const numbers = [];
  for (let p = Math.max(1, result.page - 3); p <= Math.min(pages, result.page + 3); p++) numbers.push(link(p, String(p), { current: p === result.page }));
  clear(pager,
    link(1, '« 首页', { testid: 'first-page' }), link(result.page - 1, '‹ 上一页', { testid: 'previous-page' }), ...numbers,
    link(result.page + 1, '下一页 ›', { testid: 'next-page' }), link(pages, '末页 »', { testid: 'last-page' }),
    el('span', {}, `第 ${result.page} / ${pages} 页`));
}

// ---- facets ----

/** A list of checkboxes: the first FACET_LIMIT values, the ticked ones, and 更多 (n) / 收起 for the rest. */
function limitedList(key, items, render, { showAll = false, className = null } = {}) {
  const full = showAll || fullLists.has(key);
  const shown = items.map((item, i) => full || i < FACET_LIMIT || item.keep);
  const hidden = shown.filter(s => !s).length;
  const list = el('ul', { class: className }, items.map((item, i) => el('li', { hidden: !shown[i] }, render(item))));
  const more = items.length > FACET_LIMIT && !showAll
    ? el('button', { type: 'button', class: 'more', 'data-testid': 'facet-more', 'aria-expanded': String(full),
      onclick: () => { if (full) fullLists.delete(key); else fullLists.add(key); renderFacets(); } },
      full ? '收起' : `更多 (${hidden})`)
    : null;
  return [list, more];
}

function facetList(name, title, values, label = v => v, { order } = {}) {
  const selected = new Set(state.filters[name]);
  let items = values.map(v => ({ value: v.value, count: v.count }));
  for (const value of selected) if (!items.some(i => i.value === value)) items.push({ value, count: 0 });
  if (order) items = order(items);
  if (items.length === 0) return null;
  for (const item of items) item.keep = selected.has(item.value);
  return el('section', { class: 'facet', 'data-facet': name }, el('h3', {}, title),
    limitedList(name, items, item => checkbox(name, item, label)));
}

function checkbox(name, item, label) {
  const checked = state.filters[name].includes(item.value);
  return el('label', { class: item.count === 0 && !checked ? 'zero' : null },
    el('input', { type: 'checkbox', name, value: item.value, checked,
      onchange: event => toggleFilter(name, item.value, event.target.checked) }),
    ` ${label(item.value)} `, el('span', { class: 'count' }, String(item.count)));
}

/** Years newest first, every year seen since the page opened kept in its place (with 0 when nothing matches now). */
function yearOrder(items) {
  for (const item of items) knownYears.add(item.value);
  const counts = new Map(items.map(i => [i.value, i.count]));
  const key = v => (/^\d{4}$/.test(v) ? -Number(v) : 1e9);
  return [...knownYears].sort((a, b) => key(a) - key(b) || a.localeCompare(b)).map(value => ({ value, count: counts.get(value) ?? 0 }));
}

/** Where a node of the region tree sits: its names from the province down, and its level (province, city, county). */
function regionPaths(nodes, parents = [], paths = new Map()) {
  for (const node of nodes) {
    const names = [...parents, node.value];
    const level = node.code ? ['province', 'city', 'county'][Math.min(2, (node.code.length >> 1) - 1)] : ['province', 'city', 'county'][Math.min(2, parents.length)];
    paths.set(node, { names, level, key: node.code ?? names.join('/') });
    regionPaths(node.children ?? [], names, paths);
  }
  return paths;
}

/** A tick in the region tree selects the node's code; a selection never holds a division and one above or below it. */
function toggleRegion(code, checked, legacyCodes) {
  const within = (a, b) => a.startsWith(b) || b.startsWith(a);
  let codes = [...new Set([...state.filters.region, ...legacyCodes])];
  codes = checked ? [...codes.filter(c => !within(c, code)), code] : codes.filter(c => c !== code);
  // names from an older link become the codes of the nodes they ticked
  navigate({ ...state, filters: { ...state.filters, region: codes, province: [], city: [], county: [] }, page: 1 });
}

/**
 * The region tree (province → city → county), collapsed: provinces with counts, ▸/▾ opens a level, the path of a
 * selection is open; the 筛选地区… box keeps the nodes whose name holds its text and their parents. Ticks send the
 * division code; chips show what is selected by full name.
 */
function regionTree(nodes) {
  const paths = regionPaths(nodes);
  lastRegionNames = new Map([...paths.entries()].filter(([n]) => n.code).map(([n, p]) => [n.code, p.names.join('')]));
  const selectedCodes = new Set(state.filters.region);
  const byName = node => state.filters[paths.get(node).level]?.includes(node.value);
  const isChecked = node => (node.code ? selectedCodes.has(node.code) : false) || byName(node);
  const legacyCodes = [...paths.keys()].filter(n => n.code && byName(n)).map(n => n.code);
  const onSelectedPath = node => (node.children ?? []).some(child => isChecked(child) || onSelectedPath(child));
  const text = regionFilter.trim();
  const matches = node => text !== '' && node.value.includes(text);
  const hasMatchBelow = node => (node.children ?? []).some(child => matches(child) || hasMatchBelow(child));

  const box = node => {
    if (!node.code) return checkbox(paths.get(node).level, node, v => v); // a region without a known code: by name
    return el('label', {},
      el('input', { type: 'checkbox', name: 'region', value: node.code, checked: isChecked(node), 'data-name': paths.get(node).names.join(''),
        onchange: event => toggleRegion(node.code, event.target.checked, legacyCodes) }),
      ` ${node.value} `, el('span', { class: 'count' }, String(node.count)));
  };
  const isOpen = node => {
    const key = paths.get(node).key;
    if (text) return hasMatchBelow(node) && !closedNodes.has(key) || openedNodes.has(key);
    return !closedNodes.has(key) && (openedNodes.has(key) || onSelectedPath(node));
  };
  const toggle = node => {
    const key = paths.get(node).key;
    const open = isOpen(node);
    return el('button', { type: 'button', class: 'toggle', 'data-testid': 'region-toggle', 'data-code': node.code ?? null,
      'aria-expanded': String(open), 'aria-label': `${open ? '收起' : '展开'} ${node.value}`,
      onclick: () => {
        if (open) { openedNodes.delete(key); closedNodes.add(key); } else { closedNodes.delete(key); openedNodes.add(key); }
        renderRegionList();
      } }, open ? '▾' : '▸');
  };
  const list = (items, depth, parentKey, filtering = text !== '') => {
    const visible = filtering ? items.filter(n => matches(n) || hasMatchBelow(n)) : items;
    for (const node of visible) node.keep = isChecked(node) || onSelectedPath(node);
    const [ul, more] = limitedList(`region:${parentKey}`, visible, node => [
      node.children?.length ? toggle(node) : el('span', { class: 'toggle-space' }),
      box(node),
      node.children?.length ? el('div', { hidden: !isOpen(node) }, list(node.children, depth + 1, paths.get(node).key, filtering && !matches(node))) : null,
    ], { showAll: filtering, className: depth ? 'subtree' : 'tree' });
    return [ul, more];
  };

  const treeBox = el('div', { class: 'tree-box' });
  const renderRegionList = () => {
    clear(treeBox, text && !nodes.some(n => matches(n) || hasMatchBelow(n)) ? el('p', { class: 'empty' }, `没有名称含“${text}”的地区`) : list(nodes, 0, ''));
  };
  renderRegionList();

  const filterBox = el('input', { type: 'search', class: 'region-filter', 'data-testid': 'region-filter', placeholder: '筛选地区…', 'aria-label': '按名称筛选地区', value: regionFilter,
    oninput: event => {
      regionFilter = event.target.value;
      const replaced = regionTree(nodes);
      facets.querySelector('[data-facet=region] .tree-box').replaceWith(replaced.querySelector('.tree-box'));
    } });
  const chip = (label, remove) => el('span', { class: 'chip', 'data-testid': 'region-chip' }, label,
    el('button', { type: 'button', 'aria-label': `取消 ${label}`, onclick: remove }, '×'));
  const chips = [
    ...state.filters.region.map(code => chip(regionName(code), () => navigate(removeFilter(state, 'region', code)))),
    ...['province', 'city', 'county'].flatMap(name => state.filters[name].map(value => chip(value, () => toggleFilter(name, value, false)))),
  ];
  return el('section', { class: 'facet', 'data-facet': 'region' }, el('h3', {}, '地区'),
    chips.length ? el('p', { class: 'chips' }, chips) : null,
    filterBox, treeBox);
}

/** Every year the archive has (its facet when browsing everything), so each year keeps its place from the first search on. */
let archiveYearsLoaded = false;
async function loadArchiveYears() {
  if (archiveYearsLoaded) return;
  archiveYearsLoaded = true;
  try {
    const all = await search(new URLSearchParams({ pageSize: '1' }));
    for (const year of all.facets?.year ?? []) knownYears.add(year.value);
  } catch {
    // the years of the searches made stand in
  }
}

const regionName = code => lastRegionNames.get(code) ?? archiveRegionNames?.get(code) ?? code;

/** The full names of the archive's regions by code, read once. */
async function loadRegionNames() {
  if (archiveRegionNames) return;
  try {
    const response = await fetch('/api/regions', { headers: { Accept: 'application/json' } });
    const tree = response.ok ? await response.json() : [];
    archiveRegionNames = regionNamesByCode(tree);
  } catch {
    archiveRegionNames = new Map();
  }
}

// ---- figure conditions ----

/** The figure keys with their Chinese labels (the 2021 template's label where both templates have the key). */
async function loadFigureLabels() {
  if (figureLabels) return figureLabels;
  try {
    const response = await fetch('/api/figures/keys', { headers: { Accept: 'application/json' } });
    const keys = response.ok ? await response.json() : [];
    figureLabels = new Map();
    for (const key of keys) if (!figureLabels.has(key.key)) figureLabels.set(key.key, { label: key.chineseLabel ?? key.key, table: key.table });
  } catch {
    figureLabels = new Map();
  }
  return figureLabels;
}

/** review.total>0 → 行政复议 × 总计 ＞ 0 */
function figureConditionLabel(value) {
  const match = /^\s*([A-Za-z][A-Za-z.]*[A-Za-z])\s*(>=|<=|>|<|=)\s*(.+)$/.exec(value.normalize('NFKC'));
  if (!match) return value;
  const label = figureLabels?.get(match[1])?.label ?? match[1];
  return `${label} ${OPERATORS.find(([op]) => op === match[2])?.[1] ?? match[2]} ${match[3]}`;
}

const TABLE_NAMES = { A: '主动公开', B: '依申请公开', C: '行政复议、行政诉讼' };
let figureChoice = { key: 'litigationDirect.total', op: '>', value: '0' };

function figureBuilder() {
  const keySelect = el('select', { 'data-testid': 'figure-key', 'aria-label': '数字' },
    ['C', 'B', 'A'].map(table => el('optgroup', { label: TABLE_NAMES[table] },
      [...(figureLabels ?? new Map())].filter(([, v]) => v.table === table)
        .map(([key, v]) => el('option', { value: key, selected: key === figureChoice.key }, v.label)))));
  const opSelect = el('select', { 'data-testid': 'figure-operator', 'aria-label': '比较' },
    OPERATORS.map(([op, label]) => el('option', { value: op, selected: op === figureChoice.op }, label)));
  const number = el('input', { type: 'number', step: 'any', 'data-testid': 'figure-value', 'aria-label': '数值', value: figureChoice.value, required: true });
  const add = event => {
    event.preventDefault();
    if (number.value.trim() === '' || !Number.isFinite(Number(number.value))) { number.reportValidity?.(); return; }
    figureChoice = { key: keySelect.value, op: opSelect.value, value: String(Number(number.value)) };
    const condition = `${figureChoice.key}${figureChoice.op}${figureChoice.value}`;
    if (!state.filters.figure.includes(condition)) navigate({ ...state, filters: { ...state.filters, figure: [...state.filters.figure, condition] }, page: 1 });
  };
  return el('section', { class: 'facet figure-builder', 'data-facet': 'figure' }, el('h3', {}, '数字条件'),
    el('form', { onsubmit: add }, keySelect, el('span', { class: 'figure-row' }, opSelect, number, el('button', { type: 'submit', 'data-testid': 'figure-add' }, '添加'))));
}

function renderFacets() {
  const f = lastFacets;
  if (!f) return;
  const regions = Array.isArray(f.regions) && f.regions.length
    ? regionTree(f.regions)
    : [facetList('province', '省份', f.province ?? []), facetList('city', '城市', f.city ?? [])];
  clear(facets,
    facetList('year', '年份', f.year ?? [], v => v, { order: yearOrder }),
    regions,
    facetList('agencyType', '机构类型', f.agencyType ?? []),
    facetList('level', '层级', f.level ?? [], v => LEVEL_LABELS[v] ?? v),
    facetList('checks', '校验', f.checks ?? [], v => CHECK_LABELS[v] ?? v),
    figureBuilder());
}

run();
