import { Column, CreateDateColumn, Entity, PrimaryColumn, UpdateDateColumn, VersionColumn } from 'typeorm';
import type { Iap2Level } from '../action-plans/action-plan.rules.js';
import type { Stance } from '../commitments/agreement.rules.js';
import type { ReportedCompletion } from '../commitments/commitment-state.rules.js';

export const EVIDENCE_TYPES = [
  'SHADOW_REPORT',
  'SOCIAL_AUDIT',
  'COMMUNITY_SCORECARD',
  'CITIZEN_REPORT_CARD',
  'PUBLIC_HEARING',
  'SURVEY',
  'FOI_REQUEST',
  'EXPENDITURE_TRACKING',
  'PARTICIPATORY_AUDIT',
  'MEDIA_REPORT',
  'DATASET',
  'FORUM_MINUTES',
  'OTHER',
] as const;
export type EvidenceType = (typeof EVIDENCE_TYPES)[number];

export const VISIBILITIES = ['PUBLIC', 'RESTRICTED'] as const;
export type Visibility = (typeof VISIBILITIES)[number];

/** What civil society or the public found about a commitment, a milestone or one progress update. */
@Entity({ name: 'evidence' })
export class Evidence {
  @PrimaryColumn('uuid') id: string;
  @Column({ name: 'commitment_id', type: 'uuid' }) commitmentId: string;
  @Column({ name: 'milestone_id', type: 'uuid', nullable: true }) milestoneId: string | null;
  @Column({ name: 'progress_update_id', type: 'uuid', nullable: true }) progressUpdateId: string | null;
  @Column('varchar') type: EvidenceType;
  @Column('varchar') title: string;
  @Column('text') summary: string;
  @Column({ name: 'organisation_id', type: 'uuid', nullable: true }) organisationId: string | null;
  @Column({ name: 'organisation_name', type: 'varchar', nullable: true }) organisationName: string | null;
  @Column({ name: 'activity_date', type: 'date', nullable: true }) activityDate: string | null;
  @Column('jsonb') links: { url: string; title: string | null }[];
  @Column({ name: 'iap2_level', type: 'varchar', nullable: true }) iap2Level: Iap2Level | null;
  @Column('varchar') stance: Stance;
  @Column({ name: 'supported_completion', type: 'varchar', nullable: true })
  supportedCompletion: ReportedCompletion | null;
  @Column('varchar') visibility: Visibility;
  @Column({ name: 'submitted_by', type: 'uuid', nullable: true }) submittedBy: string | null;
  @Column({ name: 'submitted_role', type: 'varchar' }) submittedRole: string;
  @Column({ name: 'hidden_at', type: 'timestamptz', nullable: true }) hiddenAt: Date | null;
  @Column({ name: 'hidden_by', type: 'uuid', nullable: true }) hiddenBy: string | null;
  @Column({ name: 'hidden_reason', type: 'text', nullable: true }) hiddenReason: string | null;
  @VersionColumn() version: number;
  @CreateDateColumn({ name: 'created_at', type: 'timestamptz' }) createdAt: Date;
  @UpdateDateColumn({ name: 'updated_at', type: 'timestamptz' }) updatedAt: Date;
}

@Entity({ name: 'evidence_document' })
export class EvidenceDocument {
  @PrimaryColumn('uuid') id: string;
  @Column({ name: 'evidence_id', type: 'uuid' }) evidenceId: string;
  @Column('varchar') reference: string;
  @Column({ type: 'varchar', nullable: true }) url: string | null;
  @Column({ type: 'char', nullable: true }) sha256: string | null;
  @Column({ name: 'size_bytes', type: 'bigint', nullable: true }) sizeBytes: string | null;
  @Column({ name: 'media_type', type: 'varchar', nullable: true }) mediaType: string | null;
  @Column({ type: 'bytea', nullable: true, select: false }) content: Buffer | null;
  @Column({ name: 'uploaded_at', type: 'timestamptz', nullable: true }) uploadedAt: Date | null;
  @CreateDateColumn({ name: 'created_at', type: 'timestamptz' }) createdAt: Date;
}

/** Right of reply: the government answers, civil society answers back; public with the evidence. */
@Entity({ name: 'evidence_reply' })
export class EvidenceReply {
  @PrimaryColumn('uuid') id: string;
  @Column({ name: 'evidence_id', type: 'uuid' }) evidenceId: string;
  @Column({ name: 'author_id', type: 'uuid', nullable: true }) authorId: string | null;
  @Column({ name: 'author_role', type: 'varchar' }) authorRole: string;
  @Column('text') body: string;
  @Column({ name: 'hidden_at', type: 'timestamptz', nullable: true }) hiddenAt: Date | null;
  @Column({ name: 'hidden_by', type: 'uuid', nullable: true }) hiddenBy: string | null;
  @Column({ name: 'hidden_reason', type: 'text', nullable: true }) hiddenReason: string | null;
  @VersionColumn() version: number;
  @CreateDateColumn({ name: 'created_at', type: 'timestamptz' }) createdAt: Date;
  @UpdateDateColumn({ name: 'updated_at', type: 'timestamptz' }) updatedAt: Date;
}

export const EVIDENCE_ENTITIES = [Evidence, EvidenceDocument, EvidenceReply];
