// Shared set-up for the card-payment integration tests: a town with a citizen who owes claims, and
// the GoPay and Stripe simulators holding that town's accounts.
import { createServer, type Server } from 'node:http'
import type { AddressInfo } from 'node:net'
import { createTown } from '../../../tests/db'
import { defineAbilityFor } from '../access/ability.server'
import { makeVariableSymbol } from '../claims/variable-symbol'
import { getTenantDb, type TenantDb } from '../db/tenant-db.server'

let sequence = 0

export async function paymentTown(slug: string, overrides: Record<string, unknown> = {}) {
	const town = await createTown(slug, overrides)
	const db = getTenantDb(town.tenant)
	const person = await db.person.create({ data: { givenName: 'Petr', familyName: 'Svoboda', email: 'petr@example.cz' } })
	const resident = await db.resident.create({ data: { givenName: 'Petr', familyName: 'Svoboda', dateOfBirth: new Date('1980-01-01'), personId: person.id } })
	const citizen = defineAbilityFor({ kind: 'citizen', personId: person.id })
	const clerk = await db.staffUser.create({ data: { email: `clerk@${slug}.example`, name: 'Referentka', roles: ['clerk'], agendas: ['payments'] } })
	const clerkAbility = defineAbilityFor({ kind: 'staff', staffUserId: clerk.id, roles: ['clerk'], agendas: ['payments'] })
	return { ...town, db, person, resident, citizen, clerk, clerkAbility }
}

/** A waste-fee claim of 720 Kč; with a discount of 20 % until the given date. */
export async function wasteClaim(db: TenantDb, residentId: string, { discountUntil = '2099-05-31' as string | null, amount = 72_000 } = {}) {
	sequence++
	const discountAmount = discountUntil ? Math.round(amount * 0.2) : 0
	return db.claim.create({
		data: {
			residentId,
			feeType: 'waste',
			year: 2026,
			label: { cs: 'Poplatek za odpad 2026', en: 'Waste fee 2026' },
			baseAmount: amount,
			amount,
			discountPercent: discountUntil ? 20 : 0,
			discountAmount,
			discountUntil: discountUntil ? new Date(discountUntil) : null,
			dueDate: new Date(discountUntil ?? '2099-05-31'),
			variableSymbol: makeVariableSymbol(2026, 1_000_000 + sequence),
			generationKey: `test:${sequence}`,
		},
	})
}

/** A stand-in for the portal's notification endpoint: calls the handler for every GET and answers its status. */
export async function notificationReceiver(handle: (url: URL) => Promise<number>) {
	const calls: string[] = []
	const server: Server = createServer((req, res) => {
		const url = new URL(req.url ?? '/', 'http://receiver')
		calls.push(url.search)
		handle(url)
			.then((status) => {
				res.statusCode = status
				res.end()
			})
			.catch(() => {
				res.statusCode = 500
				res.end()
			})
	})
	await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve))
	return { origin: `http://127.0.0.1:${(server.address() as AddressInfo).port}`, calls, stop: () => new Promise((resolve) => server.close(resolve)) }
}
