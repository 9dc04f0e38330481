import type { TenantDb } from '../db/tenant-db.server'
import { recordAudit } from '../audit/record-audit.server'
import { storedDate } from '../dates/prague-date'
import { DEFAULT_GRANT_CONTRACT_TEMPLATE, renderGrantContractPdf } from './contract-pdf.server'
import { postContractToBoard } from './board-postings.server'
import { GrantInputError } from './grant-error'
import { transitionGrantApplication } from './grant-states'
import { boardPublicationDeadline, deMinimisRegisterDeadline, registrSmluvDeadline } from './legal/deadlines'

type Meta = { ip?: string | null; requestId?: string | null }
/** §10d and zákon 340/2015: contracts above 50 000 Kč are published on the board and in the registr smluv. */
export const PUBLICATION_THRESHOLD = 5_000_000

type Town = { name: string; ico?: string; address?: string }

async function renderContract(db: TenantDb, applicationId: string, town: Town, { redact = false }: { redact?: boolean } = {}) {
	const application = await db.grantApplication.findUnique({
		where: { id: applicationId },
		select: {
			state: true,
			number: true,
			applicantName: true,
			applicantIco: true,
			address: true,
			birthDate: true,
			purpose: true,
			awardedAmount: true,
			periodFrom: true,
			periodTo: true,
			contract: { select: { signedOn: true } },
			call: { select: { programmeVersion: { select: { name: true, contractTemplate: true, settlementDeadline: true } } } },
		},
	})
	if (!application) throw new GrantInputError('errors.notFound')
	const programme = application.call.programmeVersion
	const number = `S-${application.number}`
	// The board's copy of a natural person's contract leaves out what identifies them beyond the name.
	const personal = redact
		? {}
		: { ...(application.address ? { address: application.address } : {}), ...(application.birthDate ? { birthDate: storedDate(application.birthDate) } : {}) }
	const pdf = await renderGrantContractPdf({
		town,
		recipient: { name: application.applicantName, ...(application.applicantIco ? { ico: application.applicantIco } : {}), ...personal },
		programmeName: programme.name,
		purpose: application.purpose,
		amountHalere: application.awardedAmount!,
		periodFrom: application.periodFrom ? storedDate(application.periodFrom) : '',
		periodTo: application.periodTo ? storedDate(application.periodTo) : '',
		settlementDeadline: programme.settlementDeadline ? storedDate(programme.settlementDeadline) : '',
		contractNumber: number,
		templateText: programme.contractTemplate.trim() || DEFAULT_GRANT_CONTRACT_TEMPLATE,
		locale: 'cs',
	})
	return { application, number, pdf }
}

/** Generates (or regenerates) the contract PDF of an awarded application from its programme's template. */
export async function generateGrantContract({
	db,
	staffId,
	applicationId,
	town,
	meta = {},
}: {
	db: TenantDb
	staffId: string
	applicationId: string
	town: Town
	meta?: Meta
}) {
	const state = await db.grantApplication.findUnique({ where: { id: applicationId }, select: { state: true, contract: { select: { signedOn: true } } } })
	if (!state) throw new GrantInputError('errors.notFound')
	if (state.state !== 'awarded' || state.contract?.signedOn) throw new GrantInputError('errors.notAwarded')
	const { application, number, pdf } = await renderContract(db, applicationId, town)
	await db.$transaction(async (tx) => {
		await tx.grantContract.upsert({
			where: { applicationId },
			create: { applicationId, number, amount: application.awardedAmount!, pdf: new Uint8Array(pdf) },
			update: { pdf: new Uint8Array(pdf), generatedAt: new Date(), amount: application.awardedAmount! },
		})
		await recordAudit(tx, { action: 'grants.contract_generate', staffId, subject: `GrantApplication:${applicationId}`, details: { number }, ...meta })
	})
	return { number }
}

/** Marks the contract signed and computes the publication deadlines that apply to it. */
export async function markGrantContractSigned({
	db,
	staffId,
	staffName = 'grants',
	applicationId,
	signedOn,
	town,
	meta = {},
}: {
	db: TenantDb
	staffId: string
	staffName?: string
	applicationId: string
	signedOn: string
	town?: Town
	meta?: Meta
}) {
	if (!/^\d{4}-\d{2}-\d{2}$/.test(signedOn)) throw new GrantInputError('errors.date', 'signedOn')
	const contract = await db.grantContract.findUnique({
		where: { applicationId },
		select: {
			amount: true,
			signedOn: true,
			application: { select: { applicantIco: true, call: { select: { programmeVersion: { select: { deMinimis: true } } } } } },
		},
	})
	if (!contract) throw new GrantInputError('errors.noContract')
	const isPublished = contract.amount > PUBLICATION_THRESHOLD
	const isDeMinimis = contract.application.call.programmeVersion.deMinimis && Boolean(contract.application.applicantIco)
	const day = (value: string | null) => (value ? new Date(`${value}T00:00:00Z`) : null)
	const deadlines = {
		boardDeadline: day(isPublished ? boardPublicationDeadline(signedOn) : null),
		registrSmluvDeadline: day(isPublished ? registrSmluvDeadline(signedOn) : null),
		deMinimisDeadline: day(isDeMinimis ? deMinimisRegisterDeadline(signedOn) : null),
	}
	await db.$transaction(async (tx) => {
		await tx.grantContract.update({ where: { applicationId }, data: { signedOn: day(signedOn), ...deadlines } })
		await transitionGrantApplication(tx, { applicationId, to: 'contracted', actor: { kind: 'staff', staffId } })
		await recordAudit(tx, { action: 'grants.contract_signed', staffId, subject: `GrantApplication:${applicationId}`, details: { signedOn }, ...meta })
	})
	// §10d: on the board at once (well within the 30 days); the duty then shows as done.
	if (isPublished && town) {
		await postContractToBoard({
			db,
			applicationId,
			staffId,
			staffName,
			meta,
			renderRedacted: async () => (await renderContract(db, applicationId, town, { redact: true })).pdf,
		})
	}
	return deadlines
}

export type ContractDuty = {
	applicationId: string
	number: string
	recipient: string
	amount: number
	duty: 'board' | 'registr_smluv' | 'de_minimis'
	deadline: string
	doneOn: string | null
}

/** Every publication duty of signed contracts, soonest first; `doneOn` null = still due. */
export async function listContractDuties({ db }: { db: TenantDb }): Promise<ContractDuty[]> {
	const contracts = await db.grantContract.findMany({
		where: { signedOn: { not: null } },
		select: {
			applicationId: true,
			number: true,
			amount: true,
			boardDeadline: true,
			registrSmluvDeadline: true,
			deMinimisDeadline: true,
			boardPublishedOn: true,
			registrSmluvPublishedOn: true,
			deMinimisRegisteredOn: true,
			application: { select: { applicantName: true } },
		},
	})
	const duties: ContractDuty[] = []
	for (const c of contracts) {
		const base = { applicationId: c.applicationId, number: c.number, recipient: c.application.applicantName, amount: c.amount }
		if (c.boardDeadline)
			duties.push({ ...base, duty: 'board', deadline: storedDate(c.boardDeadline), doneOn: c.boardPublishedOn ? storedDate(c.boardPublishedOn) : null })
		if (c.registrSmluvDeadline)
			duties.push({
				...base,
				duty: 'registr_smluv',
				deadline: storedDate(c.registrSmluvDeadline),
				doneOn: c.registrSmluvPublishedOn ? storedDate(c.registrSmluvPublishedOn) : null,
			})
		if (c.deMinimisDeadline)
			duties.push({
				...base,
				duty: 'de_minimis',
				deadline: storedDate(c.deMinimisDeadline),
				doneOn: c.deMinimisRegisteredOn ? storedDate(c.deMinimisRegisteredOn) : null,
			})
	}
	return duties.sort((a, b) => a.deadline.localeCompare(b.deadline) || a.number.localeCompare(b.number))
}
