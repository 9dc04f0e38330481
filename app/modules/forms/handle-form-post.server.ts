import { createHash } from 'node:crypto'
import { parseWithZod } from '@conform-to/zod/v4'
import { data, redirect, type AppLoadContext } from '@remix-run/node'
import { getCurrentUser } from '../auth/current-user.server'
import { resources } from '../i18n/resources.server'
import { getRequestLocale } from '../i18n/locale.server'
import { requireTownProfile } from '../tenancy/require-town.server'
import { townUrl } from '../tenancy/town-origin.server'
import { addDraftFile, removeDraftFile } from './add-draft-file.server'
import { buildSubmissionSchema } from './build-submission-schema'
import { checkUpload } from './check-upload.server'
import { getPublishedForm } from './get-published-form.server'
import { prefillValues } from './prefill-values'
import { saveDraft } from './save-draft.server'
import { createFollowupLink } from '../messages/followup-link.server'
import { sendSubmissionConfirmation } from './send-submission-confirmation.server'
import { submitSubmission } from './submit-submission.server'
import { uploadRefusalText } from './upload-refusal-text'

// How many anonymous submissions one IP may file per hour (anonymous forms are open to anyone).
const ANONYMOUS_PER_HOUR = 5

/** The fill page's POST: a step (with uploads), removing a file, or the final submit. */
export async function handleFormPost(request: Request, context: AppLoadContext, code: string) {
	const user = await getCurrentUser(request, context)
	const profile = await requireTownProfile(context)
	const locale = await getRequestLocale(request, profile)
	const texts = resources[locale].forms
	const form = await getPublishedForm({ db: user.db, code })
	if (!form) throw data(null, { status: 404 })
	const { definition } = form
	const formData = await request.formData()
	const fileFields = definition.steps.flatMap((step) => step.fields).filter((field) => field.type === 'file')
	const refusalText = (reason: string, name: string, detail?: string) => uploadRefusalText(texts.upload, reason, name, detail, locale)

	if (user.actor.kind !== 'citizen') {
		if (definition.requiresLogin) throw data(null, { status: 403 })
		const ipHash = createHash('sha256')
			.update(context.portal.kind === 'tenant' ? (context.portal.clientIp ?? 'unknown') : 'unknown')
			.digest('hex')
		const recent = await user.db.submission.count({ where: { ipHash, submittedAt: { gte: new Date(Date.now() - 3600_000) } } })
		if (recent >= ANONYMOUS_PER_HOUR) return data({ result: null, uploadErrors: [texts.fill.rateLimited] }, { status: 429 })
		// No draft: files are checked now and kept only if the whole submission is valid.
		const files = []
		const uploadErrors: Record<string, string[]> = {}
		for (const field of fileFields) {
			for (const file of uploadsOf(formData, field.name)) {
				const checked = await checkUpload({
					definition,
					accept: field.accept,
					maxFiles: field.maxFiles,
					maxFileSizeMb: field.maxFileSizeMb,
					fieldName: field.name,
					fileName: file.name,
					content: Buffer.from(await file.arrayBuffer()),
					existing: files,
				})
				if (!checked.ok) (uploadErrors[field.name] ??= []).push(refusalText(checked.reason, file.name, checked.detail))
				else {
					const id = crypto.randomUUID()
					files.push({ id, fieldName: field.name, ...checked.file })
					formData.append(field.name, id)
				}
			}
		}
		const submission = parseWithZod(formData, { schema: buildSubmissionSchema(definition, locale) })
		// A refused file is an error of its field: shown at the upload and linked from the error summary.
		if (submission.status !== 'success' || Object.keys(uploadErrors).length)
			return data({ result: submission.reply({ fieldErrors: uploadErrors }), uploadErrors: [] as string[] }, { status: 400 })
		const created = await submitSubmission({
			db: user.db,
			tenant: user.tenant,
			formVersionId: form.versionId,
			agenda: form.agenda,
			personId: null,
			data: submission.value,
			locale,
			files,
			ipHash,
			contactEmail: emailIn(submission.value),
		})
		// An anonymous submitter has no account to come back to: the e-mail carries a private follow-up link (decision 023).
		const contact = emailIn(submission.value)
		const followup = contact ? townUrl(user.tenant.primaryHost, `/sledovat/${await createFollowupLink(user.db, created.id)}`) : null
		await sendSubmissionConfirmation({
			request,
			tenant: user.tenant,
			townName: profile.name,
			locale,
			to: contact,
			number: created.number,
			formTitle: definition.title,
			submittedAt: created.submittedAt,
			link: followup,
		})
		return redirect(`/formulare/odeslano?cislo=${encodeURIComponent(created.number)}`, 303)
	}

	const personId = user.actor.personId
	const person = await user.db.person.findUniqueOrThrow({
		where: { id: personId },
		select: { givenName: true, familyName: true, dateOfBirth: true, address: true, email: true, notificationEmail: true, phone: true },
	})
	const draft = await saveDraft({ db: user.db, personId, formVersionId: form.versionId, values: {}, step: 0, initial: prefillValues(definition, person) })
	const lastStep = definition.steps.length
	const stepIndex = Math.min(Math.max(0, Number(formData.get('krok')) || 0), lastStep)

	const removeFile = formData.get('removeFile')
	if (typeof removeFile === 'string') {
		await removeDraftFile({ db: user.db, draftId: draft.id, fileId: removeFile })
		return redirect(`/formulare/${code}?krok=${stepIndex}`, 303)
	}

	if (formData.get('intent') === 'submit') {
		// Files are known by the draft's attachments, not by what the draft data says.
		const attachments = await user.db.draftAttachment.findMany({
			where: { draftId: draft.id },
			select: { id: true, fieldName: true },
			orderBy: { createdAt: 'asc' },
		})
		const withFiles: Record<string, unknown> = { ...(draft.data as Record<string, unknown>) }
		for (const field of fileFields) withFiles[field.name] = attachments.filter((file) => file.fieldName === field.name).map((file) => file.id)
		const result = buildSubmissionSchema(definition, locale).safeParse(withFiles)
		if (!result.success) {
			const firstBad = definition.steps.findIndex((step) => step.fields.some((field) => result.error.issues.some((issue) => issue.path[0] === field.name)))
			return redirect(`/formulare/${code}?krok=${Math.max(0, firstBad)}&chyby=1`, 303)
		}
		const email = person.notificationEmail ?? person.email ?? emailIn(result.data)
		const created = await submitSubmission({
			db: user.db,
			tenant: user.tenant,
			formVersionId: form.versionId,
			agenda: form.agenda,
			personId,
			data: result.data,
			locale,
			draftId: draft.id,
			contactEmail: email,
		})
		const link = townUrl(user.tenant.primaryHost, `/podani/${encodeURIComponent(created.number)}`)
		await sendSubmissionConfirmation({
			request,
			tenant: user.tenant,
			townName: profile.name,
			locale,
			to: email,
			number: created.number,
			formTitle: definition.title,
			submittedAt: created.submittedAt,
			link,
		})
		return redirect(`/podani/${created.number}?odeslano=1`, 303)
	}

	// A step: take its uploads first (a refused file is reported, the rest of the step is kept).
	const step = definition.steps[stepIndex]
	if (!step) return redirect(`/formulare/${code}?krok=${lastStep}`, 303)
	const uploadErrors: Record<string, string[]> = {}
	for (const field of step.fields) {
		if (field.type !== 'file') continue
		for (const file of uploadsOf(formData, field.name)) {
			const added = await addDraftFile({
				db: user.db,
				draftId: draft.id,
				definition,
				field,
				fileName: file.name,
				content: Buffer.from(await file.arrayBuffer()),
			})
			if (added.ok) formData.append(field.name, added.id)
			else (uploadErrors[field.name] ??= []).push(refusalText(added.reason, file.name, added.detail))
		}
	}
	const submission = parseWithZod(formData, { schema: buildSubmissionSchema(definition, locale, { steps: [step] }) })
	// Conform's add/remove-row buttons: answer with the changed form, nothing to save yet.
	if (submission.status === undefined) return data({ result: submission.reply({ fieldErrors: uploadErrors }), uploadErrors: [] as string[] })
	const raw = Object.fromEntries(
		step.fields.filter((field) => field.type !== 'file').map((field) => [field.name, (submission.payload as Record<string, unknown>)[field.name]]),
	)
	const go = formData.get('go')
	const nextStep =
		go === 'back'
			? Math.max(0, stepIndex - 1)
			: go === 'save' || submission.status !== 'success' || Object.keys(uploadErrors).length
				? stepIndex
				: stepIndex + 1
	await saveDraft({ db: user.db, personId, formVersionId: form.versionId, values: raw, step: nextStep })
	if (go === 'back') return redirect(`/formulare/${code}?krok=${nextStep}`, 303)
	if (submission.status !== 'success' || Object.keys(uploadErrors).length)
		return data({ result: submission.reply({ fieldErrors: uploadErrors }), uploadErrors: [] as string[] }, { status: 400 })
	return redirect(`/formulare/${code}?krok=${nextStep}${go === 'save' ? '&ulozeno=1' : ''}`, 303)
}

function uploadsOf(formData: FormData, fieldName: string): File[] {
	const key = `${fieldName}__upload`
	const files = formData.getAll(key).filter((entry): entry is File => typeof entry !== 'string' && entry.size > 0)
	formData.delete(key)
	// An empty file input still posts an empty part; a real empty file is reported by checkUpload.
	return files
}

function emailIn(value: Record<string, unknown>): string | null {
	const found = Object.values(value).find((entry) => typeof entry === 'string' && /^[^@\s]+@[^@\s]+\.[^@\s]+$/.test(entry))
	return (found as string | undefined) ?? null
}
