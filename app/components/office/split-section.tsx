import { Link } from '@remix-run/react'
import { useTranslation } from 'react-i18next'
import { SplitMovementForm, type SplitClaim, type SplitFormError } from './split-movement-form'

// The movement page's split section (issue 11.4): how much can be split, whose claims, other payers
// from the search, and the form. A refusal the form cannot show (no claims left) is announced here.

export type SplitOptions = {
	mode: 'unmatched' | 'overpayment'
	available: number
	payer: { id: string; name: string; household: string | null } | null
	claims: SplitClaim[]
	more: boolean
}
export type SplitFailure = { splitError: SplitFormError; values: Record<string, string>; note: string }

export function SplitSection({
	split,
	payers,
	q,
	failure,
}: {
	split: SplitOptions
	payers: { id: string; name: string }[]
	q: string
	failure: SplitFailure | null
}) {
	const { t, i18n } = useTranslation('bank-office')
	const money = (halere: number) => new Intl.NumberFormat(i18n.language, { style: 'currency', currency: 'CZK' }).format(halere / 100)
	return (
		<section id="rozdeleni" aria-labelledby="split-heading" className="mb-8">
			<h2 id="split-heading" className="mb-2 text-xl font-semibold">
				{t(split.mode === 'unmatched' ? 'split.heading' : 'split.headingOverpayment')}
			</h2>
			<p className="mb-2">{t(split.mode === 'unmatched' ? 'split.intro' : 'split.introOverpayment', { amount: money(split.available) })}</p>
			<p className="mb-2">
				{split.payer
					? t('split.payer', { name: split.payer.name }) + (split.payer.household ? ` ${t('split.household', { label: split.payer.household })}` : '')
					: t('split.noPayer')}
			</p>
			{payers.length ? (
				<nav aria-label={t('split.payersLabel')} className="mb-3">
					<p className="font-medium">{t('split.otherPayer')}</p>
					<ul className="list-disc pl-6">
						{payers.map((p) => (
							<li key={p.id}>
								<Link to={`?${new URLSearchParams({ q, platce: p.id }).toString()}#rozdeleni`}>{t('split.choosePayer', { name: p.name })}</Link>
							</li>
						))}
					</ul>
				</nav>
			) : null}
			{split.payer && split.claims.length === 0 ? <p className="mb-2">{t('split.noOpenClaims')}</p> : null}
			{split.more ? <p className="mb-2">{t('split.more', { count: split.claims.length })}</p> : null}
			{split.payer && split.claims.length ? (
				<SplitMovementForm
					key={`${split.payer.id}:${split.available}`}
					payerId={split.payer.id}
					available={split.available}
					claims={split.claims}
					error={failure?.splitError ?? null}
					values={failure?.values ?? null}
					note={failure?.note ?? null}
				/>
			) : failure ? (
				<p role="alert" className="mb-4 rounded-town border-2 border-red-800 bg-red-50 p-3 font-medium text-red-900">
					{t(`split.errors.${failure.splitError.reason}`, { vs: failure.splitError.variableSymbol ?? '', remaining: '', sum: '', available: '' })}
				</p>
			) : null}
		</section>
	)
}
