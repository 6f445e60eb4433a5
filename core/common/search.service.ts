/**
 * Global search (Ctrl+K): startups, mentors and trainees by prefix, through their FTS5
 * indexes. Hits show a name and a little context (sector and city, organisation and city,
 * city and a masked CNIC) and never personal data in clear: anyone signed in may search.
 */
import type { ParsedInputOf } from '../../shared/api/index.js';
import type { SearchHit } from '../../shared/api/common.js';
import { maskCnic } from '../../shared/validation/cnic.js';
import type { Ctx } from '../context.js';
import { ftsPrefixQuery } from '../records/search-query.js';

/**
 * Ranking by relevance (bm25) costs a little for every matching row: fine for a few
 * thousand, but a common name ("khan") or a first keystroke matches a large part of a
 * million trainees, and ranking them all takes a third of a second. Up to this many
 * matches the hits are ranked; beyond it they come newest first, which FTS5 answers by
 * reading only the first few entries of its index.
 */
export const RANK_AT_MOST = 5000;

type Raw = { id: string; title: string | null; a: string | null; b: string | null };

interface Source {
  entity: SearchHit['entity'];
  /** Bounded count of matches: tells whether ranking is affordable. */
  count: string;
  ranked: string;
  newest: string;
  subtitle(row: Raw): (string | null)[];
}

/**
 * One source per searchable table. `a` and `b` are the subtitle's parts. bm25 weights
 * follow the FTS column order declared in migration 0001 and favour the name, so "ali"
 * puts Ali before a trainee whose email starts with ali.
 */
function source(entity: SearchHit['entity'], select: string, weights: string, subtitle: (row: Raw) => (string | null)[]): Source {
  const fts = `${entity}_fts`;
  const from = `FROM ${fts} JOIN ${entity} x ON x.rowid = ${fts}.rowid WHERE ${fts} MATCH ? AND x.deleted = 0`;
  return {
    entity,
    count: `SELECT count(*) AS n FROM (SELECT 1 FROM ${fts} WHERE ${fts} MATCH ? LIMIT ${RANK_AT_MOST + 1})`,
    ranked: `SELECT ${select} ${from} ORDER BY bm25(${fts}, ${weights}) LIMIT ?`,
    newest: `SELECT ${select} ${from} ORDER BY ${fts}.rowid DESC LIMIT ?`,
    subtitle,
  };
}

const SOURCES: Source[] = [
  // startups_fts: name, sector, city, description
  source('startups', 'x.id, x.name AS title, x.sector AS a, x.city AS b', '10.0, 2.0, 1.0, 0.5', (r) => [r.a, r.b]),
  // mentors_fts: name, organisation, expertise, city, country
  source('mentors', 'x.id, x.name AS title, x.organisation AS a, x.city AS b', '10.0, 4.0, 2.0, 1.0, 1.0', (r) => [r.a, r.b]),
  // trainees_fts: name, skills, city, district, email. Only the masked CNIC is shown.
  source('trainees', 'x.id, x.name AS title, x.city AS a, x.cnic AS b', '10.0, 2.0, 1.0, 1.0, 1.0', (r) => [r.a, maskCnic(r.b)]),
];

export function globalSearch(ctx: Ctx, input: ParsedInputOf<'search.global'>): SearchHit[] {
  const match = ftsPrefixQuery(input.text);
  if (!match) return [];
  const hits: SearchHit[] = [];
  for (const s of SOURCES) {
    const { n } = ctx.rows.statement(s.count).get(match) as { n: number };
    if (n === 0) continue;
    const rows = ctx.rows.statement(n > RANK_AT_MOST ? s.newest : s.ranked).all(match, input.limit) as Raw[];
    for (const row of rows) {
      hits.push({
        entity: s.entity,
        id: row.id,
        title: row.title ?? '',
        subtitle: s
          .subtitle(row)
          .filter((part): part is string => !!part)
          .join(' · '),
      });
    }
  }
  return hits;
}
