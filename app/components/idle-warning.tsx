import { useFetcher } from '@remix-run/react'
import { useEffect, useState } from 'react'
import { useTranslation } from 'react-i18next'

const WARN_BEFORE_MS = 2 * 60 * 1000

type IdleWarningProps = {
	/** From a loader that runs on every navigation (getIdleCountdown), so the countdown restarts with each page. */
	idleMsLeft: number
	loadedAt: string
	/** POST here keeps the session alive (the office's /urad/session, the citizens' /auth/session). */
	keepAliveUrl: string
	/** Where "log in again" leads once the time is up. */
	loginUrl: string
}

/**
 * Shown (after hydration only) two minutes before the session would end for inactivity, with a
 * button that keeps it alive; when the time is up it says so. Staff and citizens share it.
 */
export function IdleWarning({ idleMsLeft, loadedAt, keepAliveUrl, loginUrl }: IdleWarningProps) {
	const { t } = useTranslation()
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

	// A live region without role="status": it sits on every page of a logged-in citizen, and a page's
	// own status message (e.g. "saved") should stay the only status there.
	return (
		<div aria-live="polite" className="mx-auto w-full max-w-5xl px-4">
			{phase === 'warning' ? (
				<div className="my-3 flex flex-wrap items-center gap-4 rounded-town border-2 border-primary bg-surface p-3">
					<p>{t('idle.warning')}</p>
					<fetcher.Form method="post" action={keepAliveUrl}>
						<button type="submit" className="rounded-town border-2 border-primary bg-primary px-3 py-1 font-semibold text-primary-contrast">
							{t('idle.stay')}
						</button>
					</fetcher.Form>
				</div>
			) : null}
			{phase === 'expired' ? (
				<div className="my-3 rounded-town border-2 border-primary bg-surface p-3">
					<p>
						{t('idle.expired')} <a href={loginUrl}>{t('idle.loginAgain')}</a>
					</p>
				</div>
			) : null}
		</div>
	)
}
