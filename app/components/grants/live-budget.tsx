// The budget table's limits as the applicant types (issue 14, progressive enhancement): the same
// checkBudget the server runs on submit, announced politely in a status region. Without JavaScript
// nothing shows here and the server's check on submit is the only one.
import { useEffect, useState, type RefObject } from 'react'
import { useTranslation } from 'react-i18next'
import { checkTypedBudget, type BudgetLimits } from '~/modules/grants/budget'
import { asLocale, formatMoney } from '~/modules/i18n/format'

function readRows(form: HTMLFormElement, rows: number) {
	const body = new FormData(form)
	return Array.from({ length: rows }, (_, i) => ({
		category: String(body.get(`budget.${i}.category`) ?? ''),
		ownShare: String(body.get(`budget.${i}.ownShare`) ?? ''),
		requested: String(body.get(`budget.${i}.requested`) ?? ''),
	}))
}

export function LiveBudget({ formRef, rows, limits }: { formRef: RefObject<HTMLFormElement | null>; rows: number; limits: BudgetLimits }) {
	const { t, i18n } = useTranslation('grants')
	const [check, setCheck] = useState<ReturnType<typeof checkTypedBudget> | undefined>(undefined)
	useEffect(() => {
		const form = formRef.current
		if (!form) return
		const update = () => setCheck(checkTypedBudget(readRows(form, rows), limits))
		update()
		form.addEventListener('input', update)
		form.addEventListener('change', update)
		return () => {
			form.removeEventListener('input', update)
			form.removeEventListener('change', update)
		}
	}, [formRef, rows, limits])
	const locale = asLocale(i18n.language)
	return (
		<div role="status" aria-live="polite" id="budget-live" className="mt-2">
			{check && check.requested > 0 ? (
				<>
					<p>{t('application.liveTotals', { requested: formatMoney(check.requested, locale), ownShare: formatMoney(check.ownShare, locale) })}</p>
					{check.problems.length ? (
						<ul className="font-semibold text-red-900">
							{check.problems.map((problem, i) => (
								<li key={i}>{t(`budget.${problem.key}`, problem.values)}</li>
							))}
						</ul>
					) : (
						<p>{t('application.liveOk')}</p>
					)}
				</>
			) : null}
		</div>
	)
}
