import { redirect, type ActionFunctionArgs } from '@remix-run/node'
import { requireCitizen } from '~/modules/auth/current-user.server'
import { savePreferences } from '~/modules/notifications/preferences.server'

// The notification preferences form on /profil posts here: one checkbox per kind and channel.
export async function action({ request, context }: ActionFunctionArgs) {
	const user = await requireCitizen(request, context)
	const body = await request.formData()
	await savePreferences(user.db, user.actor.personId, new Set(body.getAll('pref').map(String)))
	return redirect('/profil?oznameni=ulozeno#notification-preferences', 303)
}

export function loader() {
	return redirect('/profil#notification-preferences')
}
