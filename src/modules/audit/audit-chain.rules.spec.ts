import { createHash } from 'node:crypto';
import {
  type ChainedContent,
  contentHash,
  entryHash,
  firstBreak,
  linkHash,
  type StoredEntry,
} from './audit-chain.rules.js';

function chain(n: number): StoredEntry[] {
  const entries: StoredEntry[] = [];
  let prev: string | null = null;
  for (let i = 1; i <= n; i += 1) {
    const content: ChainedContent = {
      prevHash: prev,
      occurredAt: `2026-01-0${i}T00:00:00.000Z`,
      requestId: `r${i}`,
      actorId: null,
      actorRole: 'admin',
      action: 'UPDATE',
      resourceType: 'member',
      resourceId: 'm1',
      commitmentId: null,
      before: { name: `v${i - 1}` },
      after: { name: `v${i}` },
    };
    const hash = entryHash(content);
    entries.push({ ...content, id: String(i), hash });
    prev = hash;
  }
  return entries;
}

describe('the audit chain', () => {
  it('holds when nothing was touched', () => expect(firstBreak(chain(4), null)).toBeUndefined());

  it('does not depend on the order of keys in before and after', () => {
    const [entry] = chain(1);
    expect(entryHash({ ...entry, after: { b: 2, a: 1 } })).toBe(
      entryHash({ ...entry, after: { a: 1, b: 2 } }),
    );
  });

  it('names an edited entry', () => {
    const entries = chain(4);
    entries[2] = { ...entries[2], after: { name: 'forged' } };
    expect(firstBreak(entries, null)).toEqual({
      id: '3',
      reason: 'the entry was changed after it was written',
    });
  });

  it('names the entry after a deleted one', () => {
    const entries = chain(4);
    entries.splice(1, 1);
    expect(firstBreak(entries, null)).toMatchObject({ id: '3', reason: expect.stringContaining('deleted') });
  });

  it('names an entry whose hash was recomputed to cover an edit, by the next one', () => {
    const entries = chain(3);
    const forged = { ...entries[1], after: { name: 'forged' } };
    entries[1] = { ...forged, hash: entryHash(forged) };
    expect(firstBreak(entries, null)).toMatchObject({ id: '3' });
  });

  it('continues from the hash of the batch before', () => {
    const entries = chain(4);
    expect(firstBreak(entries.slice(2), entries[1].hash)).toBeUndefined();
    expect(firstBreak(entries.slice(2), 'f'.repeat(64))).toMatchObject({ id: '3' });
  });
});

/** Entries as the database links them at commit (scheme 2). */
function linkedChain(n: number): StoredEntry[] {
  const entries: StoredEntry[] = [];
  let prev: string | null = null;
  for (let i = 1; i <= n; i += 1) {
    const content = {
      occurredAt: `2026-02-0${i}T00:00:00.000Z`,
      requestId: null,
      actorId: null,
      actorRole: 'system',
      action: 'CREATE',
      resourceType: 'progress_update',
      resourceId: `u${i}`,
      commitmentId: null,
      before: null,
      after: { narrative: `report ${i}` },
    };
    const hash = linkHash(prev, contentHash(content));
    entries.push({ ...content, prevHash: prev, id: String(i), hash, hashScheme: 2 });
    prev = hash;
  }
  return entries;
}

describe('the audit chain linked at commit (scheme 2)', () => {
  it('holds when nothing was touched, and continues a scheme 1 chain', () => {
    const old = chain(2);
    const linked = linkedChain(1).map((e) => ({ ...e, prevHash: old[1].hash }));
    linked[0].hash = linkHash(old[1].hash, contentHash(linked[0]));
    expect(firstBreak([...old, ...linked], null)).toBeUndefined();
  });

  it('links as PostgreSQL does: sha256 of the previous hash (or nothing) then the content hash, as text', () => {
    // SELECT encode(sha256(convert_to('' || repeat('a', 64), 'UTF8')), 'hex')
    expect(linkHash(null, 'a'.repeat(64))).toBe(createHash('sha256').update('a'.repeat(64)).digest('hex'));
    expect(linkHash('b'.repeat(64), 'a'.repeat(64))).toBe(
      createHash('sha256')
        .update(`${'b'.repeat(64)}${'a'.repeat(64)}`)
        .digest('hex'),
    );
  });

  it('does not depend on the order of keys in the content', () => {
    const [entry] = linkedChain(1);
    expect(contentHash({ ...entry, after: { b: 2, a: 1 } })).toBe(
      contentHash({ ...entry, after: { a: 1, b: 2 } }),
    );
  });

  it('names an edited entry', () => {
    const entries = linkedChain(4);
    entries[1] = { ...entries[1], resourceId: 'forged' };
    expect(firstBreak(entries, null)).toEqual({
      id: '2',
      reason: 'the entry was changed after it was written',
    });
  });

  it('names an entry whose scheme was switched to dodge the check', () => {
    const entries = linkedChain(3);
    entries[2] = { ...entries[2], hashScheme: 1 };
    expect(firstBreak(entries, null)).toMatchObject({ id: '3', reason: expect.stringContaining('changed') });
  });

  it('names the entry after a deleted one', () => {
    const entries = linkedChain(4);
    entries.splice(1, 1);
    expect(firstBreak(entries, null)).toMatchObject({ id: '3', reason: expect.stringContaining('deleted') });
  });
});
