import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { Type } from 'class-transformer';
import { IsInt, IsOptional, IsString, Max, MaxLength, Min } from 'class-validator';
import { DomainError } from '../errors/domain-error.js';

export const DEFAULT_PAGE_SIZE = 50;
export const MAX_PAGE_SIZE = 200;

/** The paging part of every list query; feature list queries extend it with their filters. */
export class PageQuery {
  @ApiPropertyOptional({ minimum: 1, maximum: MAX_PAGE_SIZE, default: DEFAULT_PAGE_SIZE })
  @IsOptional()
  @Type(() => Number)
  @IsInt()
  @Min(1)
  @Max(MAX_PAGE_SIZE)
  limit?: number;

  @ApiPropertyOptional({ description: 'The `nextCursor` of the previous page, as given.' })
  @IsOptional()
  @IsString()
  @MaxLength(500)
  cursor?: string;
}

/** One page of a list, in a stable order. `nextCursor` is null on the last page. */
export class Page<T> {
  constructor(
    readonly items: T[],
    readonly nextCursor: string | null,
  ) {}
}

export class PageMeta {
  @ApiProperty({
    type: String,
    nullable: true,
    description: 'Pass as `cursor` for the next page; null on the last.',
  })
  nextCursor: string | null;
}

/** Keyset values of the last row of a page, opaque to clients. */
export function encodeCursor(values: readonly (string | number)[]): string {
  return Buffer.from(JSON.stringify(values), 'utf8').toString('base64url');
}

/** What each value of a cursor must be, in keyset order. */
export type CursorKind = 'string' | 'integer' | 'date' | 'uuid';

const CURSOR_CHECKS: Record<CursorKind, (value: unknown) => boolean> = {
  string: (v) => typeof v === 'string',
  integer: (v) => Number.isSafeInteger(v),
  date: (v) => typeof v === 'string' && /^\d{4}-\d{2}-\d{2}$/.test(v),
  uuid: (v) =>
    typeof v === 'string' && /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i.test(v),
};

export function decodeCursor(cursor: string, kinds: CursorKind[]): (string | number)[] {
  let values: unknown;
  try {
    values = JSON.parse(Buffer.from(cursor, 'base64url').toString('utf8'));
  } catch {
    values = undefined;
  }
  if (
    !Array.isArray(values) ||
    values.length !== kinds.length ||
    !values.every((v, i) => CURSOR_CHECKS[kinds[i]](v))
  ) {
    throw new DomainError(
      'invalid',
      'pagination.invalid_cursor',
      'The cursor is not one this list gave out.',
      [{ field: 'cursor', message: 'is not a cursor of this list' }],
    );
  }
  return values as (string | number)[];
}

export function pageSize(query: PageQuery): number {
  return query.limit ?? DEFAULT_PAGE_SIZE;
}

/**
 * Builds a page from rows fetched with one more than the page size: that extra row, if present,
 * proves there is a next page without a second query.
 */
export function toPage<Row, Item>(
  rows: Row[],
  limit: number,
  keyOf: (row: Row) => (string | number)[],
  map: (row: Row) => Item,
): Page<Item> {
  const hasMore = rows.length > limit;
  const pageRows = hasMore ? rows.slice(0, limit) : rows;
  const next = hasMore ? encodeCursor(keyOf(pageRows[pageRows.length - 1])) : null;
  return new Page(pageRows.map(map), next);
}

/** RFC 8288 Link header for the next page: the same request with the cursor replaced. */
export function nextLink(url: string, nextCursor: string): string {
  const parsed = new URL(url, 'http://placeholder');
  parsed.searchParams.set('cursor', nextCursor);
  return `<${parsed.pathname}${parsed.search}>; rel="next"`;
}
