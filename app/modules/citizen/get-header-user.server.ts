import type { AppLoadContext } from '@remix-run/node'
import { getCurrentUser } from '../auth/current-user.server'

/** What the town header shows about who is logged in: a citizen's name, or null (anonymous). */
export async function getHeaderUser(request: Request, context: AppLoadContext): Promise<{ name: string } | null> {
	const user = await getCurrentUser(request, context)
	if (user.actor.kind !== 'citizen') return null
	const person = await user.db.person.findUnique({ where: { id: user.actor.personId }, select: { givenName: true, familyName: true } })
	return person ? { name: `${person.givenName} ${person.familyName}`.trim() } : null
}
