import { type LoaderFunctionArgs } from '@remix-run/node'
import { listSubmissionAgendas } from '~/modules/forms/list-submission-agendas.server'
import { formatDateTime } from '~/modules/i18n/format'
import { pickText } from '~/modules/i18n/locales'
import { resources } from '~/modules/i18n/resources.server'
import { inboxPage } from '~/modules/inbox/inbox-page.server'
import { toCsv } from '~/modules/inbox/to-csv'
import { parseInboxFilter } from '~/modules/inbox/inbox-filter-schema'
import { inboxRowsForExport } from '~/modules/inbox/list-inbox.server'
import { recordAudit } from '~/modules/audit/record-audit.server'
import { requestMeta } from '~/modules/staff/office-request.server'
import { requireOfficeStaff } from '~/modules/staff/require-office-staff.server'
import { requirePermission } from '~/modules/staff/require-permission.server'

// CSV of the filtered inbox (only what the clerk may export); the export itself is audited.
export async function loader({ request, context }: LoaderFunctionArgs) {
	const user = await requireOfficeStaff(request, context)
	await requirePermission(user, 'export', 'Submission', { request, context })
	const filter = parseInboxFilter(new URL(request.url).searchParams)
	// In the clerk's language (issue 19): column names, state names, agenda names, Prague time.
	const page = await inboxPage(request, context, 'inbox.title')
	const words = resources[page.locale]['forms-office']
	const statuses = words.status as Record<string, string>
	const agendas = new Map((await listSubmissionAgendas({ db: user.db })).map((agenda) => [agenda.code, pickText(agenda.name, page.locale)]))
	const lines: string[][] = [
		[
			words.inbox.number,
			words.inbox.form,
			words.inbox.csvVersion,
			words.inbox.csvAgenda,
			words.inbox.status,
			words.inbox.applicant,
			words.inbox.assignee,
			words.detail.referenceNumber,
			words.inbox.submittedAt,
		],
	]
	for await (const row of inboxRowsForExport({ db: user.db, ability: user.ability, filter })) {
		lines.push([
			row.number,
			pickText(row.formVersion.form.title, page.locale) || row.formVersion.form.code,
			String(row.formVersion.version),
			agendas.get(row.agenda) || row.agenda,
			statuses[row.status] ?? row.status,
			row.person ? `${row.person.givenName} ${row.person.familyName}` : '',
			row.assignedStaff?.name ?? (row.assigneeName ? [row.assigneeName, row.assigneeDepartment].filter(Boolean).join(', ') : ''),
			row.referenceNumber ?? '',
			formatDateTime(row.submittedAt, page.locale),
		])
	}
	await recordAudit(user.db, { action: 'submission.exported', staffId: user.me.id, details: { rows: lines.length - 1 }, ...requestMeta(context) })
	return new Response('\uFEFF' + toCsv(lines), {
		headers: { 'Content-Type': 'text/csv; charset=utf-8', 'Content-Disposition': 'attachment; filename="podani.csv"' },
	})
}
