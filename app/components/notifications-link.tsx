import { Link } from '@remix-run/react'
import { useTranslation } from 'react-i18next'

/** The header's way to /oznameni, with the unread count as a badge (and in the accessible name). */
export function NotificationsLink({ unread, className }: { unread: number; className: string }) {
	const { t } = useTranslation()
	const label = unread > 0 ? t('account.notificationsUnread', { count: unread }) : t('account.notifications')
	return (
		<Link to="/oznameni" className={className} aria-label={label}>
			{t('account.notifications')}
			{unread > 0 ? (
				<span aria-hidden="true" data-testid="unread-badge" className="ml-1 rounded-full bg-primary-contrast px-2 text-primary">
					{unread > 99 ? '99+' : unread}
				</span>
			) : null}
		</Link>
	)
}
