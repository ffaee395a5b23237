import { isUuid } from '@edugraph/rules';
import { AppError } from './app-error.ts';

export const MAX_PAGE_SIZE = 100;

export function checkPageSize(first: number | null | undefined, fallback = 20): number {
  const n = first ?? fallback;
  if (!Number.isInteger(n) || n < 1 || n > MAX_PAGE_SIZE) {
    throw new AppError('BAD_USER_INPUT', `first must be between 1 and ${MAX_PAGE_SIZE} (got ${n}).`);
  }
  return n;
}

/** Cursors are opaque to clients: base64url of the last id seen. */
export function encodeCursor(id: string): string {
  return Buffer.from(id, 'utf8').toString('base64url');
}

export function decodeCursor(cursor: string | null | undefined): string | null {
  if (cursor == null || cursor === '') return null;
  const id = Buffer.from(cursor, 'base64url').toString('utf8');
  if (!isUuid(id)) throw new AppError('BAD_USER_INPUT', 'after is not a cursor this API gave out.');
  return id;
}

export interface Connection<T> {
  nodes: T[];
  pageInfo: { hasNextPage: boolean; endCursor: string | null };
  totalCount: number;
}

/** Keyset paging by id (UUID v7, so in creation order), the shape of every growing list. */
export async function pageById<Row extends { id: string }, V>(
  count: () => Promise<number>,
  find: (where: { id?: { $gt: string } }, limit: number) => Promise<Row[]>,
  view: (row: Row) => V,
  args: { first?: number | null; after?: string | null },
): Promise<Connection<V>> {
  const first = checkPageSize(args.first);
  const after = decodeCursor(args.after);
  const [rows, totalCount] = await Promise.all([find(after ? { id: { $gt: after } } : {}, first + 1), count()]);
  const page = rows.slice(0, first);
  return {
    nodes: page.map(view),
    pageInfo: { hasNextPage: rows.length > first, endCursor: page.length > 0 ? encodeCursor(page[page.length - 1]!.id) : null },
    totalCount,
  };
}
