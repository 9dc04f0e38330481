import { data, type LoaderFunctionArgs, type MetaFunction } from '@remix-run/node'
import { Form, Link, useLoaderData } from '@remix-run/react'
import { useTranslation } from 'react-i18next'
import { GeneralErrorBoundary } from '~/components/general-error-boundary'
import { dateToDay } from '~/modules/board/board-clock.server'
import { snapshotMessage } from '~/modules/board/board-signature.server'
import { latestBoardSnapshot } from '~/modules/board/take-board-snapshot.server'
import { verifyBoardSnapshot } from '~/modules/board/verify-board-snapshot.server'
import { townPageMeta } from '~/modules/citizen/page-meta'
import { getTenantDb } from '~/modules/db/tenant-db.server'
import { formatDate } from '~/modules/i18n/format'
import { getRequestLocale } from '~/modules/i18n/locale.server'
import { resources } from '~/modules/i18n/resources.server'
import { requireTenant, requireTownProfile } from '~/modules/tenancy/require-town.server'
import type { loader as rootLoader } from '~/root'

export const handle = { i18n: ['board'] }

const DAY = /^\d{4}-\d{2}-\d{2}$/

// Checks a day's signed snapshot of the official board (issue 17): the stored list against its
// fingerprint, the town's signature against its public key, and the board's records against the list.
// /uredni-deska/overeni.json answers the same for a script.
export async function loader({ request, context }: LoaderFunctionArgs) {
	const tenant = requireTenant(context)
	const profile = await requireTownProfile(context)
	const locale = await getRequestLocale(request, profile)
	const db = getTenantDb(tenant)
	const url = new URL(request.url)
	const asked = url.searchParams.get('den')?.trim() ?? ''
	const invalidDay = asked !== '' && (!DAY.test(asked) || Number.isNaN(Date.parse(`${asked}T00:00:00Z`)))
	const latest = await latestBoardSnapshot(db)
	const day = asked && !invalidDay ? asked : latest ? dateToDay(latest.day) : null
	const result = day ? await verifyBoardSnapshot(db, day) : null
	return data(
		{
			title: resources[locale].board.verify.title,
			asked,
			invalidDay,
			day,
			date: day ? formatDate(new Date(`${day}T12:00:00Z`), locale) : null,
			result: result?.found
				? {
						...result,
						takenAt: formatDate(result.takenAt, locale),
						message: snapshotMessage({ day: result.day, listHash: result.listHash, documentCount: result.documentCount }),
					}
				: null,
		},
		{ status: invalidDay ? 400 : 200 },
	)
}

export const meta: MetaFunction<typeof loader, { root: typeof rootLoader }> = ({ data: page, matches }) => townPageMeta(page?.title, matches)

export default function VerifyBoardSnapshot() {
	const { asked, invalidDay, day, date, result } = useLoaderData<typeof loader>()
	const { t } = useTranslation('board')
	const check = (ok: boolean, label: string) => (
		<li>
			<span aria-hidden="true">{ok ? '✔' : '✘'}</span> {label}: <strong>{ok ? t('verify.ok') : t('verify.failed')}</strong>
		</li>
	)
	return (
		<main id="main" tabIndex={-1} className="mx-auto w-full max-w-4xl flex-1 px-4 py-10">
			<p className="mb-4">
				<Link to="/uredni-deska">{t('detail.back')}</Link>
			</p>
			<h1 className="mb-2 text-3xl font-bold">{t('verify.title')}</h1>
			<p className="mb-6">{t('verify.intro')}</p>
			<Form method="get" className="mb-8 flex flex-wrap items-end gap-4">
				<div>
					<label htmlFor="verify-day" className="block font-semibold">
						{t('verify.day')}
					</label>
					<input
						id="verify-day"
						name="den"
						type="date"
						defaultValue={asked || day || ''}
						aria-invalid={invalidDay || undefined}
						aria-describedby={invalidDay ? 'verify-day-error' : undefined}
						className="mt-1 rounded-town border border-muted bg-surface px-3 py-2"
					/>
					{invalidDay ? (
						<p id="verify-day-error" className="mt-1 font-semibold text-red-900">
							{t('verify.invalidDay')}
						</p>
					) : null}
				</div>
				<button type="submit" className="rounded-town bg-primary px-4 py-2 font-semibold text-primary-contrast">
					{t('verify.submit')}
				</button>
			</Form>
			{invalidDay ? null : !result ? (
				<p role="status">{day ? t('verify.noSnapshot', { date }) : t('snapshot.none')}</p>
			) : (
				<section aria-labelledby="verify-result" data-testid="verify-result">
					<h2 id="verify-result" className="mb-2 text-2xl font-semibold">
						{t('verify.resultFor', { date })}
					</h2>
					<p role="status" className={`mb-4 rounded-town border-2 p-3 font-semibold ${result.valid ? 'border-green-800' : 'border-red-900'}`}>
						{result.valid ? t('verify.valid', { date }) : result.signed ? t('verify.invalid') : t('verify.unsigned')}
					</p>
					<ul className="mb-6 list-none space-y-1">
						{check(result.listMatchesHash, t('verify.checkList'))}
						{result.signed ? check(result.signatureValid, t('verify.checkSignature')) : null}
						{check(result.recordsMatch, t('verify.checkRecords'))}
					</ul>
					<dl className="mb-6 grid gap-x-6 gap-y-1 sm:grid-cols-[max-content_1fr]">
						<dt className="font-semibold">{t('verify.fingerprint')}</dt>
						<dd className="break-all font-mono text-sm">{result.listHash}</dd>
						<dt className="font-semibold">{t('verify.count')}</dt>
						<dd>{result.documentCount}</dd>
						<dt className="font-semibold">{t('verify.takenAt')}</dt>
						<dd>{result.takenAt}</dd>
						{result.signature && result.keyId ? (
							<>
								<dt className="font-semibold">{t('verify.signature')}</dt>
								<dd className="break-all font-mono text-sm" data-testid="verify-signature">
									{result.signature}
								</dd>
								<dt className="font-semibold">{t('verify.key')}</dt>
								<dd>
									<a href={`/uredni-deska/klic/${result.keyId}.pem`}>{t('verify.keyLink', { keyId: result.keyId })}</a>
								</dd>
							</>
						) : null}
					</dl>
					<p className="mb-2">
						<a href={`/uredni-deska/otisk/${result.day}.txt`}>{t('snapshot.download')}</a>
					</p>
					<h3 className="mb-2 mt-6 text-xl font-semibold">{t('verify.howTitle')}</h3>
					<p className="mb-2">{t('verify.how')}</p>
					<pre
						className="mb-2 overflow-x-auto whitespace-pre-wrap break-all rounded-town border border-muted/50 bg-surface p-3 text-sm"
						data-testid="verify-message"
					>
						{result.message}
					</pre>
					<p className="text-sm">{t('verify.openssl')}</p>
				</section>
			)}
		</main>
	)
}

export function ErrorBoundary() {
	return <GeneralErrorBoundary />
}
