import { useFetcher } from '@remix-run/react'
import { useEffect, useState } from 'react'
import { useTranslation } from 'react-i18next'

const WARN_BEFORE_MS = 2 * 60 * 1000

/**
 * Shown (after hydration only) two minutes before the session would end for inactivity, with a
 * button that keeps it alive; when the time is up it says so. `idleMsLeft` comes from the office
 * layout's loader, which runs on every navigation, so the countdown restarts with each page.
 */
export function IdleWarning({ idleMsLeft, loadedAt }: { idleMsLeft: number; loadedAt: string }) {
	const { t } = useTranslation('office')
	const fetcher = useFetcher()
	const [phase, setPhase] = useState<'quiet' | 'warning' | 'expired'>('quiet')

	useEffect(() => {
		setPhase('quiet')
		const deadline = Date.now() + idleMsLeft
		const warn = setTimeout(() => setPhase('warning'), Math.max(0, deadline - WARN_BEFORE_MS - Date.now()))
		const expire = setTimeout(() => setPhase('expired'), Math.max(0, deadline - Date.now()))
		return () => {
			clearTimeout(warn)
			clearTimeout(expire)
		}
	}, [idleMsLeft, loadedAt])

	return (
		<div role="status" aria-live="polite" className="mx-auto w-full max-w-5xl px-4">
			{phase === 'warning' ? (
				<div className="my-3 flex flex-wrap items-center gap-4 rounded-town border-2 border-primary bg-surface p-3">
					<p>{t('idle.warning')}</p>
					<fetcher.Form method="post" action="/urad/session">
						<button type="submit" className="rounded-town border-2 border-primary bg-primary px-3 py-1 font-semibold text-primary-contrast">
							{t('idle.stay')}
						</button>
					</fetcher.Form>
				</div>
			) : null}
			{phase === 'expired' ? (
				<div className="my-3 rounded-town border-2 border-primary bg-surface p-3">
					<p>
						{t('idle.expired')} <a href="/urad/prihlaseni">{t('idle.loginAgain')}</a>
					</p>
				</div>
			) : null}
		</div>
	)
}
