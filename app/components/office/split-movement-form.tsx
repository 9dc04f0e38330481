import { Form } from '@remix-run/react'
import { useState } from 'react'
import { useTranslation } from 'react-i18next'
import { parseCrowns } from '~/modules/bank-statements/split-form'
import { SubmitButton } from './form-field'
import { useFormat } from '~/modules/i18n/use-format'

// The clerk's split of one bank payment over several claims of one payer (issue 11.4). A plain form
// POST: one amount per claim (empty = left out), prefilled earliest due first. With JavaScript the
// remainder that stays as an overpayment is recomputed while typing; without it the server's figure
// for the prefill is shown and the server checks everything again.

export type SplitClaim = {
	id: string
	variableSymbol: string
	feeType: string
	label?: unknown
	year: number
	instalment: number
	instalmentCount: number
	dueDate: string
	name: string
	remaining: number
	prefill: number
}
export type SplitFormError = { reason: string; claimId?: string; variableSymbol?: string; remaining?: number; sum?: number; available?: number }

/** Haléře as a clerk would type them: 360 or 360,50. */
function typed(halere: number, language: string) {
	if (halere <= 0) return ''
	const text = (halere / 100).toFixed(2).replace(/\.00$/, '')
	return language === 'en' ? text : text.replace('.', ',')
}

export function SplitMovementForm(props: {
	payerId: string
	available: number
	claims: SplitClaim[]
	error?: SplitFormError | null
	values?: Record<string, string> | null
	note?: string | null
}) {
	const { payerId, available, claims, error, values, note } = props
	const { t, i18n } = useTranslation('bank-office')
	const money = (halere: number) => new Intl.NumberFormat(i18n.language, { style: 'currency', currency: 'CZK' }).format(halere / 100)
	const format = useFormat()
	const [amounts, setAmounts] = useState<Record<string, string>>(() =>
		Object.fromEntries(claims.map((c) => [c.id, values?.[c.id] ?? typed(c.prefill, i18n.language)])),
	)
	const sum = claims.reduce((total, c) => total + (parseCrowns(amounts[c.id] ?? '') ?? 0), 0)
	const remainder = available - sum
	const errorText = error
		? t(`split.errors.${error.reason}`, {
				vs: error.variableSymbol ?? claims.find((c) => c.id === error.claimId)?.variableSymbol ?? '',
				remaining: money(error.remaining ?? 0),
				sum: money(error.sum ?? 0),
				available: money(error.available ?? available),
			})
		: null
	return (
		<Form method="post" className="rounded-town border p-4" aria-labelledby="split-form-heading">
			<h3 id="split-form-heading" className="mb-2 text-lg font-semibold">
				{t('split.formHeading')}
			</h3>
			<div role="alert">
				{errorText ? (
					<p id="split-error" className="mb-3 rounded-town border-2 border-red-800 bg-red-50 p-3 font-medium text-red-900">
						{errorText}
					</p>
				) : null}
			</div>
			<input type="hidden" name="payerId" value={payerId} />
			<input type="hidden" name="expected" value={available} />
			<p id="split-amount-hint" className="mb-2 text-sm">
				{t('split.amountHint')}
			</p>
			<table className="mb-3 w-full text-left text-sm">
				<caption className="sr-only">{t('split.tableCaption')}</caption>
				<thead>
					<tr>
						<th scope="col">{t('movement.vs')}</th>
						<th scope="col">{t('movement.name')}</th>
						<th scope="col">{t('movement.claim')}</th>
						<th scope="col">{t('movement.due')}</th>
						<th scope="col">{t('split.remaining')}</th>
						<th scope="col">{t('split.amount')}</th>
					</tr>
				</thead>
				<tbody>
					{claims.map((c) => (
						<tr key={c.id}>
							<td>{c.variableSymbol}</td>
							<td>{c.name}</td>
							<td>
								{format.text(c.label) || c.feeType} {c.year}
								{format.instalment(c) ? `, ${format.instalment(c)}` : ''}
							</td>
							<td>{format.date(c.dueDate)}</td>
							<td>{money(c.remaining)}</td>
							<td>
								<input type="hidden" name="claimId" value={c.id} />
								<input
									type="text"
									name="amount"
									inputMode="decimal"
									aria-label={t('split.amountFor', { vs: c.variableSymbol })}
									aria-describedby={error?.claimId === c.id ? 'split-error split-amount-hint' : 'split-amount-hint'}
									aria-invalid={error?.claimId === c.id ? true : undefined}
									defaultValue={amounts[c.id]}
									onChange={(event) => setAmounts((current) => ({ ...current, [c.id]: event.target.value }))}
									className="w-28 rounded-town border px-2 py-1"
								/>
							</td>
						</tr>
					))}
				</tbody>
			</table>
			<p className="mb-1">{t('split.available', { amount: money(available) })}</p>
			<p className="mb-3 font-semibold" aria-live="polite">
				{remainder >= 0 ? t('split.remainder', { amount: money(remainder) }) : t('split.overBy', { amount: money(-remainder) })}
			</p>
			<label className="mb-3 block">
				<span className="mb-1 block font-medium">{t('movement.note')}</span>
				<textarea
					name="note"
					required
					minLength={3}
					maxLength={500}
					rows={2}
					defaultValue={note ?? undefined}
					aria-describedby="split-note-hint"
					className="w-full rounded-town border p-2"
				/>
			</label>
			<p id="split-note-hint" className="mb-3 text-sm">
				{t('split.noteHint')}
			</p>
			<SubmitButton name="intent" value="split">
				{t('split.submit')}
			</SubmitButton>
		</Form>
	)
}
