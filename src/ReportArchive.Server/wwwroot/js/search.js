import { FILTERS, LEVEL_LABELS, CHECK_LABELS, readState, stateParams, getJson, el, clear, region, showError, hasFilters } from './common.js';

const form = document.getElementById('search-form');
const input = document.getElementById('q');
const results = document.getElementById('results');
const summary = document.getElementById('summary');
const pager = document.getElementById('pager');
const facets = document.getElementById('facets');
const statsLink = document.getElementById('stats-link');
const exportLink = document.getElementById('export-link');
const sortSelect = document.getElementById('sort');
const PAGE_SIZE = 20;
const SORTS = ['relevance', '-year', 'year', 'id'];

let state = withSort(readState());

/** The order asked in the URL (sort=…), '' for the server's default: relevance with a query, newest first without. */
function withSort(read) {
  const sort = read.params.get('sort') ?? '';
  return { ...read, sort: SORTS.includes(sort) ? sort : '' };
}

/** The URL's parameters: q, the filters, the sort when one was chosen, and the page. */
function searchParams(page) {
  const params = stateParams(state, { page });
  if (state.sort) params.set('sort', state.sort);
  return params;
}

sortSelect.addEventListener('change', () => navigate({ ...state, sort: sortSelect.value, page: 1 }));

form.addEventListener('submit', event => {
  event.preventDefault();
  navigate({ ...state, q: input.value.trim(), page: 1 });
});
window.addEventListener('popstate', () => { state = withSort(readState()); run(); });

function navigate(next) {
  state = next;
  const params = searchParams(state.page);
  history.pushState(null, '', params.toString() ? `/?${params}` : '/');
  run();
}

function toggleFilter(name, value, checked) {
  const values = new Set(state.filters[name]);
  if (checked) values.add(value); else values.delete(value);
  navigate({ ...state, filters: { ...state.filters, [name]: [...values] }, page: 1 });
}

// Each run() numbers its search; an answer that arrives after a newer search has started is dropped, so a slow
// earlier answer never replaces the results of the latest query.
let latestRun = 0;

async function run() {
  const thisRun = ++latestRun;
  input.value = state.q;
  const filterParams = stateParams(state);
  statsLink.href = `/stats.html${filterParams.toString() ? '?' + filterParams : ''}`;
  exportLink.href = `/api/export?${new URLSearchParams([['format', 'csv'], ...filterParams])}`;
  if (!state.q && !hasFilters(state)) {
    document.title = '政府信息公开年度报告检索';
  } else {
    document.title = `${state.q || '浏览'} — 政府信息公开年度报告检索`;
  }
  const params = searchParams(state.page);
  params.set('pageSize', String(PAGE_SIZE));
  document.body.classList.add('loading');
  try {
    const result = await getJson('/api/search', params);
    if (thisRun !== latestRun) {
      return;
    }
    sortSelect.querySelector('option[value=relevance]').disabled = !state.q; // browsing has nothing to rank by
    sortSelect.value = result.sort; // the order the page is in, the default one too
    renderSummary(result);
    renderHits(result.hits);
    renderPager(result);
    renderFacets(result.facets);
  } catch (error) {
    if (thisRun === latestRun) {
      showError(results, error);
      clear(summary);
      clear(pager);
    }
  } finally {
    if (thisRun === latestRun) {
      document.body.classList.remove('loading');
    }
  }
}

function renderSummary(result) {
  const what = state.q ? `“${state.q}”` : '全部报告';
  clear(summary, `${what}：共 ${result.total} 份报告（${result.tookMs} 毫秒）`);
}

function renderHits(hits) {
  if (hits.length === 0) {
    clear(results, el('p', { class: 'empty' }, '没有找到匹配的报告。'));
    return;
  }
  const reportParams = id => {
    const params = new URLSearchParams({ id: String(id) });
    if (state.q) params.set('q', state.q);
    return params;
  };
  clear(results, ...hits.map(hit => el('article', { class: 'hit', 'data-testid': 'hit', 'data-id': hit.id },
    el('h2', {}, el('a', { href: `/report.html?${reportParams(hit.id)}` }, hit.title ?? hit.fileName),
      hit.checksFailed > 0 ? el('span', { class: 'badge failed', 'data-testid': 'checks-failed', title: '表格数字的勾稽关系或与正文的核对未通过' }, `${hit.checksFailed} 项校验未通过`) : null),
    el('p', { class: 'meta' },
      [hit.agency, region(hit), hit.year ? `${hit.year} 年` : null, LEVEL_LABELS[hit.level] ?? hit.level, (hit.agencyTypes ?? []).join('、')]
        .filter(Boolean).map(part => el('span', {}, part))),
    ...hit.snippets.map(snippet => {
      const passage = el('p', { class: 'snippet' });
      passage.innerHTML = snippet; // escaped by the server; matches in <mark>
      return passage;
    }))));
}

function renderPager(result) {
  const pages = Math.max(1, Math.ceil(result.total / result.pageSize));
  if (pages <= 1) { clear(pager); return; }
  const link = (page, label, current = false) => el('button', {
    type: 'button', class: current ? 'current' : null, disabled: current || page < 1 || page > pages,
    'aria-current': current ? 'page' : null, onclick: () => navigate({ ...state, page }),
  }, label);
  const numbers = [];
  for (let p = Math.max(1, result.page - 3); p <= Math.min(pages, result.page + 3); p++) numbers.push(link(p, String(p), p === result.page));
  clear(pager, link(result.page - 1, '‹ 上一页'), ...numbers, link(result.page + 1, '下一页 ›'), el('span', {}, `第 ${result.page} / ${pages} 页`));
}

function facetList(name, title, values, label = v => v) {
  const selected = new Set(state.filters[name]);
  const items = values.map(v => ({ value: v.value, count: v.count }));
  for (const value of selected) if (!items.some(i => i.value === value)) items.push({ value, count: 0 });
  if (items.length === 0) return null;
  return el('section', { class: 'facet', 'data-facet': name },
    el('h3', {}, title),
    el('ul', {}, items.map(item => el('li', {}, checkbox(name, item, label)))));
}

function checkbox(name, item, label) {
  return el('label', {},
    el('input', { type: 'checkbox', name, value: item.value, checked: state.filters[name].includes(item.value),
      onchange: event => toggleFilter(name, item.value, event.target.checked) }),
    ` ${label(item.value)} `, el('span', { class: 'count' }, String(item.count)));
}

/** Where a node of the region tree sits: its names from the province down, and its level (province, city, county). */
function regionPaths(nodes, parents = [], paths = new Map()) {
  for (const node of nodes) {
    const names = [...parents, node.value];
    const level = node.code ? ['province', 'city', 'county'][Math.min(2, (node.code.length >> 1) - 1)] : ['province', 'city', 'county'][Math.min(2, parents.length)];
    paths.set(node, { names, level });
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

/** The region tree (province → city → county): ticks send the division code, chips show what is selected by full name. */
function regionTree(nodes) {
  const paths = regionPaths(nodes);
  const selectedCodes = new Set(state.filters.region);
  const byName = node => state.filters[paths.get(node).level]?.includes(node.value);
  const isChecked = node => node.code ? selectedCodes.has(node.code) || byName(node) : byName(node);
  const legacyCodes = [...paths.keys()].filter(n => n.code && byName(n)).map(n => n.code);
  const box = node => {
    if (!node.code) return checkbox(paths.get(node).level, node, v => v); // a region without a known code: by name
    return el('label', {},
      el('input', { type: 'checkbox', name: 'region', value: node.code, checked: isChecked(node), 'data-name': paths.get(node).names.join(''),
        onchange: event => toggleRegion(node.code, event.target.checked, legacyCodes) }),
      ` ${node.value} `, el('span', { class: 'count' }, String(node.count)));
  };
  const list = (items, depth) => el('ul', { class: depth ? 'subtree' : null }, items.map(node => el('li', {},
    box(node), node.children?.length ? list(node.children, depth + 1) : null)));

  const fullName = code => [...paths.entries()].find(([n]) => n.code === code)?.[1].names.join('') ?? code;
  const chip = (label, remove) => el('span', { class: 'chip', 'data-testid': 'region-chip' }, label,
    el('button', { type: 'button', 'aria-label': `取消 ${label}`, onclick: remove }, '×'));
  const chips = [
    ...state.filters.region.map(code => chip(fullName(code),
      () => navigate({ ...state, filters: { ...state.filters, region: state.filters.region.filter(c => c !== code) }, page: 1 }))),
    ...['province', 'city', 'county'].flatMap(name => state.filters[name].map(value => chip(value, () => toggleFilter(name, value, false)))),
  ];
  return el('section', { class: 'facet', 'data-facet': 'region' }, el('h3', {}, '地区'),
    chips.length ? el('p', { class: 'chips' }, chips) : null,
    list(nodes, 0));
}

function renderFacets(f) {
  const regions = Array.isArray(f.regions) && f.regions.length
    ? regionTree(f.regions)
    : [facetList('province', '省份', f.province ?? []), facetList('city', '城市', f.city ?? [])];
  clear(facets,
    facetList('year', '年份', f.year ?? []),
    regions,
    facetList('agencyType', '机构类型', f.agencyType ?? []),
    facetList('level', '层级', f.level ?? [], v => LEVEL_LABELS[v] ?? v),
    facetList('checks', '校验', f.checks ?? [], v => CHECK_LABELS[v] ?? v));
  if (hasFilters(state)) {
    facets.prepend(el('button', { type: 'button', class: 'clear-filters',
      onclick: () => navigate({ ...state, filters: Object.fromEntries(FILTERS.map(n => [n, []])), page: 1 }) }, '清除全部筛选'));
  }
}

run();
