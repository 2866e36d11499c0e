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

**A commitment's state** (\`state\`, derived, never typed in, as of today in UTC): \`progress\` is the weighted share
of complete milestones (withdrawn ones left out); \`completionLevel\` is NOT_STARTED at 0, LIMITED above 0 and
under 0.5, SUBSTANTIAL from 0.5, COMPLETE at 1; a milestone is overdue once its due period has ended (by the
date's precision: due "2026" is overdue from 2027-01-01) and it is neither complete nor withdrawn; \`onTime\`
means nothing overdue and everything complete done within its period; \`selfReportedCompletion\` is what the
latest progress update on the commitment reported.

**Progress updates** are append-only: a correction is a new update that names the one it corrects (both stay).
An update on a milestone moves the milestone's status.

**Assessments** (IRM): one framework and report each; only that report's indicators are accepted; a null
indicator carries its reason (NOT_REVIEWED, NO_DATA, NOT_APPLICABLE, UNCLEAR). Drafts until published;
published ones never change and are superseded by a new one that names them. Derived with each: relevant
(access to information, civic participation or public accountability; technology alone is not), verifiable
(legacy: specificity MEDIUM or HIGH; 2021: the indicator), starred under the current formula (verifiable,
relevant, impact TRANSFORMATIVE, completion SUBSTANTIAL or COMPLETE) and the 2015 one (impact MODERATE too),
high completion, strong early results. A commitment's \`independent\` view takes, for each indicator, the
latest published rating.

**Oversight evidence**: civil society (or an admin, on behalf of a group without an account) submits what it
found, with a stance on the claim (CONFIRMS, CONTRADICTS, MIXED, CONTEXT) and optionally the completion it
supports; RESTRICTED items are seen only by their organisation and admins. Documents are referenced by URL with
their SHA-256 and size, or uploaded as raw bytes (\`PUT /evidence/{id}/documents/{reference}\`, at most
DOCUMENT_MAX_BYTES, 10 MiB by default; PDF, PNG, JPEG, CSV or text, DOCX, XLSX, ODT, ODS, recognised by their
content, never their name); an upload must match the declared hash and size, and a reference never takes other
bytes. The government replies, the submitting organisation answers back; moderators hide (410, with a public
reason), never delete.

**Agreement** (\`GET /commitments/{code}/agreement\`, and the \`agreement\` filter): the latest self-reported
completion, the latest published independent completion and public, unhidden civic evidence, with the first
verdict that applies: CONTESTED when at least one item contradicts the claim and no fewer contradict than
confirm it; DIVERGENT when the independent completion, or the completion a civic item supports, differs from
the reported one; CONSISTENT when the independent completion matches or an item confirms, and nothing
disagrees; UNVERIFIED otherwise (nothing to check the claim against, or no claim). Levels compare as
NOT_STARTED < LIMITED < SUBSTANTIAL < COMPLETE; "no evidence available" counts as no independent completion.
`.trim();
