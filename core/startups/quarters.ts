/** Quarters: `2026-Q3` is July–September 2026 (calendar quarters). */
export function quarterRange(quarter: string): { start: string; end: string } {
  const year = Number(quarter.slice(0, 4));
  const q = Number(quarter.slice(6));
  const startMonth = (q - 1) * 3 + 1;
  const endMonth = startMonth + 3;
  const start = `${year}-${String(startMonth).padStart(2, '0')}-01`;
  const end = endMonth > 12 ? `${year + 1}-01-01` : `${year}-${String(endMonth).padStart(2, '0')}-01`;
  return { start, end };
}

export function quarterOf(date: string): string {
  const month = Number(date.slice(5, 7));
  return `${date.slice(0, 4)}-Q${Math.floor((month - 1) / 3) + 1}`;
}
