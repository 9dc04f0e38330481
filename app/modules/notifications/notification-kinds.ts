// What a citizen can be notified of, and on which channels (decision 023).
export const NOTIFICATION_KINDS = ['submission_status', 'message_reply', 'payment_receipt', 'reminder', 'announcement'] as const
export type NotificationKind = (typeof NOTIFICATION_KINDS)[number]
export const NOTIFICATION_CHANNELS = ['portal', 'email', 'sms'] as const
export type NotificationChannel = (typeof NOTIFICATION_CHANNELS)[number]

/** Without a saved choice: in the portal and by e-mail yes, SMS no (it costs the town money and needs a confirmed number). */
export function defaultPreference(channel: NotificationChannel): boolean {
	return channel !== 'sms'
}
