import { Column, CreateDateColumn, Entity, PrimaryColumn } from 'typeorm';

/** A policy-area tag (OGP's "Open Data", "Digital Governance", ...): a lookup, not a column per tag. */
@Entity({ name: 'policy_area_tag' })
export class PolicyAreaTag {
  @PrimaryColumn('uuid')
  id: string;

  @Column('varchar')
  slug: string;

  @Column('varchar')
  label: string;

  @CreateDateColumn({ name: 'created_at', type: 'timestamptz' })
  createdAt: Date;
}
