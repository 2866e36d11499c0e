import { Column, CreateDateColumn, Entity, PrimaryColumn, UpdateDateColumn, VersionColumn } from 'typeorm';
import type {
  Completion,
  DidItOpenGovernment,
  EarlyResults,
  Framework,
  NullReasons,
  PotentialForResults,
  PotentialImpact,
  Product,
  Specificity,
} from './assessment.rules.js';

export type AssessmentStatus = 'DRAFT' | 'PUBLISHED' | 'SUPERSEDED';

/** One independent report's ratings of a commitment. Indicators are named as in AssessmentIndicators. */
@Entity({ name: 'assessment' })
export class Assessment {
  @PrimaryColumn('uuid') id: string;
  @Column({ name: 'commitment_id', type: 'uuid' }) commitmentId: string;
  @Column('varchar') framework: Framework;
  @Column('varchar') product: Product;
  @Column('varchar') status: AssessmentStatus;
  @Column({ name: 'supersedes_id', type: 'uuid', nullable: true }) supersedesId: string | null;
  @Column({ name: 'assessor_id', type: 'uuid', nullable: true }) assessorId: string | null;
  @Column({ name: 'published_at', type: 'timestamptz', nullable: true }) publishedAt: Date | null;
  @Column({ type: 'text', nullable: true }) summary: string | null;
  @Column({ type: 'varchar', nullable: true }) specificity: Specificity | null;
  @Column({ name: 'relevance_access_to_information', type: 'boolean', nullable: true })
  relevanceAccessToInformation: boolean | null;
  @Column({ name: 'relevance_civic_participation', type: 'boolean', nullable: true })
  relevanceCivicParticipation: boolean | null;
  @Column({ name: 'relevance_public_accountability', type: 'boolean', nullable: true })
  relevancePublicAccountability: boolean | null;
  @Column({ name: 'relevance_technology', type: 'boolean', nullable: true }) relevanceTechnology:
    boolean | null;
  @Column({ name: 'potential_impact', type: 'varchar', nullable: true })
  potentialImpact: PotentialImpact | null;
  @Column({ type: 'varchar', nullable: true }) completion: Completion | null;
  @Column({ name: 'on_time', type: 'boolean', nullable: true }) onTime: boolean | null;
  @Column({ name: 'did_it_open_government', type: 'varchar', nullable: true })
  didItOpenGovernment: DidItOpenGovernment | null;
  @Column({ name: 'did_it_open_government_access_to_information', type: 'varchar', nullable: true })
  didItOpenGovernmentAccessToInformation: DidItOpenGovernment | null;
  @Column({ name: 'did_it_open_government_civic_participation', type: 'varchar', nullable: true })
  didItOpenGovernmentCivicParticipation: DidItOpenGovernment | null;
  @Column({ name: 'did_it_open_government_public_accountability', type: 'varchar', nullable: true })
  didItOpenGovernmentPublicAccountability: DidItOpenGovernment | null;
  @Column({ type: 'boolean', nullable: true }) verifiable: boolean | null;
  @Column({ name: 'open_government_lens', type: 'boolean', nullable: true }) openGovernmentLens:
    boolean | null;
  @Column({ name: 'potential_for_results', type: 'varchar', nullable: true })
  potentialForResults: PotentialForResults | null;
  @Column({ type: 'boolean', nullable: true }) promising: boolean | null;
  @Column({ name: 'early_results', type: 'varchar', nullable: true }) earlyResults: EarlyResults | null;
  @Column({ name: 'null_reasons', type: 'jsonb' }) nullReasons: NullReasons;
  @VersionColumn() version: number;
  @CreateDateColumn({ name: 'created_at', type: 'timestamptz' }) createdAt: Date;
  @UpdateDateColumn({ name: 'updated_at', type: 'timestamptz' }) updatedAt: Date;
}
