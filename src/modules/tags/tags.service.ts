import { Injectable } from '@nestjs/common';
import { randomUUID } from 'node:crypto';
import { DataSource, type EntityManager } from 'typeorm';
import type { Actor } from '../../common/auth/actor.js';
import { registerConstraintMessages } from '../../common/errors/constraint-messages.js';
import { DomainError, invalidFields, notFound } from '../../common/errors/domain-error.js';
import { decodeCursor, type Page, pageSize, toPage } from '../../common/pagination/pagination.js';
import { AuditService } from '../audit/audit.service.js';
import { type CreateTagDto, type ListTagsQuery, type TagResponse, toTagResponse } from './dto/tag.dto.js';
import { PolicyAreaTag } from './policy-area-tag.entity.js';
import { slugOf, TAG_SLUG } from './tag.rules.js';

registerConstraintMessages({
  uq_policy_area_tag_slug: {
    kind: 'conflict',
    code: 'tag.slug_taken',
    field: 'slug',
    message: 'A tag with this slug already exists.',
  },
});

@Injectable()
export class TagsService {
  constructor(
    private readonly dataSource: DataSource,
    private readonly audit: AuditService,
  ) {}

  async list(query: ListTagsQuery): Promise<Page<TagResponse>> {
    const limit = pageSize(query);
    const qb = this.dataSource
      .getRepository(PolicyAreaTag)
      .createQueryBuilder('t')
      .orderBy('t.slug', 'ASC')
      .limit(limit + 1);
    if (query.cursor) qb.andWhere('t.slug > :after', { after: decodeCursor(query.cursor, ['string'])[0] });
    return toPage(await qb.getMany(), limit, (t) => [t.slug], toTagResponse);
  }

  async get(slug: string): Promise<TagResponse> {
    const tag = await this.dataSource.manager.findOneBy(PolicyAreaTag, { slug });
    if (!tag) throw notFound('tag', slug);
    return toTagResponse(tag);
  }

  async create(actor: Actor, dto: CreateTagDto): Promise<TagResponse> {
    const slug = dto.slug ?? slugOf(dto.label);
    if (!TAG_SLUG.test(slug)) {
      throw invalidFields('tag.invalid_label', [
        { field: 'label', message: 'must contain letters or digits' },
      ]);
    }
    return this.dataSource.transaction(async (tx) => {
      if (await tx.existsBy(PolicyAreaTag, { slug })) {
        throw new DomainError('conflict', 'tag.slug_taken', `A tag "${slug}" already exists.`, [
          { field: 'slug', message: 'is already taken' },
        ]);
      }
      const id = randomUUID();
      await tx.insert(PolicyAreaTag, { id, slug, label: dto.label.trim() });
      const created = toTagResponse(await tx.findOneByOrFail(PolicyAreaTag, { id }));
      await this.audit.record(tx, actor, {
        action: 'CREATE',
        resourceType: 'tag',
        resourceId: slug,
        after: created,
      });
      return created;
    });
  }

  /** Ids of the tags with these slugs, in order; each unknown slug is reported against `field[index]`. */
  async idsOf(tx: EntityManager, slugs: string[], field: string): Promise<string[]> {
    if (slugs.length === 0) return [];
    const rows: { id: string; slug: string }[] = await tx.query(
      `SELECT id, slug FROM policy_area_tag WHERE slug = ANY($1::text[])`,
      [slugs],
    );
    const bySlug = new Map(rows.map((r) => [r.slug, r.id]));
    const errors = slugs.flatMap((slug, index) =>
      bySlug.has(slug)
        ? []
        : [{ field: `${field}[${index}]`, message: `no tag "${slug}" exists (see GET /api/v1/tags)` }],
    );
    if (errors.length > 0) throw invalidFields('tag.not_found', errors);
    return slugs.map((slug) => bySlug.get(slug) as string);
  }
}
