import { Column, Entity, PrimaryColumn } from 'typeorm';
import type { ReportedCompletion } from '../commitments/commitment-state.rules.js';
import type { MilestoneStatus } from '../milestones/milestone.rules.js';

/** What a point of contact reports. Append-only: the database refuses to change or delete a row. */
@Entity({ name: 'progress_update' })
export class ProgressUpdate {
  @PrimaryColumn('uuid') id: string;
  @Column({ name: 'commitment_id', type: 'uuid' }) commitmentId: string;
  @Column({ name: 'milestone_id', type: 'uuid', nullable: true }) milestoneId: string | null;
  @Column({ name: 'author_id', type: 'uuid', nullable: true }) authorId: string | null;
  @Column({ name: 'author_role', type: 'varchar' }) authorRole: string;
  @Column({ name: 'reported_completion', type: 'varchar', nullable: true })
  reportedCompletion: ReportedCompletion | null;
  @Column({ name: 'milestone_status', type: 'varchar', nullable: true })
  milestoneStatus: MilestoneStatus | null;
  @Column({ name: 'percent_complete', type: 'smallint', nullable: true }) percentComplete: number | null;
  @Column('text') narrative: string;
  @Column('jsonb') links: { url: string; title: string | null }[];
  @Column({ name: 'period_start', type: 'date', nullable: true }) periodStart: string | null;
  @Column({ name: 'period_end', type: 'date', nullable: true }) periodEnd: string | null;
  @Column({ name: 'corrects_id', type: 'uuid', nullable: true }) correctsId: string | null;
  @Column({ name: 'created_at', type: 'timestamptz' }) createdAt: Date;
}
