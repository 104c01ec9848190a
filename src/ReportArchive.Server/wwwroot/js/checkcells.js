// Which figure cells the report page emphasises: the cells each failed check names (the API's check.cells: the
// printed total a sum is compared with, the four cells of a balance, the figure the prose contradicts), never every
// term of a sum, so one wrong total marks one cell, not a column of zeros.

/**
 * @param {{ ok: boolean, cells?: string[], detail: string, detailZh?: string }[]} checks the report's checks
 * @param {Set<string>} keys the figure keys of the report's template
 * @returns {Map<string, string[]>} cell key → the Chinese of the failed checks that name it
 */
export function failedCells(checks, keys) {
  const cells = new Map();
  for (const check of checks.filter(c => !c.ok)) {
    for (const key of (check.cells ?? []).filter(k => keys.has(k))) {
      cells.set(key, [...(cells.get(key) ?? []), check.detailZh ?? check.detail]);
    }
  }
  return cells;
}
