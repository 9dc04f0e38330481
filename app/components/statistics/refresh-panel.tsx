import { Form } from '@remix-run/react'
import { useTranslation } from 'react-i18next'
import { SubmitButton } from '../office/form-field'

type Props = {
	refresh: { status: string; step: number; steps: number; refreshedAt: string | null; error: string | null }
	canRefresh: boolean
	action: string
	checkHref: string
}

/** When the figures were computed, a refresh under way (with its progress) and "refresh now" for the admin. */
export function RefreshPanel({ refresh, canRefresh, action, checkHref }: Props) {
	const { t, i18n } = useTranslation('statistics')
	const busy = refresh.status === 'queued' || refresh.status === 'running'
	const when = refresh.refreshedAt
		? new Date(refresh.refreshedAt).toLocaleString(i18n.language, { timeZone: 'Europe/Prague', dateStyle: 'medium', timeStyle: 'short' })
		: null
	return (
		<section aria-labelledby="refresh-heading" className="mb-8 rounded-town border border-muted/40 bg-surface p-4">
			<h2 id="refresh-heading" className="sr-only">
				{t('refresh.heading')}
			</h2>
			<p>{when ? t('refresh.lastAt', { when }) : t('refresh.never')}</p>
			<div aria-live="polite">
				{busy ? (
					<div className="mt-2">
						<p>{t(`refresh.status.${refresh.status as 'queued' | 'running'}`)}</p>
						<progress
							max={Math.max(1, refresh.steps)}
							value={refresh.step}
							aria-label={t('refresh.progress', { step: refresh.step, steps: refresh.steps || '?' })}
							className="w-full max-w-md"
						/>
						<p>
							<a href={checkHref}>{t('refresh.check')}</a>
						</p>
					</div>
				) : null}
				{refresh.status === 'failed' ? <p className="mt-2 font-medium text-red-800">{t('refresh.failed')}</p> : null}
			</div>
			{canRefresh && !busy ? (
				<Form method="post" action={action} className="mt-3">
					<SubmitButton name="intent" value="refresh" variant="secondary">
						{t('refresh.now')}
					</SubmitButton>
				</Form>
			) : null}
		</section>
	)
}
