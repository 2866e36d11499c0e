import { RegisterSchema1764000000000 } from './1764000000000-RegisterSchema.js';

/** Every migration, in order. The schema comes from these and nothing else. */
export const MIGRATIONS = [RegisterSchema1764000000000];
