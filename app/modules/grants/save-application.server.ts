import type { TenantDb } from '../db/tenant-db.server'
import { isValidIco } from '../ares/ico'
import { lookupEconomicSubject } from '../ares/ares-client.server'
import { formatAddress } from '../citizen/get-citizen-profile.server'
import type { NiaAddress } from '../nia/read-nia-identity.server'
import type { ApplicationInput } from './application-schema'
import { callPhase } from './call-window'
import { GrantInputError } from './grant-error'

const date = (day?: string) => (day ? new Date(`${day}T00:00:00Z`) : null)

async function nextNumber(tx: Parameters<Parameters<TenantDb['$transaction']>[0]>[0], now: Date) {
	const { counter } = await tx.grantSettings.update({ where: { id: 1 }, data: { counter: { increment: 1 } }, select: { counter: true } })
	return `D-${now.getUTCFullYear()}-${String(counter).padStart(5, '0')}`
}

export type Applicant = { kind: 'natural' } | { kind: 'legal'; ico: string }

/**
 * Starts a draft for a call that is open now: as the signed-in person themselves (identity from NIA)
 * or for a legal person by IČO, whose name, legal form and seat come from ARES, not from the form.
 */
export async function startGrantApplication({
	db,
	personId,
	callId,
	applicant,
	now = new Date(),
}: {
	db: TenantDb
	personId: string
	callId: string
	applicant: Applicant
	now?: Date
}) {
	const call = await db.grantCall.findUnique({
		where: { id: callId },
		select: { opensOn: true, closesOn: true, programmeVersion: { select: { state: true, eligibleApplicants: true } } },
	})
	if (!call || call.programmeVersion.state !== 'published') throw new GrantInputError('errors.notFound')
	if (callPhase(call, now) !== 'open') throw new GrantInputError('errors.callClosed')
	if (call.programmeVersion.eligibleApplicants !== 'both' && call.programmeVersion.eligibleApplicants !== applicant.kind)
		throw new GrantInputError('errors.notEligible', 'applicantKind')
	const person = await db.person.findUniqueOrThrow({
		where: { id: personId },
		select: { givenName: true, familyName: true, dateOfBirth: true, address: true, notificationEmail: true },
	})
	let identity
	if (applicant.kind === 'legal') {
		if (!isValidIco(applicant.ico)) throw new GrantInputError('errors.ico', 'ico')
		// lookupEconomicSubject throws when ARES is unreachable; the route shows that as "try later".
		const subject = await lookupEconomicSubject(applicant.ico)
		if (!subject) throw new GrantInputError('errors.icoUnknown', 'ico')
		identity = {
			applicantKind: 'legal',
			applicantName: subject.name,
			applicantIco: subject.ico,
			legalForm: subject.legalForm.name,
			address: subject.seat.text,
			municipality: subject.seat.municipality ?? null,
		}
	} else {
		const address = (person.address ?? null) as NiaAddress | null
		identity = {
			applicantKind: 'natural',
			applicantName: `${person.givenName} ${person.familyName}`,
			birthDate: person.dateOfBirth,
			address: formatAddress(address),
			municipality: address?.PostName ?? null,
		}
	}
	return db.$transaction(async (tx) => {
		const application = await tx.grantApplication.create({
			data: { number: await nextNumber(tx, now), callId, personId, contactEmail: person.notificationEmail, ...identity },
		})
		await tx.grantApplicationEvent.create({ data: { applicationId: application.id, toState: 'draft', actor: 'applicant', actorId: personId } })
		return application
	})
}

/** Saves the applicant's draft (or a returned application being corrected). Limits are checked on submit. */
export async function saveGrantApplication({
	db,
	personId,
	applicationId,
	input,
}: {
	db: TenantDb
	personId: string
	applicationId: string
	input: ApplicationInput
}) {
	const application = await db.grantApplication.findFirst({ where: { id: applicationId, personId }, select: { state: true } })
	if (!application) throw new GrantInputError('errors.notFound')
	if (application.state !== 'draft' && application.state !== 'returned') throw new GrantInputError('errors.notEditable')
	await db.$transaction(async (tx) => {
		await tx.grantBudgetLine.deleteMany({ where: { applicationId } })
		await tx.grantBudgetLine.createMany({ data: input.budget.map((line, position) => ({ applicationId, position, ...line })) })
		await tx.grantApplication.update({
			where: { id: applicationId },
			data: {
				purpose: input.purpose,
				reasoning: input.reasoning,
				periodFrom: date(input.periodFrom),
				periodTo: date(input.periodTo),
				representatives: input.representatives,
				ownership: input.ownership,
				contactEmail: input.contactEmail ?? null,
				requestedAmount: input.budget.reduce((sum, line) => sum + line.requested, 0),
				updatedAt: new Date(),
			},
		})
	})
}
