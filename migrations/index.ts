import { RegisterSchema1764000000000 } from './1764000000000-RegisterSchema.js';
import { AccessAndAuditChain1764100000000 } from './1764100000000-AccessAndAuditChain.js';

/** Every migration, in order. The schema comes from these and nothing else. */
export const MIGRATIONS = [RegisterSchema1764000000000, AccessAndAuditChain1764100000000];
