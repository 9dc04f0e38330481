import { redirect, type ActionFunctionArgs } from '@remix-run/node'
import { requireCitizen } from '~/modules/auth/current-user.server'
import { saveSubscribedTopics } from '~/modules/announcements/subscriptions.server'
import { listTopics } from '~/modules/messages/topics.server'
import { savePreferences } from '~/modules/notifications/preferences.server'

// The notification preferences form on /profil posts here: one checkbox per kind and channel.
export async function action({ request, context }: ActionFunctionArgs) {
	const user = await requireCitizen(request, context)
	const body = await request.formData()
	await savePreferences(user.db, user.actor.personId, new Set(body.getAll('pref').map(String)))
	const townTopics = (await listTopics(user.db)).map((topic) => topic.code)
	await saveSubscribedTopics(user.db, user.actor.personId, body.getAll('topic').map(String), townTopics)
	return redirect('/profil?oznameni=ulozeno#notification-preferences', 303)
}

export function loader() {
	return redirect('/profil#notification-preferences')
}
