import type { Response, TestApp } from './test-app.js';

export const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/;

/**
 * A refusal as this API answers it: RFC 9457 problem details with this status (and code, and a
 * named field), the request id of the answer, and nothing internal in it. Returns the body.
 */
export function expectProblem(res: Response, status: number, code?: string, field?: string): any {
  expect({ status: res.status, body: res.body }).toMatchObject({ status, body: { status } });
  expect(String(res.headers['content-type'])).toMatch(/^application\/problem\+json/);
  expect(res.body).toMatchObject({
    type: expect.stringMatching(/^urn:commitment-tracker:problem:/),
    title: expect.any(String),
    detail: expect.any(String),
    code: expect.any(String),
    requestId: expect.any(String),
  });
  expect(res.body.requestId).toBe(res.headers['x-request-id']);
  if (code !== undefined) expect(res.body.code).toBe(code);
  if (field !== undefined) {
    expect(res.body.errors).toEqual(
      expect.arrayContaining([expect.objectContaining({ field, message: expect.any(String) })]),
    );
  }
  // No stack trace, SQL or internal (constraint, class, file) name ever reaches a client.
  expect(res.text).not.toMatch(
    /QueryFailedError|TypeORM|\bat .+\(.+:\d+:\d+\)|\bSELECT\b|\bINSERT\b|\bUPDATE\b|\b(ck|uq|fk|pk)_[a-z_]+|\.ts:\d+|node_modules/,
  );
  return res.body;
}

/** The fields a problem names, in order. */
export function fieldsOf(res: Response): string[] {
  return (res.body?.errors ?? []).map((e: { field: string }) => e.field);
}

export async function countRows(
  api: TestApp,
  table: string,
  where = 'TRUE',
  params: unknown[] = [],
): Promise<number> {
  const [{ n }] = await api.query<{ n: number }>(
    `SELECT count(*)::int AS n FROM ${table} WHERE ${where}`,
    params,
  );
  return n;
}

/** The URL of a `Link: <...>; rel="next"` header, or undefined when there is none. */
export function nextLinkOf(res: Response): string | undefined {
  const link = res.headers.link;
  if (link === undefined) return undefined;
  const match = /^<([^>]+)>;\s*rel="next"$/.exec(String(link));
  if (!match) throw new Error(`not an RFC 8288 next link: ${String(link)}`);
  return match[1];
}

/** Walks a list by following its Link headers, checking on each page that nextCursor and Link agree. */
export async function walk(api: TestApp, firstUrl: string): Promise<{ items: any[]; pages: number }> {
  const items: any[] = [];
  let url: string | undefined = firstUrl;
  let pages = 0;
  while (url !== undefined) {
    const res = await api.get(url);
    expect(res.status).toBe(200);
    pages += 1;
    items.push(...res.body.items);
    const next = nextLinkOf(res);
    if (res.body.nextCursor === null) expect(next).toBeUndefined();
    else expect(new URL(next as string, 'http://x').searchParams.get('cursor')).toBe(res.body.nextCursor);
    url = next;
    if (pages > 100) throw new Error('the list does not end');
  }
  return { items, pages };
}
