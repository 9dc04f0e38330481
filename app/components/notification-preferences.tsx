import { Form } from '@remix-run/react'
import { useTranslation } from 'react-i18next'
import { NOTIFICATION_CHANNELS, NOTIFICATION_KINDS, type NotificationChannel, type NotificationKind } from '~/modules/notifications/notification-kinds'

/** Per kind and channel, the citizen's choice; posts to /profil/oznameni (a plain form, works without JavaScript). */
export function NotificationPreferences({
	grid,
	topics,
	isSaved,
}: {
	grid: Record<NotificationKind, Record<NotificationChannel, boolean>>
	topics: { code: string; name: string; checked: boolean }[]
	isSaved: boolean
}) {
	const { t } = useTranslation('messages')
	return (
		<section aria-labelledby="notification-preferences" className="mb-8">
			<h2 id="notification-preferences" className="mb-2 text-2xl font-semibold">
				{t('notifications.preferences.title')}
			</h2>
			<p className="mb-3">{t('notifications.preferences.intro')}</p>
			{isSaved ? (
				<p role="status" className="mb-3 rounded-town border-2 border-primary p-3">
					{t('notifications.preferences.saved')}
				</p>
			) : null}
			<Form method="post" action="/profil/oznameni">
				<table className="mb-3 w-full border-collapse text-left">
					<caption className="sr-only">{t('notifications.preferences.title')}</caption>
					<thead>
						<tr className="border-b border-muted">
							<th scope="col" className="py-2 pr-3">
								{t('notifications.preferences.kindHeader')}
							</th>
							{NOTIFICATION_CHANNELS.map((channel) => (
								<th key={channel} scope="col" className="py-2 pr-3">
									{t(`notifications.preferences.channel.${channel}`)}
								</th>
							))}
						</tr>
					</thead>
					<tbody>
						{NOTIFICATION_KINDS.map((kind) => (
							<tr key={kind} className="border-b border-muted">
								<th scope="row" className="py-2 pr-3 font-normal">
									{t(`notifications.preferences.kind.${kind}`)}
								</th>
								{NOTIFICATION_CHANNELS.map((channel) => (
									<td key={channel} className="py-2 pr-3">
										<input
											type="checkbox"
											name="pref"
											value={`${kind}.${channel}`}
											defaultChecked={grid[kind][channel]}
											aria-label={`${t(`notifications.preferences.kind.${kind}`)}: ${t(`notifications.preferences.channel.${channel}`)}`}
										/>
									</td>
								))}
							</tr>
						))}
					</tbody>
				</table>
				<fieldset className="mb-3">
					<legend className="mb-1 text-lg font-semibold">{t('topics.title')}</legend>
					<p className="mb-2">{t('topics.intro')}</p>
					{topics.length === 0 ? <p>{t('topics.none')}</p> : null}
					{topics.map((topic) => (
						<label key={topic.code} className="flex items-center gap-2 py-1">
							<input type="checkbox" name="topic" value={topic.code} defaultChecked={topic.checked} />
							{topic.name}
						</label>
					))}
				</fieldset>
				<button type="submit" className="rounded-town bg-primary px-4 py-2 font-semibold text-primary-contrast">
					{t('notifications.preferences.save')}
				</button>
			</Form>
		</section>
	)
}
