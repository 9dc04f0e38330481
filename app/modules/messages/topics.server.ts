import type { TenantDb } from '../db/tenant-db.server'

export type Topic = { code: string; name: Record<string, string> }

/** A thread's topic is one of the town's submission agendas (decision 008), so the same clerks answer it. */
export async function listTopics(db: Pick<TenantDb, 'townSettings'>): Promise<Topic[]> {
	const settings = await db.townSettings.findUnique({ where: { id: 1 }, select: { submissionAgendas: true } })
	return ((settings?.submissionAgendas ?? []) as Topic[]).filter((topic) => topic && typeof topic.code === 'string')
}

export function topicName(topics: Topic[], code: string, locale: string) {
	const topic = topics.find((t) => t.code === code)
	return topic ? (topic.name[locale] ?? topic.name.cs ?? code) : code
}
