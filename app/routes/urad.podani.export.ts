import { type LoaderFunctionArgs } from '@remix-run/node'
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
	const lines: string[][] = [['number', 'form', 'version', 'agenda', 'status', 'applicant', 'assignee', 'submitted_at']]
	for await (const row of inboxRowsForExport({ db: user.db, ability: user.ability, filter })) {
		const title = row.formVersion.form.title as Record<string, string>
		lines.push([row.number, title.cs ?? row.formVersion.form.code, String(row.formVersion.version), row.agenda, row.status, row.person ? `${row.person.givenName} ${row.person.familyName}` : '', row.assignedStaff?.name ?? '', row.submittedAt.toISOString()])
	}
	await recordAudit(user.db, { action: 'submission.exported', staffId: user.me.id, details: { rows: lines.length - 1 }, ...requestMeta(context) })
	return new Response('\uFEFF' + toCsv(lines), { headers: { 'Content-Type': 'text/csv; charset=utf-8', 'Content-Disposition': 'attachment; filename="podani.csv"' } })
}
