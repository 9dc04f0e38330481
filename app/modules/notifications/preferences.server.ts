import type { TenantDb } from '../db/tenant-db.server'
import { defaultPreference, NOTIFICATION_CHANNELS, NOTIFICATION_KINDS, type NotificationChannel, type NotificationKind } from './notification-kinds'

type Db = Pick<TenantDb, 'notificationPreference'>

/** Whether this person wants this kind of notification on this channel (a saved choice, else the default). */
export async function wantsNotification(db: Db, personId: string, kind: NotificationKind, channel: NotificationChannel): Promise<boolean> {
	const row = await db.notificationPreference.findUnique({ where: { personId_kind_channel: { personId, kind, channel } }, select: { enabled: true } })
	return row ? row.enabled : defaultPreference(channel)
}

export type PreferenceGrid = Record<NotificationKind, Record<NotificationChannel, boolean>>

export async function readPreferences(db: Db, personId: string): Promise<PreferenceGrid> {
	const rows = await db.notificationPreference.findMany({ where: { personId }, select: { kind: true, channel: true, enabled: true } })
	const grid = Object.fromEntries(
		NOTIFICATION_KINDS.map((kind) => [kind, Object.fromEntries(NOTIFICATION_CHANNELS.map((channel) => [channel, defaultPreference(channel)]))]),
	) as PreferenceGrid
	for (const row of rows)
		if (row.kind in grid && row.channel in grid[row.kind as NotificationKind])
			grid[row.kind as NotificationKind][row.channel as NotificationChannel] = row.enabled
	return grid
}

/** Saves the whole grid (a form posts a checkbox per kind and channel: a missing one means off). */
export async function savePreferences(db: TenantDb, personId: string, checked: Set<string>) {
	await db.$transaction(
		NOTIFICATION_KINDS.flatMap((kind) =>
			NOTIFICATION_CHANNELS.map((channel) => {
				const enabled = checked.has(`${kind}.${channel}`)
				return db.notificationPreference.upsert({
					where: { personId_kind_channel: { personId, kind, channel } },
					create: { personId, kind, channel, enabled },
					update: { enabled },
				})
			}),
		),
	)
}
