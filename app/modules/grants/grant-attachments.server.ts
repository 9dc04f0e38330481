// Attachments of a grant application (the programme's required ones and others) and a settlement's
// receipts. Each file is checked by its content exactly as a form's attachments are (checkUpload: the
// bytes decide the type, limits per file, count and total); the applicant adds and removes them while
// the application (or the settlement) is theirs to edit; the grants clerk and the assigned evaluators
// (after declaring no conflict of interest) can download them.
import { accessibleWhere, type AppAbility } from '../access/ability.server'
import type { TenantDb } from '../db/tenant-db.server'
import { checkUpload, type CheckedUpload, type UploadRefusal } from '../forms/check-upload.server'
import { GRANT_ATTACHMENT_ACCEPT, GRANT_ATTACHMENT_LIMITS } from './attachment-limits'
import { GrantInputError } from './grant-error'
import { readRequiredAttachments } from './programme-rules'

export type GrantAttachmentPurpose = 'application' | 'settlement'

const EDITABLE: Record<GrantAttachmentPurpose, string[]> = { application: ['draft', 'returned'], settlement: ['paid', 'settlement_returned'] }

/** "other" is an attachment the programme does not require (the applicant's own addition). */
export const OTHER_KIND = 'other'
export const RECEIPT_KIND = 'receipt'

export class GrantUploadError extends GrantInputError {
	constructor(
		readonly reason: UploadRefusal,
		detail: string | undefined,
		fileName: string,
	) {
		super(`upload.${reason}`, 'attachment', { detail: detail ?? '', file: fileName })
	}
}

async function editableApplication(db: TenantDb, personId: string, applicationId: string, purpose: GrantAttachmentPurpose) {
	const application = await db.grantApplication.findFirst({
		where: { id: applicationId, personId },
		select: {
			state: true,
			attachments: { select: { size: true, purpose: true } },
			call: { select: { programmeVersion: { select: { requiredAttachments: true } } } },
		},
	})
	if (!application) throw new GrantInputError('errors.notFound')
	if (!EDITABLE[purpose].includes(application.state)) throw new GrantInputError('errors.notEditable')
	return application
}

/**
 * Checks and stores the files in one go: either all of them are stored or none (a refused file names
 * itself and its reason). `kind` is a required attachment's code or OTHER_KIND (receipts: 'receipt').
 */
export async function addGrantAttachments({
	db,
	personId,
	applicationId,
	purpose,
	kind,
	files,
}: {
	db: TenantDb
	personId: string
	applicationId: string
	purpose: GrantAttachmentPurpose
	kind: string
	files: { fileName: string; content: Buffer }[]
}) {
	const application = await editableApplication(db, personId, applicationId, purpose)
	if (purpose === 'application' && kind !== OTHER_KIND) {
		const required = readRequiredAttachments(application.call.programmeVersion.requiredAttachments)
		if (!required.some((r) => r.code === kind)) throw new GrantInputError('errors.choose', 'kind')
	}
	if (files.length === 0) throw new GrantInputError('upload.none', 'attachment')
	const checked = await checkGrantFiles(application.attachments, files, purpose)
	await db.grantAttachment.createMany({ data: attachmentRows(applicationId, purpose, purpose === 'settlement' ? RECEIPT_KIND : kind, checked) })
	return checked.length
}

/**
 * Checks files by their content against the grant limits, counting what the application already holds;
 * the first refused file throws GrantUploadError naming it.
 */
export async function checkGrantFiles(
	attached: { size: number; purpose: string }[],
	files: { fileName: string; content: Buffer }[],
	purpose: GrantAttachmentPurpose,
): Promise<CheckedUpload[]> {
	const existing = attached.map((a) => ({ size: a.size, fieldName: a.purpose }))
	const checked: CheckedUpload[] = []
	for (const file of files) {
		const result = await checkUpload({
			definition: { attachments: GRANT_ATTACHMENT_LIMITS },
			accept: GRANT_ATTACHMENT_ACCEPT,
			maxFiles: GRANT_ATTACHMENT_LIMITS.maxFiles,
			fileName: file.fileName,
			content: file.content,
			existing,
			fieldName: purpose,
		})
		if (!result.ok) throw new GrantUploadError(result.reason, result.detail, file.fileName)
		existing.push({ size: result.file.size, fieldName: purpose })
		checked.push(result.file)
	}
	return checked
}

/** Row data for storing checked files on an application. */
export function attachmentRows(applicationId: string, purpose: GrantAttachmentPurpose, kind: string, files: CheckedUpload[]) {
	return files.map((file) => ({
		applicationId,
		purpose,
		kind,
		fileName: file.fileName,
		contentType: file.contentType,
		size: file.size,
		sha256: file.sha256,
		content: new Uint8Array(file.content),
	}))
}

export async function removeGrantAttachment({ db, personId, attachmentId }: { db: TenantDb; personId: string; attachmentId: string }) {
	const attachment = await db.grantAttachment.findFirst({
		where: { id: attachmentId, application: { personId } },
		select: { applicationId: true, purpose: true },
	})
	if (!attachment) throw new GrantInputError('errors.notFound')
	await editableApplication(db, personId, attachment.applicationId, attachment.purpose as GrantAttachmentPurpose)
	await db.grantAttachment.delete({ where: { id: attachmentId } })
}

/** The programme's required attachments not yet attached, each by name (the submission refuses them all at once). */
export function missingRequiredAttachments(requiredJson: unknown, attached: { kind: string | null }[]) {
	return readRequiredAttachments(requiredJson).filter((required) => !attached.some((a) => a.kind === required.code))
}

/** The list shown on the applicant's and the office's pages (no content). */
export function listGrantAttachments(db: TenantDb, applicationId: string) {
	return db.grantAttachment.findMany({
		where: { applicationId },
		orderBy: { createdAt: 'asc' },
		select: { id: true, purpose: true, kind: true, fileName: true, size: true, contentType: true },
	})
}

/** One attachment for the applicant: only of their own application (CASL's own-application rule). */
export function findMyGrantAttachment({ db, ability, attachmentId }: { db: TenantDb; ability: AppAbility; attachmentId: string }) {
	return db.grantAttachment.findFirst({
		where: { id: attachmentId, application: accessibleWhere(ability, 'read', 'GrantApplication') },
		select: { fileName: true, contentType: true, content: true },
	})
}

/**
 * One attachment for the office: the grants clerk (update right) of any application in the town; an
 * evaluator only of an application assigned to them and only after declaring no conflict of interest.
 * Null for anything else (absent and "not yours" look alike).
 */
export async function findOfficeGrantAttachment({
	db,
	ability,
	staffUserId,
	attachmentId,
}: {
	db: TenantDb
	ability: AppAbility
	staffUserId: string
	attachmentId: string
}) {
	const attachment = await db.grantAttachment.findFirst({
		where: { id: attachmentId, application: accessibleWhere(ability, 'read', 'GrantApplication') },
		select: { applicationId: true, fileName: true, contentType: true, content: true },
	})
	if (!attachment) return null
	if (ability.can('update', 'GrantApplication')) return attachment
	const assignment = await db.grantEvaluatorAssignment.findUnique({
		where: { applicationId_staffUserId: { applicationId: attachment.applicationId, staffUserId } },
		select: { conflictDeclaration: true },
	})
	return assignment?.conflictDeclaration === 'none' ? attachment : null
}

/** Headers for sending an attachment: its checked type, its safe name, never sniffed again by the browser. */
export function attachmentHeaders(file: { fileName: string; contentType: string }) {
	return {
		'Content-Type': file.contentType,
		'Content-Disposition': `attachment; filename*=UTF-8''${encodeURIComponent(file.fileName)}`,
		'X-Content-Type-Options': 'nosniff',
		'Cache-Control': 'private, no-store',
	}
}
