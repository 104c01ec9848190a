// Which figure cells a check concerns, from its rule id (the rule ids of the figure checker):
//   requests.rowTotal.<row>       the seven columns of table B row <row>
//   requests.balance.<column>     一 new, 二 carriedOver, （七）processed and 四 carriedForward in <column>
//   requests.processedSum.<column> the handling rows （一）…（七） in <column>
//   <group>.total                 the five cells of table C group <group> (review, litigationDirect, litigationAfterReview)
//   narrative.requests.new        requests.new.total; narrative.review.total → review.total;
//   narrative.litigation.total    litigationDirect.total and litigationAfterReview.total
//   narrative.<key>               <key> (another figure the prose states: narrative.requests.processed.total)
// A rule that is itself a figure key marks that cell. Only keys the report's template has are returned.

const REQUEST_COLUMNS = ['naturalPerson', 'commercial', 'research', 'nonprofit', 'legalService', 'other', 'total'];
const REVIEW_COLUMNS = ['upheld', 'corrected', 'other', 'pending', 'total'];
const REVIEW_GROUPS = ['review', 'litigationDirect', 'litigationAfterReview'];
const NOT_HANDLING = new Set(['new', 'carriedOver', 'carriedForward']);

/** @param {string} rule @param {Set<string>} keys the figure keys of the report's template */
export function cellsOfCheck(rule, keys) {
  const have = list => list.filter(k => keys.has(k));
  let match;
  if ((match = /^requests\.rowTotal\.(.+)$/.exec(rule))) {
    return have(REQUEST_COLUMNS.map(c => `requests.${match[1]}.${c}`));
  }
  if ((match = /^requests\.balance\.(\w+)$/.exec(rule))) {
    return have(['new', 'carriedOver', 'processed', 'carriedForward'].map(r => `requests.${r}.${match[1]}`));
  }
  if ((match = /^requests\.processedSum\.(\w+)$/.exec(rule))) {
    const column = match[1];
    return [...keys].filter(k => {
      if (!k.startsWith('requests.') || !k.endsWith(`.${column}`)) return false;
      const row = k.slice('requests.'.length, k.length - column.length - 1);
      return !NOT_HANDLING.has(row);
    });
  }
  if ((match = /^(\w+)\.total$/.exec(rule)) && REVIEW_GROUPS.includes(match[1])) {
    return have(REVIEW_COLUMNS.map(c => `${match[1]}.${c}`));
  }
  switch (rule) {
    case 'narrative.requests.new': return have(['requests.new.total']);
    case 'narrative.review.total': return have(['review.total']);
    case 'narrative.litigation.total': return have(['litigationDirect.total', 'litigationAfterReview.total']);
    default: return have([rule.startsWith('narrative.') ? rule.slice('narrative.'.length) : rule]);
  }
}
