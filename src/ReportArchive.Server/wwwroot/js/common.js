// Shared by the three pages: the URL state (query and filters), API calls and a small DOM builder.
// Everything from the API is inserted as text, except search snippets (already escaped HTML with <mark>).

// region: GB/T 2260 division codes (the region tree's ticks); province, city and county: names, still read from older links
export const FILTERS = ['year', 'region', 'province', 'city', 'county', 'agencyType', 'level', 'checks'];

export const LEVEL_LABELS = { central: '中央', province: '省级', city: '市级', county: '县级', township: '乡镇' };
/** Every filter's name as a chip says it (年份：2021), on the search and the statistics page alike. */
export const FILTER_LABELS = {
  year: '年份', region: '地区', province: '省份', city: '城市', county: '区县', agencyType: '机构类型', level: '层级',
  checks: '校验', figure: '数字条件', published: '发布时间', source: '来源网站',
};
export const CHECK_LABELS = { passed: '校验通过', failed: '校验未通过' };
export const GROUPING_LABELS = { year: '年份', province: '省份', city: '城市', agencyType: '机构类型', level: '层级' };

/** The search state of the current URL: q, the filters (name → values) and the page. */
export function readState(search = location.search) {
  const params = new URLSearchParams(search);
  const filters = {};
  for (const name of FILTERS) {
    filters[name] = params.getAll(name).filter(v => v !== '');
  }
  const page = Number.parseInt(params.get('page') ?? '1', 10);
  return { q: params.get('q') ?? '', filters, page: Number.isFinite(page) && page > 0 ? page : 1, params };
}

/** Query parameters for q and the filters (and the page when given). */
export function stateParams(state, { page } = {}) {
  const params = new URLSearchParams();
  if (state.q) params.set('q', state.q);
  for (const name of FILTERS) {
    for (const value of state.filters[name] ?? []) params.append(name, value);
  }
  if (page && page > 1) params.set('page', String(page));
  return params;
}

export function hasFilters(state) {
  return FILTERS.some(name => (state.filters[name] ?? []).length > 0);
}

/** Each division's full name (湖北省武汉市江岸区) by its code, from a region tree as /api/regions gives it. */
export function regionNamesByCode(nodes, parents = [], names = new Map()) {
  for (const node of nodes) {
    const path = [...parents, node.value];
    if (node.code) names.set(node.code, path.join(''));
    regionNamesByCode(node.children ?? [], path, names);
  }
  return names;
}

/** GET a JSON endpoint; a problem+json answer throws an Error in Chinese carrying the body (`problem`) and `status`. */
export async function getJson(path, params) {
  const url = params && [...params].length ? `${path}?${params}` : path;
  const response = await fetch(url, { headers: { Accept: 'application/json' } });
  const body = await response.json().catch(() => null);
  if (!response.ok) {
    // A problem's Chinese message (messageZh) is what a page says; the body and status go along for a page that says more.
    throw Object.assign(new Error(body?.messageZh ?? `服务器返回错误（${response.status}）`), { problem: body, status: response.status });
  }
  return body;
}

/** Creates an element: attributes (on*, class, dataset, hidden handled) and children (strings become text nodes). */
export function el(tag, attributes = {}, ...children) {
  const element = document.createElement(tag);
  for (const [name, value] of Object.entries(attributes)) {
    if (value === null || value === undefined || value === false) continue;
    if (name.startsWith('on') && typeof value === 'function') element.addEventListener(name.slice(2), value);
    else if (name === 'dataset') Object.assign(element.dataset, value);
    else element.setAttribute(name, value === true ? '' : String(value));
  }
  append(element, children);
  return element;
}

function append(element, children) {
  for (const child of children.flat()) {
    if (child === null || child === undefined || child === false) continue;
    element.append(child instanceof Node ? child : document.createTextNode(String(child)));
  }
}

export function clear(element, ...children) {
  element.replaceChildren();
  append(element, children);
  return element;
}

export function region(item) {
  return [item.province, item.city, item.county].filter(Boolean).join(' ');
}

export function formatNumber(value) {
  if (value === null || value === undefined) return '—';
  return Number(value).toLocaleString('zh-CN', { maximumFractionDigits: 6 });
}

export function showError(container, error) {
  clear(container, el('p', { class: 'error', role: 'alert' }, `出错了：${error.message}`));
}
