/**
 * The fields of `wanted` that are given (not undefined) and differ from `current`: what an update
 * really changes. An update with nothing in it writes nothing, moves no version and leaves no
 * audit entry. `same` compares values (numeric columns, say, come back as strings).
 */
export function changedFields<T extends object>(
  current: T,
  wanted: Partial<T>,
  same: (field: keyof T, wanted: unknown, current: unknown) => boolean = (_field, a, b) => a === b,
): Partial<T> {
  const changes: Partial<T> = {};
  for (const field of Object.keys(wanted) as (keyof T)[]) {
    const value = wanted[field];
    if (value !== undefined && !same(field, value, current[field])) changes[field] = value;
  }
  return changes;
}

export function isEmpty(changes: object): boolean {
  return Object.keys(changes).length === 0;
}
