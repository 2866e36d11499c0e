/** The introduction of the OpenAPI document: the conventions every route follows. */
export const API_DESCRIPTION = `
Tracks Open Government Partnership action plans: members, their action plans, SMART commitments on
participatory digital governance, and their milestones.

**Access**: reads of the published register are public. Writes need an API token, sent as
\`Authorization: Bearer ct_...\`, of a user whose role permits them: admins anything; a government point
of contact only their own member's institutions, plans, commitments and milestones (another member's
record answers 403 and the attempt is logged). 401 for a missing, malformed, expired or revoked token.
Writes and failed sign-ins are rate-limited (429 with Retry-After).

**Conventions**
- JSON under \`/api/v1\`, camelCase fields, dates as \`YYYY-MM-DD\`, timestamps in UTC.
- **Dates with a precision**: plans say "Q3 2025" or "2026". A date is sent and returned as the first day
  of its period with its precision (\`DAY\`, \`MONTH\`, \`QUARTER\`, \`SEMESTER\`, \`YEAR\`): Q3 2025 is
  \`{"dueDate": "2025-07-01", "dueDatePrecision": "QUARTER"}\`. A date that is not the first day of its
  period is refused.
- **Errors** are RFC 9457 problem details (\`application/problem+json\`) with a stable \`code\`, the
  \`requestId\`, and \`errors\` listing each invalid field. Unknown fields are refused, not ignored.
- **Lists** are paginated with a cursor: \`limit\` (1-200, default 50) and \`cursor\` (the previous page's
  \`nextCursor\`); the next page is also given in an RFC 8288 \`Link\` header. Order is stable.
- **Versions**: every resource has a \`version\` and is returned with an \`ETag\`. PATCH needs \`If-Match\`
  (428 without it, 412 when stale). GET with \`If-None-Match\` answers 304 when nothing changed. A
  commitment's version also moves when one of its milestones changes.
- **Retries**: any POST may carry an \`Idempotency-Key\`: the same key and body replay the first answer,
  another body with that key is refused with 422.
- Published records are never deleted: a milestone is withdrawn (status \`WITHDRAWN\`), not removed.
`.trim();
