import { RegisterSchema1764000000000 } from './1764000000000-RegisterSchema.js';
import { AccessAndAuditChain1764100000000 } from './1764100000000-AccessAndAuditChain.js';
import { ProgressAndAssessments1764200000000 } from './1764200000000-ProgressAndAssessments.js';
import { OversightEvidence1764300000000 } from './1764300000000-OversightEvidence.js';
import { OpenData1764400000000 } from './1764400000000-OpenData.js';
import { AuditChainAtCommit1764500000000 } from './1764500000000-AuditChainAtCommit.js';

/** Every migration, in order. The schema comes from these and nothing else. */
export const MIGRATIONS = [
  RegisterSchema1764000000000,
  AccessAndAuditChain1764100000000,
  ProgressAndAssessments1764200000000,
  OversightEvidence1764300000000,
  OpenData1764400000000,
  AuditChainAtCommit1764500000000,
];
