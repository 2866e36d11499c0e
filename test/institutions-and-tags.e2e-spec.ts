import { randomUUID } from 'node:crypto';
import { countRows, expectProblem, fieldsOf, nextLinkOf, walk } from './support/assertions.js';
import { ENGINE, TestApp } from './support/test-app.js';
import { aMember, anInstitution, aTag } from './support/factories.js';

// Institutions lead or support commitments (agencies, parliaments, CSOs, ...), optionally of a member;
// policy-area tags are a lookup named by slug.

describe(`institutions and tags (${ENGINE})`, () => {
  let api: TestApp;
  beforeAll(async () => {
    api = await TestApp.start();
  });
  afterAll(() => api.close());

  describe('institutions', () => {
    let kenya: any;
    let uruguay: any;
    beforeAll(async () => {
      kenya = await aMember(api, { code: 'KEN', name: 'Kenya', region: 'AFRICA_AND_THE_MIDDLE_EAST' });
      uruguay = await aMember(api, { code: 'URY', name: 'Uruguay', region: 'AMERICAS' });
    });

    const stored = async (id: string) =>
      (await api.query<any>(`SELECT name, type, member_id, version FROM institution WHERE id = $1`, [id]))[0];

    describe('registering', () => {
      it('registers an international body without a member, stored and audited', async () => {
        const res = await api.post('/api/v1/institutions', {
          name: '  United Nations Development Programme ',
          type: 'MULTILATERAL',
        });
        expect(res.status).toBe(201);
        expect(res.body).toEqual({
          id: expect.stringMatching(/^[0-9a-f-]{36}$/),
          name: 'United Nations Development Programme',
          type: 'MULTILATERAL',
          member: null,
          version: 1,
          createdAt: expect.any(String),
          updatedAt: expect.any(String),
        });
        expect(res.headers.etag).toBe('"1"');
        expect(await stored(res.body.id)).toEqual({
          name: 'United Nations Development Programme',
          type: 'MULTILATERAL',
          member_id: null,
          version: 1,
        });
        const audit = await api.query<any>(
          `SELECT action, after FROM audit_log WHERE resource_type = 'institution' AND resource_id = $1`,
          [res.body.id],
        );
        expect(audit).toEqual([{ action: 'CREATE', after: res.body }]);
        expect((await api.get(`/api/v1/institutions/${res.body.id}`)).body).toEqual(res.body);
      });

      it("registers a member's institution, shown with the member's code", async () => {
        const res = await api.post('/api/v1/institutions', {
          name: 'Ministry of ICT',
          type: 'GOVERNMENT_AGENCY',
          member: 'KEN',
        });
        expect(res.status).toBe(201);
        expect(res.body).toMatchObject({
          name: 'Ministry of ICT',
          type: 'GOVERNMENT_AGENCY',
          member: 'KEN',
          version: 1,
        });
        expect((await stored(res.body.id)).member_id).toBe(kenya.id);
      });

      it.each([
        ['the same name', 'Office of the Data Commissioner'],
        ['the name in other case', 'OFFICE OF THE DATA COMMISSIONER'],
        ['the name with blanks around it', '  office of the data commissioner '],
      ])(
        'refuses %s twice for the same member with 409 institution.name_taken, and stores nothing',
        async (_, second) => {
          const name = 'Office of the Data Commissioner';
          if ((await countRows(api, 'institution', 'name = $1', [name])) === 0)
            await anInstitution(api, { name, member: 'KEN' });
          const institutions = await countRows(api, 'institution');
          const audit = await countRows(api, 'audit_log');
          const res = await api.post('/api/v1/institutions', {
            name: second,
            type: 'GOVERNMENT_AGENCY',
            member: 'KEN',
          });
          expectProblem(res, 409, 'institution.name_taken');
          expect(fieldsOf(res)).toEqual(['name']);
          expect(await countRows(api, 'institution')).toBe(institutions);
          expect(await countRows(api, 'audit_log')).toBe(audit);
        },
      );

      it('accepts the same name for another member, and for an international body', async () => {
        await anInstitution(api, { name: 'National Assembly', type: 'PARLIAMENT', member: 'KEN' });
        const other = await api.post('/api/v1/institutions', {
          name: 'National Assembly',
          type: 'PARLIAMENT',
          member: 'URY',
        });
        expect(other.status).toBe(201);
        expect(other.body.member).toBe('URY');
        const international = await api.post('/api/v1/institutions', {
          name: 'national assembly',
          type: 'OTHER',
        });
        expect(international.status).toBe(201);
        expect(international.body.member).toBeNull();
        expect(await countRows(api, 'institution', `lower(name) = 'national assembly'`)).toBe(3);
      });

      it('refuses two international bodies with the same name', async () => {
        await anInstitution(api, { name: 'Inter-American Development Bank', type: 'MULTILATERAL' });
        const res = await api.post('/api/v1/institutions', {
          name: 'Inter-American development bank',
          type: 'MULTILATERAL',
        });
        expectProblem(res, 409, 'institution.name_taken');
        expect(await countRows(api, 'institution', `lower(name) = 'inter-american development bank'`)).toBe(
          1,
        );
      });

      it('lets exactly one of several simultaneous registrations of a name through; the others get 409', async () => {
        const results = await Promise.all(
          ['Civic Tech Hub', 'CIVIC TECH HUB', 'civic tech hub'].map((name) =>
            api.post('/api/v1/institutions', { name, type: 'CIVIL_SOCIETY_ORGANISATION', member: 'URY' }),
          ),
        );
        expect(results.map((r) => r.status).sort()).toEqual([201, 409, 409]);
        for (const res of results.filter((r) => r.status === 409))
          expectProblem(res, 409, 'institution.name_taken');
        expect(await countRows(api, 'institution', `lower(name) = 'civic tech hub'`)).toBe(1);
      });

      it.each([['ZZZ'], ['ZZZZ']])(
        'answers 404 member.not_found for the unknown member %s, and stores nothing',
        async (code) => {
          const institutions = await countRows(api, 'institution');
          const audit = await countRows(api, 'audit_log');
          const res = await api.post('/api/v1/institutions', {
            name: 'Nowhere Agency',
            type: 'GOVERNMENT_AGENCY',
            member: code,
          });
          expectProblem(res, 404, 'member.not_found');
          expect(await countRows(api, 'institution')).toBe(institutions);
          expect(await countRows(api, 'audit_log')).toBe(audit);
        },
      );

      it.each([
        ['a member code in lower case', { member: 'ken' }, 'member'],
        ['a member code of five letters', { member: 'KENYA' }, 'member'],
        ['a member id instead of its code', { member: randomUUID() }, 'member'],
        ['an unknown type', { type: 'NGO' }, 'type'],
        ['a missing type', { type: undefined }, 'type'],
        ['an empty name', { name: '' }, 'name'],
        ['a name of 301 characters', { name: 'x'.repeat(301) }, 'name'],
        ['a null name', { name: null }, 'name'],
        ['an unknown field', { website: 'https://example.org' }, 'website'],
      ])('refuses %s with 400 naming the field, and stores nothing', async (_, overrides, field) => {
        const institutions = await countRows(api, 'institution');
        const res = await api.post('/api/v1/institutions', {
          name: 'Some Agency',
          type: 'GOVERNMENT_AGENCY',
          ...overrides,
        });
        expectProblem(res, 400, 'validation.failed');
        expect(fieldsOf(res)).toEqual([field]);
        expect(await countRows(api, 'institution')).toBe(institutions);
      });

      it('refuses an empty body with 400 naming the name and the type', async () => {
        const res = await api.post('/api/v1/institutions', {});
        expectProblem(res, 400, 'validation.failed');
        expect(fieldsOf(res).sort()).toEqual(['name', 'type']);
      });

      it('refuses a name of blanks like an empty name: a 4xx problem naming the name', async () => {
        const institutions = await countRows(api, 'institution');
        const res = await api.post('/api/v1/institutions', { name: '   ', type: 'OTHER' });
        expect([400, 422]).toContain(res.status);
        expectProblem(res, res.status);
        expect(fieldsOf(res)).toEqual(['name']);
        expect(await countRows(api, 'institution')).toBe(institutions);
      });
    });

    describe('listing and reading', () => {
      // Only this block registers institutions of Estonia.
      beforeAll(async () => {
        await aMember(api, { code: 'EST', name: 'Estonia' });
        for (const [name, type] of [
          ['State Information Systems Authority', 'GOVERNMENT_AGENCY'],
          ['Centre for Digital Society Research', 'ACADEMIA'],
          ['Network of Civic Organisations', 'CIVIL_SOCIETY_ORGANISATION'],
          ['Ministry of Justice and Digital Affairs', 'GOVERNMENT_AGENCY'],
          ['Chancellor of Justice', 'OTHER'],
        ]) {
          await anInstitution(api, { name, type, member: 'EST' });
        }
      });

      const names = (items: any[]) => items.map((i) => i.name);

      it("filters by member: only that member's institutions, by name", async () => {
        const res = await api.get('/api/v1/institutions?member=EST');
        expect(res.status).toBe(200);
        expect(names(res.body.items)).toEqual([
          'Centre for Digital Society Research',
          'Chancellor of Justice',
          'Ministry of Justice and Digital Affairs',
          'Network of Civic Organisations',
          'State Information Systems Authority',
        ]);
        expect(res.body.items.every((i: any) => i.member === 'EST')).toBe(true);
        expect(res.body.nextCursor).toBeNull();
        expect((await api.get('/api/v1/institutions?member=est')).body.items).toEqual(res.body.items);
      });

      it('filters by type, and by member and type together', async () => {
        const both = await api.get('/api/v1/institutions?member=EST&type=GOVERNMENT_AGENCY');
        expect(names(both.body.items)).toEqual([
          'Ministry of Justice and Digital Affairs',
          'State Information Systems Authority',
        ]);

        const { items } = await walk(api, '/api/v1/institutions?type=MULTILATERAL');
        expect(items.every((i) => i.type === 'MULTILATERAL')).toBe(true);
        expect(names(items)).toEqual(
          expect.arrayContaining(['United Nations Development Programme', 'Inter-American Development Bank']),
        );
        expect(items).toHaveLength(await countRows(api, 'institution', `type = 'MULTILATERAL'`));
        expect(names(items)).toEqual([...names(items)].sort());
      });

      it('answers an empty page for a member without institutions, or a code no member has', async () => {
        const fresh = await aMember(api);
        for (const code of [fresh.code, 'ZZZ']) {
          const res = await api.get(`/api/v1/institutions?member=${code}`);
          expect(res.status).toBe(200);
          expect(res.body).toEqual({ items: [], nextCursor: null });
        }
      });

      it('lists every institution by name, then id, across pages', async () => {
        const { items } = await walk(api, '/api/v1/institutions?limit=4');
        expect(items).toHaveLength(await countRows(api, 'institution'));
        expect(new Set(items.map((i) => i.id)).size).toBe(items.length);
        const keys = items.map((i) => `${i.name}\u0000${i.id}`);
        expect(keys).toEqual([...keys].sort());
      });

      it('pages with a cursor and a Link header that keeps the filters', async () => {
        const first = await api.get('/api/v1/institutions?member=EST&limit=2');
        expect(names(first.body.items)).toEqual([
          'Centre for Digital Society Research',
          'Chancellor of Justice',
        ]);
        const next = new URL(nextLinkOf(first) as string, 'http://x');
        expect(next.searchParams.get('member')).toBe('EST');
        expect(next.searchParams.get('cursor')).toBe(first.body.nextCursor);
        const { items, pages } = await walk(api, '/api/v1/institutions?member=EST&limit=2');
        expect(pages).toBe(3);
        expect(items).toHaveLength(5);
      });

      it.each([
        ['type=NGO', 'type'],
        ['member=ESTONIA', 'member'],
        ['limit=0', 'limit'],
        ['name=Centre', 'name'],
      ])('refuses ?%s with 400 naming the parameter', async (query, field) => {
        const res = await api.get(`/api/v1/institutions?${query}`);
        expectProblem(res, 400);
        expect(fieldsOf(res)).toEqual([field]);
      });

      it('refuses a cursor the list never gave out with 400', async () => {
        const res = await api.get(
          `/api/v1/institutions?cursor=${Buffer.from('["a"]').toString('base64url')}`,
        );
        expectProblem(res, 400);
        expect(fieldsOf(res)).toEqual(['cursor']);
      });

      it.each([
        ['a malformed id', 'not-an-id'],
        ['a name', 'Chancellor%20of%20Justice'],
        ['an unknown id', randomUUID()],
      ])('answers 404 institution.not_found for %s', async (_, id) => {
        expectProblem(await api.get(`/api/v1/institutions/${id}`), 404, 'institution.not_found');
      });
    });

    describe('changing', () => {
      let agency: any;
      let sibling: any;
      beforeEach(async () => {
        agency = await anInstitution(api, {
          name: `Digital Office ${randomUUID().slice(0, 8)}`,
          member: 'URY',
        });
        sibling = await anInstitution(api, { name: `Data Unit ${randomUUID().slice(0, 8)}`, member: 'URY' });
      });
      const url = () => `/api/v1/institutions/${agency.id}`;

      it('renames with the current If-Match: version + 1, ETag, stored, audited with before and after', async () => {
        const res = await api.patch(
          url(),
          { name: '  National Agency for Digital Government ' },
          { 'if-match': '"1"' },
        );
        expect(res.status).toBe(200);
        expect(res.body).toMatchObject({
          id: agency.id,
          name: 'National Agency for Digital Government',
          member: 'URY',
          version: 2,
        });
        expect(res.headers.etag).toBe('"2"');
        expect(await stored(agency.id)).toEqual({
          name: 'National Agency for Digital Government',
          type: 'GOVERNMENT_AGENCY',
          member_id: uruguay.id,
          version: 2,
        });
        const audit = await api.query<any>(
          `SELECT before, after FROM audit_log WHERE resource_type = 'institution' AND resource_id = $1 AND action = 'UPDATE'`,
          [agency.id],
        );
        expect(audit).toEqual([{ before: agency, after: res.body }]);
        // The new name is taken now; the old one is free again.
        const taken = await api.post('/api/v1/institutions', {
          name: 'national agency for digital government',
          type: 'OTHER',
          member: 'URY',
        });
        expectProblem(taken, 409, 'institution.name_taken');
        expect(
          (await api.post('/api/v1/institutions', { name: agency.name, type: 'OTHER', member: 'URY' }))
            .status,
        ).toBe(201);
      });

      it('changes the type', async () => {
        const res = await api.patch(url(), { type: 'COURT' });
        expect(res.status).toBe(200);
        expect(res.body).toMatchObject({ type: 'COURT', version: 2 });
      });

      it('changes only the case of its own name', async () => {
        const res = await api.patch(url(), { name: agency.name.toUpperCase() });
        expect(res.status).toBe(200);
        expect(res.body).toMatchObject({ name: agency.name.toUpperCase(), version: 2 });
      });

      it("refuses a rename into another institution's name of the same member with 409, and changes nothing", async () => {
        const audit = await countRows(api, 'audit_log');
        for (const name of [sibling.name, sibling.name.toLowerCase()]) {
          const res = await api.patch(url(), { name }, { 'if-match': '"1"' });
          expectProblem(res, 409, 'institution.name_taken');
          expect(fieldsOf(res)).toEqual(['name']);
        }
        expect(await stored(agency.id)).toMatchObject({ name: agency.name, version: 1 });
        expect(await countRows(api, 'audit_log')).toBe(audit);
      });

      it("accepts a rename into another member's institution's name", async () => {
        const kenyan = await anInstitution(api, {
          name: `Kenyan Office ${randomUUID().slice(0, 8)}`,
          member: 'KEN',
        });
        const res = await api.patch(url(), { name: kenyan.name });
        expect(res.status).toBe(200);
        expect(res.body.name).toBe(kenyan.name);
      });

      it('refuses a rename without If-Match (428) or with a stale one (412), and changes nothing', async () => {
        expectProblem(
          await api.request('PATCH', url(), { name: 'Renamed' }),
          428,
          'precondition.if_match_required',
        );
        expectProblem(
          await api.patch(url(), { name: 'Renamed' }, { 'if-match': '"3"' }),
          412,
          'precondition.stale_version',
        );
        expect(await stored(agency.id)).toMatchObject({ name: agency.name, version: 1 });
      });

      it.each([
        ['a null name', { name: null }, 'name'],
        ['an empty name', { name: '' }, 'name'],
        ['a null type', { type: null }, 'type'],
        ['an unknown type', { type: 'NGO' }, 'type'],
        ['a change of member', { member: 'KEN' }, 'member'],
      ])('refuses %s with 400 naming the field, and changes nothing', async (_, body, field) => {
        const res = await api.patch(url(), body);
        expectProblem(res, 400, 'validation.failed');
        expect(fieldsOf(res)).toEqual([field]);
        expect(await stored(agency.id)).toMatchObject({
          name: agency.name,
          member_id: uruguay.id,
          version: 1,
        });
      });

      it.each([
        ['an unknown id', randomUUID()],
        ['a malformed id', 'agency-1'],
      ])('answers 404 institution.not_found for %s', async (_, id) => {
        expectProblem(
          await api.patch(`/api/v1/institutions/${id}`, { name: 'x' }, { 'if-match': '"1"' }),
          404,
          'institution.not_found',
        );
      });
    });
  });

  describe('policy-area tags', () => {
    const storedTags = (slug: string) =>
      api.query<any>(`SELECT slug, label FROM policy_area_tag WHERE slug = $1`, [slug]);

    it('derives the slug from the label when none is given, stored and audited', async () => {
      const res = await api.post('/api/v1/tags', { label: 'Data Stewardship and Privacy' });
      expect(res.status).toBe(201);
      expect(res.body).toEqual({
        slug: 'data-stewardship-and-privacy',
        label: 'Data Stewardship and Privacy',
      });
      expect(await storedTags('data-stewardship-and-privacy')).toEqual([
        { slug: 'data-stewardship-and-privacy', label: 'Data Stewardship and Privacy' },
      ]);
      expect(
        await countRows(
          api,
          'audit_log',
          `resource_type = 'tag' AND action = 'CREATE' AND after->>'slug' = 'data-stewardship-and-privacy'`,
        ),
      ).toBe(1);
    });

    it.each([
      ['Participación & Tecnología', 'participacion-and-tecnologia'],
      ['  Automated Decision-making  ', 'automated-decision-making'],
      ['AI / Machine Learning (2025)', 'ai-machine-learning-2025'],
    ])('derives the slug of %p as %p', async (label, slug) => {
      const res = await api.post('/api/v1/tags', { label });
      expect(res.status).toBe(201);
      expect(res.body).toEqual({ slug, label: label.trim() });
    });

    it('uses an explicit slug as given', async () => {
      const res = await api.post('/api/v1/tags', { label: 'Digital ID', slug: 'digital-identity' });
      expect(res.status).toBe(201);
      expect(res.body).toEqual({ slug: 'digital-identity', label: 'Digital ID' });
      expect(await storedTags('digital-id')).toEqual([]);
    });

    it.each([
      ['with blanks and capitals', 'Open Data'],
      ['with an underscore', 'open_data'],
      ['starting with a hyphen', '-open'],
      ['ending with a hyphen', 'open-'],
      ['with two hyphens in a row', 'open--data'],
      ['with accents', 'participación'],
      ['empty', ''],
      ['of 81 characters', 'a'.repeat(81)],
      ['that is a number', 42],
    ])('refuses an explicit slug %s with 400 naming the slug, and stores nothing', async (_, slug) => {
      const tags = await countRows(api, 'policy_area_tag');
      const res = await api.post('/api/v1/tags', { label: 'Open Data', slug });
      expectProblem(res, 400, 'validation.failed');
      expect(fieldsOf(res)).toEqual(['slug']);
      expect(await countRows(api, 'policy_area_tag')).toBe(tags);
    });

    it('refuses a duplicate slug with 409 tag.slug_taken, given or derived, and keeps the first label', async () => {
      await aTag(api, 'Open Data');
      const tags = await countRows(api, 'policy_area_tag');
      const audit = await countRows(api, 'audit_log');
      const given = await api.post('/api/v1/tags', { label: 'Open government data', slug: 'open-data' });
      expectProblem(given, 409, 'tag.slug_taken');
      expect(fieldsOf(given)).toEqual(['slug']);
      const derived = await api.post('/api/v1/tags', { label: 'OPEN  data' });
      expectProblem(derived, 409, 'tag.slug_taken');
      expect(await countRows(api, 'policy_area_tag')).toBe(tags);
      expect(await countRows(api, 'audit_log')).toBe(audit);
      expect(await storedTags('open-data')).toEqual([{ slug: 'open-data', label: 'Open Data' }]);
    });

    it('refuses a label without a letter or digit to make a slug of, with 422 naming the label', async () => {
      const tags = await countRows(api, 'policy_area_tag');
      const res = await api.post('/api/v1/tags', { label: '!!! ---' });
      expectProblem(res, 422, 'tag.invalid_label');
      expect(fieldsOf(res)).toEqual(['label']);
      expect(await countRows(api, 'policy_area_tag')).toBe(tags);
    });

    it.each([
      ['a missing label', { slug: 'no-label' }, 'label'],
      ['an empty label', { label: '' }, 'label'],
      ['a label of 201 characters', { label: 'x'.repeat(201) }, 'label'],
      ['an unknown field', { label: 'Budgets', colour: 'red' }, 'colour'],
    ])('refuses %s with 400 naming the field', async (_, body, field) => {
      const tags = await countRows(api, 'policy_area_tag');
      const res = await api.post('/api/v1/tags', body);
      expectProblem(res, 400, 'validation.failed');
      expect(fieldsOf(res)).toEqual([field]);
      expect(await countRows(api, 'policy_area_tag')).toBe(tags);
    });

    it('accepts a long label without a slug: the derived slug fits, or the refusal names the field', async () => {
      const label =
        'Participatory oversight of automated decision-making systems in social protection and public employment services';
      expect(label.length).toBeLessThanOrEqual(200);
      const res = await api.post('/api/v1/tags', { label });
      if (res.status === 201) {
        expect(res.body.label).toBe(label);
        expect(res.body.slug.length).toBeLessThanOrEqual(80);
        expect(res.body.slug).toMatch(/^[a-z0-9]+(-[a-z0-9]+)*$/);
      } else {
        expectProblem(res, res.status);
        expect(res.status).toBeLessThan(500);
        expect(fieldsOf(res).length).toBeGreaterThan(0);
        expect(['label', 'slug']).toEqual(expect.arrayContaining(fieldsOf(res)));
      }
    });

    it('lists the tags by slug, across pages with Link headers', async () => {
      for (const label of ['Right to Information', 'Artificial Intelligence', 'Public Procurement'])
        await aTag(api, label);
      const { items, pages } = await walk(api, '/api/v1/tags?limit=3');
      expect(pages).toBeGreaterThan(1);
      expect(items).toHaveLength(await countRows(api, 'policy_area_tag'));
      const slugs = items.map((t) => t.slug);
      expect(slugs).toEqual([...slugs].sort());
      expect(new Set(slugs).size).toBe(slugs.length);
      expect(slugs).toEqual(
        expect.arrayContaining([
          'artificial-intelligence',
          'data-stewardship-and-privacy',
          'open-data',
          'right-to-information',
        ]),
      );
      expect(items.find((t) => t.slug === 'public-procurement')).toEqual({
        slug: 'public-procurement',
        label: 'Public Procurement',
      });

      const first = await api.get('/api/v1/tags?limit=2');
      expect(first.body.items.map((t: any) => t.slug)).toEqual(slugs.slice(0, 2));
      const second = await api.get(`/api/v1/tags?limit=2&cursor=${first.body.nextCursor}`);
      expect(second.body.items.map((t: any) => t.slug)).toEqual(slugs.slice(2, 4));
    });

    it.each([
      ['limit=0', 'limit'],
      ['label=Open', 'label'],
    ])('refuses ?%s with 400 naming the parameter', async (query, field) => {
      const res = await api.get(`/api/v1/tags?${query}`);
      expectProblem(res, 400);
      expect(fieldsOf(res)).toEqual([field]);
    });

    it('reads a tag by its slug', async () => {
      const res = await api.get('/api/v1/tags/data-stewardship-and-privacy');
      expect(res.status).toBe(200);
      expect(res.body).toEqual({
        slug: 'data-stewardship-and-privacy',
        label: 'Data Stewardship and Privacy',
      });
    });

    it.each([
      ['an unknown slug', 'no-such-tag'],
      ['a label instead of a slug', 'Open%20Data'],
      ['an id', randomUUID()],
    ])('answers 404 tag.not_found for %s', async (_, slug) => {
      expectProblem(await api.get(`/api/v1/tags/${slug}`), 404, 'tag.not_found');
    });
  });
});
