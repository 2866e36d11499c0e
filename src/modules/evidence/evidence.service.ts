import { Inject, Injectable } from '@nestjs/common';
import { randomUUID } from 'node:crypto';
import { DataSource, type EntityManager } from 'typeorm';
import { AccessDeniedError } from '../../common/auth/access-denied.js';
import type { Actor } from '../../common/auth/actor.js';
import { registerConstraintMessages } from '../../common/errors/constraint-messages.js';
import { DomainError, type FieldError, invalidFields, notFound } from '../../common/errors/domain-error.js';
import { decodeCursor, type Page, pageSize, toPage } from '../../common/pagination/pagination.js';
import { isUuid } from '../../common/validation/decorators.js';
import type { AppConfig } from '../../config/app-config.js';
import { APP_CONFIG } from '../../config/app-config.provider.js';
import { canActForMember } from '../access/access.rules.js';
import { AuditService } from '../audit/audit.service.js';
import { agreementVerdict, evidenceCounts } from '../commitments/agreement.rules.js';
import { CommitmentsService } from '../commitments/commitments.service.js';
import { commitmentKey, selectAgreementFacts } from '../commitments/commitments.queries.js';
import { detectMediaType, DOCUMENT_REFERENCE, documentProblems, sha256Hex } from './document.rules.js';
import type {
  AgreementResponse,
  CreateEvidenceDto,
  CreateReplyDto,
  DocumentResponse,
  EvidenceResponse,
  HideDto,
  ListEvidenceQuery,
  ReplyResponse,
} from './dto/evidence.dto.js';
import { Evidence, EvidenceDocument, EvidenceReply } from './evidence.entities.js';
import { selectEvidence, visibleTo } from './evidence.queries.js';

registerConstraintMessages({
  uq_evidence_document_reference: {
    kind: 'conflict',
    code: 'document.reference_taken',
    field: 'documents',
    message: 'Two documents of one evidence item cannot share a reference.',
  },
});

const isAdmin = (actor: Actor) =>
  actor.kind === 'system' || (actor.kind === 'user' && actor.role === 'admin');

/** Civic oversight evidence, its documents and its right-of-reply thread; moderation hides, never deletes. */
@Injectable()
export class EvidenceService {
  constructor(
    private readonly dataSource: DataSource,
    private readonly commitments: CommitmentsService,
    private readonly audit: AuditService,
    @Inject(APP_CONFIG) private readonly config: AppConfig,
  ) {}

  async list(actor: Actor, commitmentKey: string, query: ListEvidenceQuery): Promise<Page<EvidenceResponse>> {
    const commitment = await this.commitments.find(this.dataSource.manager, commitmentKey);
    const limit = pageSize(query);
    const params: unknown[] = [commitment.id];
    const where = ['e.commitment_id = $1', visibleTo(actor, params)];
    if (query.stance) where.push(`e.stance = $${params.push(query.stance)}`);
    if (query.cursor) {
      const [createdAt, id] = decodeCursor(query.cursor, ['string', 'uuid']);
      where.push(
        `(e.created_at, e.id) < ($${params.push(createdAt)}::timestamptz, $${params.push(id)}::uuid)`,
      );
    }
    const rows = await selectEvidence(this.dataSource.manager, where, params, {
      limit: limit + 1,
      order: 'newest',
    });
    return toPage(
      rows,
      limit,
      (e) => [e.createdAt, e.id],
      (e) => e,
    );
  }

  async get(actor: Actor, id: string): Promise<EvidenceResponse> {
    return this.readVisible(this.dataSource.manager, actor, id);
  }

  async submit(actor: Actor, commitmentKey: string, dto: CreateEvidenceDto): Promise<EvidenceResponse> {
    const organisation = this.organisationOf(actor, dto);
    const problems = targetProblems(dto);
    if (problems.length > 0) throw invalidFields('evidence.invalid', problems);
    return this.dataSource.transaction(async (tx) => {
      const commitment = await this.commitments.find(tx, commitmentKey, true);
      await this.assertTargetsOf(tx, commitment.id, dto);
      if (organisation.id) {
        const rows: unknown[] = await tx.query('SELECT 1 FROM organisation WHERE id = $1', [organisation.id]);
        if (rows.length === 0)
          throw invalidFields('evidence.invalid', [
            { field: 'organisationId', message: 'no such organisation' },
          ]);
      }
      const id = randomUUID();
      await tx.insert(Evidence, {
        id,
        commitmentId: commitment.id,
        milestoneId: dto.milestoneId ?? null,
        progressUpdateId: dto.progressUpdateId ?? null,
        type: dto.type,
        title: dto.title.trim(),
        summary: dto.summary.trim(),
        organisationId: organisation.id,
        organisationName: organisation.name,
        activityDate: dto.activityDate ?? null,
        links: (dto.links ?? []).map((l) => ({ url: l.url, title: l.title ?? null })),
        iap2Level: dto.iap2Level ?? null,
        stance: dto.stance,
        supportedCompletion: dto.supportedCompletion ?? null,
        visibility: dto.visibility ?? 'PUBLIC',
        submittedBy: actor.kind === 'user' ? actor.userId : null,
        submittedRole: actor.kind === 'user' ? actor.role : actor.kind,
      });
      if (dto.documents && dto.documents.length > 0) {
        await tx.insert(
          EvidenceDocument,
          dto.documents.map((d) => ({
            id: randomUUID(),
            evidenceId: id,
            reference: d.reference,
            url: d.url ?? null,
            sha256: d.sha256 ?? null,
            sizeBytes: d.sizeBytes === undefined ? null : String(d.sizeBytes),
          })),
        );
      }
      const created = await this.read(tx, id);
      await this.recordChange(tx, actor, 'CREATE', created, commitment.id);
      await this.commitments.refreshAgreement(tx, commitment.id);
      return created;
    });
  }

  /**
   * Stores the bytes of a document of the evidence: checked by content (type, size) and against the
   * hash and size declared for its reference. The same bytes again change nothing; other bytes under a
   * reference already uploaded are refused.
   */
  async upload(
    actor: Actor,
    evidenceId: string,
    reference: string,
    bytes: Buffer,
    declaredType?: string,
  ): Promise<DocumentResponse> {
    if (!DOCUMENT_REFERENCE.test(reference)) {
      throw new DomainError(
        'invalid',
        'document.invalid_reference',
        'A document reference is letters, digits, dots, dashes or underscores (up to 120), starting with a letter or digit.',
        [{ field: 'reference', message: 'must be letters, digits, dots, dashes or underscores (up to 120)' }],
      );
    }
    return this.dataSource.transaction(async (tx) => {
      const evidence = await this.readVisible(tx, actor, evidenceId);
      const row = await tx.findOneBy(Evidence, { id: evidence.id });
      if (
        !isAdmin(actor) &&
        !(
          actor.kind === 'user' &&
          actor.role === 'civil_society' &&
          actor.organisationId === row?.organisationId
        )
      ) {
        throw new AccessDeniedError(
          actor,
          { resourceType: 'evidence_document', resourceId: `${evidence.id}/${reference}` },
          'Only the organisation that submitted the evidence (or an admin) may add its documents.',
        );
      }
      const existing = await tx
        .getRepository(EvidenceDocument)
        .createQueryBuilder('d')
        .addSelect('d.content')
        .where('d.evidence_id = :id AND d.reference = :reference', { id: evidence.id, reference })
        .getOne();
      const sha256 = sha256Hex(bytes);
      if (existing?.uploadedAt) {
        if (existing.sha256 === sha256) return toDocumentResponse(evidence.id, existing);
        throw new DomainError(
          'conflict',
          'document.already_uploaded',
          `"${reference}" already holds other bytes (SHA-256 ${existing.sha256}). A document never changes: upload the new one under a new reference.`,
        );
      }
      const problem = documentProblems({
        bytes,
        declaredType,
        maxBytes: this.config.documentMaxBytes,
        expected: existing
          ? {
              sha256: existing.sha256,
              sizeBytes: existing.sizeBytes === null ? null : Number(existing.sizeBytes),
            }
          : undefined,
      });
      if (problem) {
        const kind = problem.code === 'document.too_large' ? 'invalid' : 'unprocessable';
        throw new DomainError(kind, problem.code, problem.message, [
          { field: problem.field, message: problem.message },
        ]);
      }
      const mediaType = detectMediaType(bytes, declaredType) ?? null;
      const values = {
        sha256,
        sizeBytes: String(bytes.length),
        mediaType,
        content: bytes,
        uploadedAt: new Date(),
      };
      if (existing) await tx.update(EvidenceDocument, { id: existing.id }, values);
      else
        await tx.insert(EvidenceDocument, {
          id: randomUUID(),
          evidenceId: evidence.id,
          reference,
          url: null,
          ...values,
        });
      const stored = await tx.findOneByOrFail(EvidenceDocument, { evidenceId: evidence.id, reference });
      await this.audit.record(tx, actor, {
        action: existing ? 'UPDATE' : 'CREATE',
        resourceType: 'evidence_document',
        resourceId: `${evidence.id}/${reference}`,
        commitmentId: evidence.visibility === 'PUBLIC' ? row?.commitmentId : undefined,
        after: { reference, sha256, sizeBytes: bytes.length, mediaType },
      });
      return toDocumentResponse(evidence.id, stored);
    });
  }

  async download(
    actor: Actor,
    evidenceId: string,
    reference: string,
  ): Promise<{ bytes: Buffer; mediaType: string; sha256: string }> {
    const evidence = await this.readVisible(this.dataSource.manager, actor, evidenceId);
    const document = await this.dataSource
      .getRepository(EvidenceDocument)
      .createQueryBuilder('d')
      .addSelect('d.content')
      .where('d.evidence_id = :id AND d.reference = :reference', { id: evidence.id, reference })
      .getOne();
    if (!document?.content) throw notFound('document', reference);
    return {
      bytes: document.content,
      mediaType: document.mediaType ?? 'application/octet-stream',
      sha256: document.sha256 ?? '',
    };
  }

  /** Right of reply: a point of contact of the commitment's member; the submitting organisation answering back; admins. */
  async reply(actor: Actor, evidenceId: string, dto: CreateReplyDto): Promise<EvidenceResponse> {
    return this.dataSource.transaction(async (tx) => {
      const evidence = await this.readVisible(tx, actor, evidenceId);
      const row = await tx.findOneByOrFail(Evidence, { id: evidence.id });
      const commitment = await this.commitments.find(tx, row.commitmentId);
      const mayReply =
        isAdmin(actor) ||
        (actor.kind === 'user' &&
          actor.role === 'government_poc' &&
          canActForMember(actor, commitment.memberId)) ||
        (actor.kind === 'user' &&
          actor.role === 'civil_society' &&
          actor.organisationId !== null &&
          actor.organisationId === row.organisationId);
      if (!mayReply) {
        throw new AccessDeniedError(
          actor,
          {
            resourceType: 'evidence_reply',
            resourceId: `new on evidence ${row.id}`,
            commitmentId: commitment.id,
          },
          "The government of the commitment's member replies to evidence, and the organisation that submitted it answers back.",
        );
      }
      const id = randomUUID();
      await tx.insert(EvidenceReply, {
        id,
        evidenceId: row.id,
        authorId: actor.kind === 'user' ? actor.userId : null,
        authorRole: actor.kind === 'user' ? actor.role : actor.kind,
        body: dto.body.trim(),
      });
      await this.audit.record(tx, actor, {
        action: 'CREATE',
        resourceType: 'evidence_reply',
        resourceId: id,
        commitmentId: row.visibility === 'PUBLIC' ? commitment.id : undefined,
        after: { evidenceId: row.id },
      });
      await tx.query('UPDATE evidence SET version = version + 1, updated_at = now() WHERE id = $1', [row.id]);
      return this.read(tx, row.id);
    });
  }

  /** Moderation (admins): the item stays, its words are withdrawn from view, the reason is public. */
  async hide(actor: Actor, evidenceId: string, dto: HideDto): Promise<EvidenceResponse> {
    return this.dataSource.transaction(async (tx) => {
      const row = isUuid(evidenceId)
        ? await tx.findOne(Evidence, { where: { id: evidenceId }, lock: { mode: 'pessimistic_write' } })
        : null;
      if (!row) throw notFound('evidence', evidenceId);
      if (row.hiddenAt)
        throw new DomainError(
          'conflict',
          'evidence.already_hidden',
          `This evidence was already hidden: ${row.hiddenReason}`,
        );
      await tx.update(
        Evidence,
        { id: row.id },
        {
          hiddenAt: new Date(),
          hiddenBy: actor.kind === 'user' ? actor.userId : null,
          hiddenReason: dto.reason.trim(),
        },
      );
      const hidden = await this.read(tx, row.id);
      await this.recordChange(tx, actor, 'UPDATE', hidden, row.commitmentId);
      await this.commitments.refreshAgreement(tx, row.commitmentId);
      return hidden;
    });
  }

  async hideReply(actor: Actor, replyId: string, dto: HideDto): Promise<ReplyResponse> {
    return this.dataSource.transaction(async (tx) => {
      const reply = isUuid(replyId)
        ? await tx.findOne(EvidenceReply, { where: { id: replyId }, lock: { mode: 'pessimistic_write' } })
        : null;
      if (!reply) throw notFound('evidence_reply', replyId);
      if (reply.hiddenAt)
        throw new DomainError(
          'conflict',
          'evidence_reply.already_hidden',
          `This reply was already hidden: ${reply.hiddenReason}`,
        );
      await tx.update(
        EvidenceReply,
        { id: reply.id },
        {
          hiddenAt: new Date(),
          hiddenBy: actor.kind === 'user' ? actor.userId : null,
          hiddenReason: dto.reason.trim(),
        },
      );
      const evidence = await tx.findOneByOrFail(Evidence, { id: reply.evidenceId });
      await this.audit.record(tx, actor, {
        action: 'UPDATE',
        resourceType: 'evidence_reply',
        resourceId: reply.id,
        commitmentId: evidence.visibility === 'PUBLIC' ? evidence.commitmentId : undefined,
        after: { hidden: true, reason: dto.reason.trim() },
      });
      const thread = await this.read(tx, reply.evidenceId);
      return thread.replies.find((r) => r.id === reply.id) as ReplyResponse;
    });
  }

  /** The three sources side by side, with the verdict and its reasons (public, unhidden evidence only). */
  async agreement(key: string): Promise<AgreementResponse> {
    const db = this.dataSource.manager;
    const facts = await selectAgreementFacts(db, commitmentKey(key));
    if (!facts) throw notFound('commitment', key);
    const commitment = { id: facts.id, code: facts.code };
    const evidence = facts.evidence.map((e) => ({
      stance: e.stance,
      supportedCompletion: e.supported_completion,
    }));
    const { verdict, reasons } = agreementVerdict({
      selfReported: facts.self_reported_completion,
      independent: facts.irm_completion,
      evidence,
    });
    const params: unknown[] = [commitment.id];
    const latest = await selectEvidence(
      db,
      ['e.commitment_id = $1', visibleTo({ kind: 'anonymous' }, params)],
      params,
      { limit: 5, order: 'newest' },
    );
    return {
      commitment: commitment.code,
      selfReported: { completion: facts.self_reported_completion },
      independent: { completion: facts.irm_completion },
      civic: { counts: evidenceCounts(evidence), latest },
      verdict,
      reasons,
    };
  }

  /** Who gave the evidence: a civil-society user's own organisation; for admins, the one they name. */
  private organisationOf(actor: Actor, dto: CreateEvidenceDto): { id: string | null; name: string | null } {
    if (actor.kind === 'user' && actor.role === 'civil_society') {
      const errors: FieldError[] = [];
      if (dto.organisationId !== undefined)
        errors.push({ field: 'organisationId', message: 'is set from your account' });
      if (dto.organisationName !== undefined)
        errors.push({ field: 'organisationName', message: 'is set from your account' });
      if (errors.length > 0) throw invalidFields('evidence.invalid', errors);
      return { id: actor.organisationId, name: null };
    }
    if ((dto.organisationId === undefined) === (dto.organisationName === undefined)) {
      throw invalidFields('evidence.invalid', [
        {
          field: 'organisationId',
          message:
            'give the organisation the evidence comes from: organisationId, or organisationName for a group without an account',
        },
      ]);
    }
    return { id: dto.organisationId ?? null, name: dto.organisationName?.trim() ?? null };
  }

  private async assertTargetsOf(
    tx: EntityManager,
    commitmentId: string,
    dto: CreateEvidenceDto,
  ): Promise<void> {
    if (dto.milestoneId) {
      const rows: unknown[] = await tx.query('SELECT 1 FROM milestone WHERE id = $1 AND commitment_id = $2', [
        dto.milestoneId,
        commitmentId,
      ]);
      if (rows.length === 0)
        throw invalidFields('evidence.invalid', [
          { field: 'milestoneId', message: 'is not a milestone of this commitment' },
        ]);
    }
    if (dto.progressUpdateId) {
      const rows: unknown[] = await tx.query(
        'SELECT 1 FROM progress_update WHERE id = $1 AND commitment_id = $2',
        [dto.progressUpdateId, commitmentId],
      );
      if (rows.length === 0)
        throw invalidFields('evidence.invalid', [
          { field: 'progressUpdateId', message: 'is not a progress update of this commitment' },
        ]);
    }
  }

  /**
   * The audit entry of an evidence change says what kind of item it is and its state, not its words:
   * a hidden item's words must not live on in the public history. Restricted items stay out of it.
   */
  private async recordChange(
    tx: EntityManager,
    actor: Actor,
    action: 'CREATE' | 'UPDATE',
    evidence: EvidenceResponse,
    commitmentId: string,
  ): Promise<void> {
    await this.audit.record(tx, actor, {
      action,
      resourceType: 'evidence',
      resourceId: evidence.id,
      commitmentId: evidence.visibility === 'PUBLIC' ? commitmentId : undefined,
      after: {
        type: evidence.type,
        stance: evidence.stance,
        visibility: evidence.visibility,
        hidden: evidence.hidden,
      },
    });
  }

  /** The evidence if this actor may see it: 404 when not, 410 (with the public reason) when moderators hid it. */
  private async readVisible(db: EntityManager, actor: Actor, id: string): Promise<EvidenceResponse> {
    if (!isUuid(id)) throw notFound('evidence', id);
    const params: unknown[] = [id];
    const [evidence] = await selectEvidence(db, ['e.id = $1', visibleTo(actor, params)], params, {
      limit: 1,
      order: 'newest',
    });
    if (evidence) return evidence;
    // Hidden: say so, with the moderators' reason, to those who could have seen it; to others it is unknown.
    const hiddenParams: unknown[] = [id];
    const [hidden]: { hidden_reason: string | null; hidden_at: Date | null }[] = await db.query(
      `SELECT e.hidden_reason, e.hidden_at FROM evidence e
        WHERE e.id = $1 AND e.hidden_at IS NOT NULL AND ${visibleTo(actor, hiddenParams, true)}`,
      hiddenParams,
    );
    if (hidden?.hidden_at) {
      throw new DomainError(
        'gone',
        'evidence.hidden',
        `Moderators hid this evidence on ${hidden.hidden_at.toISOString().slice(0, 10)}: ${hidden.hidden_reason}`,
      );
    }
    throw notFound('evidence', id);
  }

  private async read(db: EntityManager, id: string): Promise<EvidenceResponse> {
    const [evidence] = await selectEvidence(db, ['e.id = $1'], [id], { limit: 1, order: 'newest' });
    if (!evidence) throw notFound('evidence', id);
    return evidence;
  }
}

function targetProblems(dto: CreateEvidenceDto): FieldError[] {
  return dto.milestoneId && dto.progressUpdateId
    ? [
        {
          field: 'progressUpdateId',
          message: 'evidence is about the commitment, one milestone or one progress update: not both',
        },
      ]
    : [];
}

function toDocumentResponse(evidenceId: string, d: EvidenceDocument): DocumentResponse {
  return {
    reference: d.reference,
    url: d.url,
    sha256: d.sha256,
    sizeBytes: d.sizeBytes === null ? null : Number(d.sizeBytes),
    mediaType: d.mediaType,
    download: d.uploadedAt ? `/api/v1/evidence/${evidenceId}/documents/${d.reference}` : null,
  };
}
