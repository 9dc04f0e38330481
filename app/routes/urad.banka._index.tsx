import { data, redirect, type ActionFunctionArgs, type LoaderFunctionArgs } from '@remix-run/node'
import { Form, Link, useActionData, useLoaderData, useNavigation } from '@remix-run/react'
import { useTranslation } from 'react-i18next'
import { z } from 'zod'
import { SubmitButton } from '~/components/office/form-field'
import { titleMeta } from '~/components/office/meta'
import { OfficeErrorBoundary } from '~/components/office/office-error-boundary'
import { Pagination } from '~/components/office/pagination'
import { describeStatementError } from '~/modules/bank-statements/describe-error'
import { getBankStatement, listBankStatements, type StatementRow } from '~/modules/bank-statements/list-bank-statements.server'
import { startStatementImport } from '~/modules/bank-statements/start-statement-import.server'
import { resources } from '~/modules/i18n/resources.server'
import { getRequestLocale } from '~/modules/i18n/locale.server'
import { officePage } from '~/modules/staff/office-request.server'
import { requireOfficeStaff } from '~/modules/staff/require-office-staff.server'
import { requirePermission } from '~/modules/staff/require-permission.server'
import { requireTownProfile } from '~/modules/tenancy/require-town.server'
import { STATEMENT_UPLOAD_MAX_MB } from '~/modules/bank-statements/statement-upload-limit'
import { useFormat } from '~/modules/i18n/use-format'
import { readPage } from '~/modules/http/page-param'
import { useRefreshWhile } from '~/modules/progress/use-refresh-while'

const MAX_MB = STATEMENT_UPLOAD_MAX_MB
const MAX_BYTES = MAX_MB * 1024 * 1024
const POLL_MS = 1000

export async function loader({ request, context }: LoaderFunctionArgs) {
	const page = await officePage(request, context, 'nav.bank')
	const user = await requireOfficeStaff(request, context)
	await requirePermission(user, 'read', 'BankMovement', { request, context })
	const url = new URL(request.url)
	const pageNumber = readPage(url.searchParams)
	const statementId = z.uuid().safeParse(url.searchParams.get('vypis'))
	const [list, current] = await Promise.all([
		listBankStatements({ db: user.db, ability: user.ability, page: pageNumber }),
		statementId.success ? getBankStatement({ db: user.db, ability: user.ability, id: statementId.data }) : null,
	])
	return {
		title: `${resources[page.locale]['bank-office'].title} – ${page.townName}`,
		canUpload: user.ability.can('create', 'BankMovement'),
		current,
		page: Math.min(pageNumber, list.pages),
		...list,
	}
}

export const meta = titleMeta
export const handle = { i18n: ['office', 'bank-office'] }

export async function action({ request, context }: ActionFunctionArgs) {
	const user = await requireOfficeStaff(request, context)
	await requirePermission(user, 'create', 'BankMovement', { request, context })
	const locale = await getRequestLocale(request, await requireTownProfile(context))
	// Refuse an oversized body before reading it.
	if (Number(request.headers.get('content-length') ?? 0) > MAX_BYTES + 64 * 1024)
		return data({ error: 'upload.errors.tooLarge', lines: [] as string[] }, { status: 413 })
	const file = (await request.formData()).get('file')
	if (!(file instanceof File) || file.size === 0) return data({ error: 'upload.errors.noFile', lines: [] as string[] }, { status: 400 })
	if (file.size > MAX_BYTES) return data({ error: 'upload.errors.tooLarge', lines: [] as string[] }, { status: 413 })
	const started = await startStatementImport({
		tenant: user.tenant,
		bytes: Buffer.from(await file.arrayBuffer()),
		fileName: file.name || 'statement',
		actor: user.me.id,
		staffId: user.me.id,
	})
	if (!started.ok) {
		const lines = started.errors.slice(0, 100).map((e) => describeStatementError(e, resources[locale].bank.errors))
		if (started.errors.length > 100) lines.push(`… (${started.errors.length - 100})`)
		return data({ error: 'upload.errors.rejected', lines }, { status: 400 })
	}
	return redirect(`/urad/banka?vypis=${started.statementId}`, 303)
}

function Summary({ statement }: { statement: StatementRow & { waiting: number } }) {
	const { t, i18n } = useTranslation('bank-office')
	const money = (halere = 0) => new Intl.NumberFormat(i18n.language, { style: 'currency', currency: 'CZK' }).format(halere / 100)
	const s = statement.summary
	const rows: [string, string | number][] = [
		['movements', s.movements ?? 0],
		['new', s.new ?? 0],
		['duplicates', s.duplicates ?? 0],
		['credits', s.credits ?? 0],
		['debits', s.debits ?? 0],
		['matched', s.matched ?? 0],
		['paid', s.paid ?? 0],
		['partly', s.partly ?? 0],
		['overpaid', s.overpaid ?? 0],
		['unmatched', s.unmatched ?? 0],
		['reversals', s.reversals ?? 0],
		['reversalsUnmatched', s.reversalsUnmatched ?? 0],
		['creditAmount', money(s.creditAmount)],
		['debitAmount', money(s.debitAmount)],
		['matchedAmount', money(s.matchedAmount)],
		['unmatchedAmount', money(s.unmatchedAmount)],
		['time', t('summary.seconds', { value: ((s.ms ?? 0) / 1000).toFixed(1) })],
	]
	return (
		<section aria-labelledby="summary-heading" className="mb-8 rounded-town border p-4">
			<h2 id="summary-heading" className="mb-3 text-xl font-semibold">
				{t('summary.heading', { fileName: statement.fileName })}
			</h2>
			<dl className="mb-3 grid grid-cols-[auto_1fr] gap-x-6 gap-y-1">
				{rows.map(([key, value]) => (
					<div key={key} className="contents">
						<dt className="font-medium">{t(`summary.${key}`)}</dt>
						<dd>{value}</dd>
					</div>
				))}
			</dl>
			<p>
				{t('summary.waiting', { count: statement.waiting })} <Link to="/urad/banka/nesparovane">{t('summary.toQueue')}</Link>
			</p>
		</section>
	)
}

function Progress({ statement }: { statement: StatementRow }) {
	const { t } = useTranslation('bank-office')
	const running = statement.finishedAt === null
	useRefreshWhile(running, POLL_MS)
	if (statement.summary.failed) return <p className="mb-6 rounded-town border-2 border-red-800 p-3 font-medium text-red-900">{t('progress.failed')}</p>
	return (
		<section aria-labelledby="progress-heading" className="mb-8 rounded-town border p-4">
			<h2 id="progress-heading" className="mb-2 text-xl font-semibold">
				{t('progress.heading', { fileName: statement.fileName })}
			</h2>
			<progress className="w-full" max={100} value={statement.progress} aria-label={t('progress.label')} />
			<p aria-live="polite">{t('progress.running', { progress: statement.progress })}</p>
		</section>
	)
}

export default function BankPage() {
	const { current, canUpload, statements, page, pages } = useLoaderData<typeof loader>()
	const actionData = useActionData<typeof action>()
	const navigation = useNavigation()
	const { t } = useTranslation('bank-office')
	const format = useFormat()
	const when = (iso: string) => format.dateTime(iso)
	return (
		<main id="main" tabIndex={-1} className="mx-auto w-full max-w-6xl flex-1 px-4 py-10">
			<h1 className="mb-4 text-3xl font-bold">{t('title')}</h1>
			<p className="mb-4">{t('intro')}</p>
			<p className="mb-6">
				<Link to="/urad/banka/nesparovane">{t('queue.title')}</Link>
			</p>
			{current ? current.finishedAt && !current.summary.failed ? <Summary statement={current} /> : <Progress statement={current} /> : null}
			{canUpload ? (
				<Form method="post" encType="multipart/form-data" className="mb-8 rounded-town border p-4" aria-labelledby="upload-heading">
					<h2 id="upload-heading" className="mb-2 text-xl font-semibold">
						{t('upload.heading')}
					</h2>
					<div role="alert">
						{actionData ? (
							<div className="mb-3 rounded-town border-2 border-red-800 bg-red-50 p-3 text-red-900">
								<p className="font-medium">{t(actionData.error, { mb: MAX_MB })}</p>
								{actionData.lines.length ? (
									<ul className="list-disc pl-6">
										{actionData.lines.map((line, index) => (
											<li key={index}>{line}</li>
										))}
									</ul>
								) : null}
							</div>
						) : null}
					</div>
					<label className="mb-3 block">
						<span className="mb-1 block font-medium">{t('upload.file')}</span>
						<input type="file" name="file" required accept=".gpc,.abo,.xml,.json,.txt" aria-describedby="upload-hint" className="block" />
					</label>
					<p id="upload-hint" className="mb-3 text-sm">
						{t('upload.hint', { mb: MAX_MB })}
					</p>
					<SubmitButton>{navigation.state === 'submitting' ? '…' : t('upload.submit')}</SubmitButton>
				</Form>
			) : null}
			<h2 className="mb-3 text-xl font-semibold">{t('statements.heading')}</h2>
			{statements.length === 0 ? (
				<p>{t('statements.empty')}</p>
			) : (
				<table className="stack-table w-full text-left text-sm">
					<thead>
						<tr>
							<th scope="col">{t('statements.imported')}</th>
							<th scope="col">{t('statements.fileName')}</th>
							<th scope="col">{t('statements.format')}</th>
							<th scope="col">{t('statements.account')}</th>
							<th scope="col">{t('statements.result')}</th>
						</tr>
					</thead>
					<tbody>
						{statements.map((s) => (
							<tr key={s.id}>
								<td data-label={t('statements.imported')}>{when(s.createdAt)}</td>
								<td data-label={t('statements.fileName')}>
									<Link to={`/urad/banka?vypis=${s.id}`}>{s.fileName}</Link>
								</td>
								<td data-label={t('statements.format')}>{t(`statements.formats.${s.format}`, { defaultValue: s.format })}</td>
								<td data-label={t('statements.account')}>{s.account ?? '—'}</td>
								<td data-label={t('statements.result')}>
									{s.summary.failed
										? t('statements.failed')
										: s.finishedAt
											? t('statements.done', { matched: s.summary.matched ?? 0, unmatched: s.summary.unmatched ?? 0, new: s.summary.new ?? 0 })
											: t('statements.running', { progress: s.progress })}
								</td>
							</tr>
						))}
					</tbody>
				</table>
			)}
			<Pagination page={page} pages={pages} label={t('statements.pagination')} />
		</main>
	)
}

export function ErrorBoundary() {
	return <OfficeErrorBoundary />
}
