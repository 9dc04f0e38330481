import type { AppLoadContext } from '@remix-run/node'
import { resources } from '../i18n/resources.server'
import { officePage } from '../staff/office-request.server'

/** officePage with the title from the forms-office namespace. */
export async function inboxPage(request: Request, context: AppLoadContext, titleKey: 'inbox.title' | 'detail.title' | 'builder.title') {
	const page = await officePage(request, context, 'staff.title')
	const [group, key] = titleKey.split('.') as ['inbox' | 'detail' | 'builder', 'title']
	return { ...page, title: `${resources[page.locale]['forms-office'][group][key]} – ${page.townName}` }
}
