// The database is the last line of integrity. When one of its named constraints refuses a write
// (typically a race the service's own checks could not see), this registry turns the constraint's
// name into a message for the client: the name itself never leaves the service.

import type { ErrorKind } from './domain-error.js';

export interface ConstraintMessage {
  kind: ErrorKind;
  code: string;
  field?: string;
  message: string;
}

const registry = new Map<string, ConstraintMessage>();

export function registerConstraintMessages(messages: Record<string, ConstraintMessage>): void {
  for (const [name, message] of Object.entries(messages)) registry.set(name, message);
}

export function constraintMessage(name: string | undefined): ConstraintMessage | undefined {
  return name === undefined ? undefined : registry.get(name);
}
