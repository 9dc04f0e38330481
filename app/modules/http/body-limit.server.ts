import type { TenantDb } from '../db/tenant-db.server'
import { FormDefinitionBaseSchema, type FormDefinition } from '../forms/form-definition-schema'
import { getPublishedForm } from '../forms/get-published-form.server'
import { STATEMENT_UPLOAD_MAX_MB } from '../bank-statements/statement-upload-limit'
import { DEFINITION_JSON_MAX_BYTES } from '../form-builder/definition-json-limit'
import { GRANT_ATTACHMENT_LIMITS } from '../grants/attachment-limits'
import { DECISION_DOCUMENT_LIMITS } from '../inbox/check-decision-document.server'
import { OBLIGATION_IMPORT_MAX_BYTES } from '../obligations/obligation-import-limit'

// How large a request body each route may send, known before a byte of it is read (docs/decisions/013).
// Routes that take files allow what their own checks allow plus a margin for the multipart framing and
// the text fields beside the files; everything else is a plain form: 1 MB.

const MB = 1024 * 1024
export const PLAIN_FORM_LIMIT = MB
const MARGIN = MB
/** The onboarding wizard's step 3: a new coat of arms and the draft carrying the previous one (base64). */
export const ONBOARDING_LIMIT = 2 * MB + MARGIN

/** What a form's attachments may add up to, plus the margin; a form without file fields is a plain form. */
function formLimit(definition: FormDefinition) {
	const hasFiles = definition.steps.some((step) => step.fields.some((field) => field.type === 'file'))
	return hasFiles ? definition.attachments.maxTotalSizeMb * MB + MARGIN : PLAIN_FORM_LIMIT
}

// Office pages that take a file: their documented limits.
const OFFICE_LIMITS: [RegExp, number][] = [
	[/^\/urad\/banka$/, STATEMENT_UPLOAD_MAX_MB * MB + MARGIN],
	[/^\/urad\/poplatky\/import-povinnosti$/, OBLIGATION_IMPORT_MAX_BYTES + MARGIN],
	[/^\/urad\/podani\/[^/]+$/, DECISION_DOCUMENT_LIMITS.attachments.maxTotalSizeMb * MB + MARGIN],
	// A form definition of up to 512 kB as a file, or typed into the editor: url-encoded, a Czech
	// letter takes six bytes.
	[/^\/urad\/formulare(\/[^/]+)?$/, DEFINITION_JSON_MAX_BYTES * 6 + MARGIN],
]

/**
 * The largest body this request may carry. `path` is the URL path (Remix's single-fetch `.data`
 * suffix is ignored); `db` is the town's database, or null on the vendor console.
 */
export async function bodyLimitFor({ path, db }: { path: string; db: TenantDb | null }): Promise<number> {
	const route = path.replace(/\.data$/, '').replace(/\/+$/, '') || '/'
	// The vendor console's onboarding wizard: a coat of arms (512 kB) uploaded beside the draft that may carry one already.
	// Its blueprint download (/platform/obce/nova/blueprint) carries the same draft.
	if (!db) return route === '/platform/obce/nova' || route === '/platform/obce/nova/blueprint' ? ONBOARDING_LIMIT : PLAIN_FORM_LIMIT
	for (const [pattern, limit] of OFFICE_LIMITS) if (pattern.test(route)) return limit
	// A grant application's attachments, or a settlement's receipts (issue 14).
	if (/^\/dotace\/zadost\/[^/]+$/.test(route)) return GRANT_ATTACHMENT_LIMITS.maxTotalSizeMb * MB + MARGIN
	const fill = /^\/formulare\/([^/]+)$/.exec(route)
	if (fill) {
		const form = await getPublishedForm({ db, code: decodeURIComponent(fill[1]!) })
		return form ? formLimit(form.definition) : PLAIN_FORM_LIMIT
	}
	const answer = /^\/podani\/([^/]+)$/.exec(route)
	if (answer) {
		// The citizen's answer to the office's question takes files under the form's own limits.
		const submission = await db.submission.findUnique({
			where: { number: decodeURIComponent(answer[1]!) },
			select: { formVersion: { select: { definition: true } } },
		})
		if (!submission) return PLAIN_FORM_LIMIT
		const definition = FormDefinitionBaseSchema.safeParse(submission.formVersion.definition)
		return definition.success ? definition.data.attachments.maxTotalSizeMb * MB + MARGIN : PLAIN_FORM_LIMIT
	}
	return PLAIN_FORM_LIMIT
}
