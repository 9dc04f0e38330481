import type { TenantDb } from '../db/tenant-db.server'
import { checkUpload, type UploadRefusal } from './check-upload.server'
import type { FormDefinition, LeafField } from './form-definition-schema'

type Options = { db: TenantDb; draftId: string; definition: FormDefinition; field: Extract<LeafField, { type: 'file' }>; fileName: string; content: Buffer }

/** Checks one file and attaches it to the draft; a refused file leaves the draft as it was. */
export async function addDraftFile({
	db,
	draftId,
	definition,
	field,
	fileName,
	content,
}: Options): Promise<{ ok: true; id: string } | { ok: false; reason: UploadRefusal; detail?: string }> {
	const existing = await db.draftAttachment.findMany({ where: { draftId }, select: { size: true, fieldName: true } })
	const checked = await checkUpload({
		definition,
		accept: field.accept,
		maxFiles: field.maxFiles,
		maxFileSizeMb: field.maxFileSizeMb,
		fieldName: field.name,
		fileName,
		content,
		existing,
	})
	if (!checked.ok) return checked
	const { content: bytes, ...file } = checked.file
	const created = await db.draftAttachment.create({ data: { draftId, fieldName: field.name, ...file, content: new Uint8Array(bytes) }, select: { id: true } })
	return { ok: true, id: created.id }
}

export async function removeDraftFile({ db, draftId, fileId }: { db: TenantDb; draftId: string; fileId: string }) {
	await db.draftAttachment.deleteMany({ where: { id: fileId, draftId } })
}
