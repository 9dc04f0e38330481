import { isConditionMet } from '../forms/build-submission-schema'
import { displayValue } from '../forms/display-value'
import { FormDefinitionSchema } from '../forms/form-definition-schema'
import { formatDateTime } from '../i18n/format'
import { resources } from '../i18n/resources.server'
import type { Locale } from '../i18n/locales'
import type { getInboxSubmission } from './get-inbox-submission.server'
import { canTransition, CLERK_STATUSES } from './status-transitions'
import { pickText } from '../i18n/locales'

const NAMED_EVENTS = new Set(['submitted', 'delivered', 'delivery_failed', 'delivery_resent', 'staff_assigned', 'answered'])

/** The timeline entry's name (forms-office events.*): a status change by the clerk or the records system is a "status change". */
export function eventLabel(kind: string) {
	return NAMED_EVENTS.has(kind) ? kind : 'status'
}

type Loaded = NonNullable<Awaited<ReturnType<typeof getInboxSubmission>>>

/** What the detail page shows, in the page's language: labelled answers rendered as the citizen sees them. */
export function inboxDetailView(submission: Loaded, locale: Locale) {
	const words = resources[locale]['forms-office'].detail
	const data = (submission.data ?? {}) as Record<string, unknown>
	const definition = FormDefinitionSchema.safeParse(submission.formVersion.definition)
	const answers = definition.success
		? definition.data.steps
				.flatMap((step) => step.fields)
				.filter((field) => isConditionMet(field.visibleWhen, data))
				.map((field) => ({ label: pickText(field.label, locale), value: displayValue(field, data[field.name], locale, submission.attachments, words) }))
		: Object.entries(data).map(([label, value]) => ({ label, value: JSON.stringify(value) }))
	const title = submission.formVersion.form.title as Record<string, string>
	return {
		id: submission.id,
		number: submission.number,
		status: submission.status,
		agenda: submission.agenda,
		form: `${title[locale] ?? title.cs ?? submission.formVersion.form.code} (${words.version.replace('{{version}}', String(submission.formVersion.version))})`,
		applicant: submission.person ? `${submission.person.givenName} ${submission.person.familyName}` : null,
		email: submission.contactEmail ?? submission.person?.email ?? null,
		referenceNumber: submission.referenceNumber,
		recordsHandler: submission.assigneeName ? [submission.assigneeName, submission.assigneeDepartment].filter(Boolean).join(', ') : null,
		assignee: submission.assignedStaff,
		answers,
		attachments: submission.attachments.map(({ id, fileName, size, origin }) => ({ id, fileName, size, isDecision: origin === 'office' })),
		events: submission.events.map((event) => ({ ...event, id: String(event.id), at: formatDateTime(event.at, locale), label: eventLabel(event.kind) })),
		deliveryError: submission.outbox?.state === 'failed' ? (submission.outbox.lastError ?? '') : null,
		nextStatuses: CLERK_STATUSES.filter((to) => canTransition(submission.status, to)),
	}
}
