import { data, type ActionFunctionArgs, type LoaderFunctionArgs, type MetaFunction } from '@remix-run/node'
import { Form, useActionData, useLoaderData, type ShouldRevalidateFunction } from '@remix-run/react'
import { useTranslation } from 'react-i18next'
import { GeneralErrorBoundary } from '~/components/general-error-boundary'
import { lookUpUnsubscribe, unsubscribeByToken } from '~/modules/announcements/subscriptions.server'
import { townPageMeta } from '~/modules/citizen/page-meta'
import { getTenantDb } from '~/modules/db/tenant-db.server'
import { getRequestLocale } from '~/modules/i18n/locale.server'
import { resources } from '~/modules/i18n/resources.server'
import { listTopics, topicName } from '~/modules/messages/topics.server'
import { requireTenant, requireTownProfile } from '~/modules/tenancy/require-town.server'
import type { loader as rootLoader } from '~/root'

export const handle = { i18n: ['messages'] }

const HEADERS = { 'Cache-Control': 'no-store', 'Referrer-Policy': 'no-referrer' }

// One-click unsubscribe from a topic's announcements (RFC 8058), without login: the token in the
// path names one subscription. GET only shows a confirmation (mail scanners open links); a POST,
// from that page's button or from the mail client's List-Unsubscribe-Post, removes it.
export async function loader({ request, context, params }: LoaderFunctionArgs) {
	const db = getTenantDb(requireTenant(context))
	const locale = await getRequestLocale(request, await requireTownProfile(context))
	const lookup = await lookUpUnsubscribe(db, params.token ?? '')
	const topic = lookup.state === 'open' ? topicName(await listTopics(db), lookup.topic, locale) : null
	return data({ title: resources[locale].messages.unsubscribe.title, topic }, { status: topic ? 200 : 404, headers: HEADERS })
}

export async function action({ context, params }: ActionFunctionArgs) {
	const db = getTenantDb(requireTenant(context))
	const removed = await unsubscribeByToken(db, params.token ?? '')
	// A repeated click (or a mail client retrying) is not an error: the subscription is gone either way.
	return data({ removed }, { status: 200, headers: HEADERS })
}

// After the unsubscribe the token names nothing any more: reloading the page's data would answer 404
// (a console error, and nothing to show). The answer comes from the action's own data.
export const shouldRevalidate: ShouldRevalidateFunction = ({ formMethod, defaultShouldRevalidate }) => (formMethod ? false : defaultShouldRevalidate)

export const meta: MetaFunction<typeof loader, { root: typeof rootLoader }> = ({ data: page, matches }) => [
	...townPageMeta(page?.title, matches),
	{ name: 'robots', content: 'noindex' },
]

export default function UnsubscribePage() {
	const { topic } = useLoaderData<typeof loader>()
	const actionData = useActionData<typeof action>()
	const { t } = useTranslation('messages')
	return (
		<main id="main" tabIndex={-1} className="mx-auto w-full max-w-3xl flex-1 px-4 py-10">
			<h1 className="mb-4 text-3xl font-bold">{t('unsubscribe.title')}</h1>
			{actionData ? (
				<p role="status" className="rounded-town border-2 border-primary p-3">
					{t('unsubscribe.done')}
				</p>
			) : topic ? (
				<Form method="post" className="grid gap-3">
					<input type="hidden" name="List-Unsubscribe" value="One-Click" />
					<p>{t('unsubscribe.question', { topic })}</p>
					<button type="submit" className="justify-self-start rounded-town bg-primary px-4 py-2 font-semibold text-primary-contrast">
						{t('unsubscribe.confirm')}
					</button>
				</Form>
			) : (
				<p>{t('unsubscribe.unknown')}</p>
			)}
		</main>
	)
}

export function ErrorBoundary() {
	return <GeneralErrorBoundary />
}
