import { parseWithZod } from '@conform-to/zod/v4'
import { data, type LoaderFunctionArgs } from '@remix-run/node'
import { useLoaderData } from '@remix-run/react'
import { useTranslation } from 'react-i18next'
import { AuditFilterForm } from '~/components/office/audit-filter-form'
import { AuditTable } from '~/components/office/audit-table'
import { titleMeta } from '~/components/office/meta'
import { OfficeErrorBoundary } from '~/components/office/office-error-boundary'
import { Pagination } from '~/components/office/pagination'
import { AuditFilterSchema, toAuditFilter } from '~/modules/audit/audit-filter-schema'
import { toAuditRows } from '~/modules/audit/audit-page.server'
import { listAuditLog } from '~/modules/audit/list-audit-log.server'
import { officePage } from '~/modules/staff/office-request.server'
import { requireOfficeStaff } from '~/modules/staff/require-office-staff.server'
import { requirePermission } from '~/modules/staff/require-permission.server'

// The town's audit log for admins and auditors: filters (action, outcome, dates) and 50 per page.
export async function loader({ request, context }: LoaderFunctionArgs) {
	const page = await officePage(request, context, 'audit.title')
	const user = await requireOfficeStaff(request, context)
	await requirePermission(user, 'read', 'AuditLog', { request, context })
	const url = new URL(request.url)
	const defaultValue = Object.fromEntries([...url.searchParams].filter(([key]) => ['akce', 'vysledek', 'od', 'do'].includes(key)))
	const submission = parseWithZod(url.searchParams, { schema: AuditFilterSchema })
	if (submission.status !== 'success') {
		// A bad filter shows what to fix and lists nothing (rather than silently listing something else).
		const actions = (await listAuditLog({ db: user.db, ability: user.ability, filter: { page: 1 } })).actions
		return data({ title: page.title, result: submission.reply(), defaultValue, actions, list: null }, { status: 400 })
	}
	const list = await listAuditLog({ db: user.db, ability: user.ability, filter: toAuditFilter(submission.value) })
	return {
		title: page.title,
		result: null,
		defaultValue,
		actions: list.actions,
		list: { entries: await toAuditRows(user.db, list.entries, page.locale), total: list.total, page: list.page, pages: list.pages },
	}
}

export const meta = titleMeta
export const handle = { i18n: ['office'] }

export default function AuditPage() {
	const { result, defaultValue, actions, list } = useLoaderData<typeof loader>()
	const { t } = useTranslation('office')
	return (
		<main id="main" tabIndex={-1} className="mx-auto w-full max-w-6xl flex-1 px-4 py-10">
			<h1 className="mb-2 text-3xl font-bold">{t('audit.title')}</h1>
			<p className="mb-6 text-muted">{t('audit.intro')}</p>
			<AuditFilterForm lastResult={result} defaultValue={defaultValue} actions={actions} />
			{list ? (
				<section aria-labelledby="audit-results-heading">
					<h2 id="audit-results-heading" className="mb-3 text-xl font-semibold">
						{t('audit.results', { count: list.total })}
					</h2>
					<AuditTable entries={list.entries} />
					<Pagination page={list.page} pages={list.pages} label={t('audit.pagination')} />
				</section>
			) : null}
		</main>
	)
}

export function ErrorBoundary() {
	return <OfficeErrorBoundary />
}
