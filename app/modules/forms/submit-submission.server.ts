import type { Prisma } from '../../generated/tenant/client'
import type { TenantDb } from '../db/tenant-db.server'
import { AppError } from '../errors/app-error'

type Options = {
	db: TenantDb
	tenant: { slug: string }
	formVersionId: string
	agenda: string
	/** Null for an anonymous submission. */
	personId: string | null
	/** Already validated with buildSubmissionSchema; file fields hold draft attachment ids. */
	data: Record<string, unknown>
	locale: string
	contactEmail?: string | null
	/** Anonymous submissions: sha256 of the client IP (rate limit). */
	ipHash?: string | null
	/** The draft whose files become the submission's attachments (deleted with it). */
	draftId?: string
	/** Files of an anonymous submission, checked already (no draft to keep them in). */
	files?: { fieldName: string; fileName: string; contentType: string; size: number; sha256: string; content: Buffer }[]
	now?: Date
}

/** The submission's human number: town prefix, year, counter per year (VES-2026-000123). */
export function submissionNumber(slug: string, year: number, value: number) {
	return `${slug
		.replace(/[^a-z]/g, '')
		.slice(0, 3)
		.toUpperCase()}-${year}-${String(value).padStart(6, '0')}`
}

/**
 * Files a submission. One transaction holds the submission, its attachments, the first timeline
 * event and the delivery outbox row, so either all exist and the delivery worker will pick it up,
 * or none do: nothing is lost if the records system (or this process) is down.
 */
export async function submitSubmission(options: Options) {
	const { db, data } = options
	const now = options.now ?? new Date()
	const year = Number(new Intl.DateTimeFormat('en', { timeZone: 'Europe/Prague', year: 'numeric' }).format(now))
	return db.$transaction(async (tx) => {
		// Upsert on one unique column runs as INSERT ... ON CONFLICT: concurrent submits get distinct numbers.
		const counter = await tx.submissionCounter.upsert({ where: { year }, create: { year, value: 1 }, update: { value: { increment: 1 } } })
		const fileIds = collectFileIds(data)
		const draftFiles = options.draftId
			? await tx.draftAttachment.findMany({
					where: { draftId: options.draftId, id: { in: fileIds } },
					select: { id: true, fieldName: true, fileName: true, contentType: true, size: true, sha256: true, content: true },
				})
			: []
		if (options.draftId && draftFiles.length !== fileIds.length)
			throw new AppError('input_invalid', 'A file named in the submission is not attached to the draft.')
		const submission = await tx.submission.create({
			data: {
				number: submissionNumber(options.tenant.slug, year, counter.value),
				formVersionId: options.formVersionId,
				agenda: options.agenda,
				personId: options.personId,
				data: data as Prisma.InputJsonObject,
				locale: options.locale,
				contactEmail: options.contactEmail ?? null,
				ipHash: options.ipHash ?? null,
				submittedAt: now,
				attachments: {
					create: [
						...draftFiles.map(({ id: _id, ...file }) => file),
						...(options.files ?? []).map((file) => ({ ...file, content: new Uint8Array(file.content) })),
					],
				},
				events: { create: { kind: 'submitted', status: 'submitted', actor: options.personId ? 'citizen' : 'system', at: now } },
				outbox: { create: { state: 'pending', nextAttemptAt: now } },
			},
			select: { id: true, number: true, submittedAt: true },
		})
		if (options.draftId) await tx.submissionDraft.delete({ where: { id: options.draftId } })
		return submission
	})
}

function collectFileIds(data: Record<string, unknown>): string[] {
	// File fields hold lists of uuids; only top-level fields can be files (groups hold no files).
	return Object.values(data).flatMap((value) =>
		Array.isArray(value) && value.every((item) => typeof item === 'string' && /^[0-9a-f-]{36}$/.test(item)) ? (value as string[]) : [],
	)
}
