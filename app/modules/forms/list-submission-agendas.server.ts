import type { TenantDb } from '../db/tenant-db.server'

export type SubmissionAgenda = { code: string; name: unknown }

/** The town's submission agendas (decision 008) as stored in its settings, in their order. */
export async function listSubmissionAgendas({ db }: { db: Pick<TenantDb, 'townSettings'> }): Promise<SubmissionAgenda[]> {
	const settings = await db.townSettings.findUnique({ where: { id: 1 }, select: { submissionAgendas: true } })
	return (settings?.submissionAgendas ?? []) as SubmissionAgenda[]
}
