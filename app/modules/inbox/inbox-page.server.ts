import type { AppLoadContext } from '@remix-run/node'
import { resources } from '../i18n/resources.server'
import { officePage } from '../staff/office-request.server'

/** officePage with the title from the forms-office namespace. */
export async function inboxPage(request: Request, context: AppLoadContext, titleKey: 'inbox.title' | 'detail.title' | 'builder.title') {
	const page = await officePage(request, context, 'staff.title')
	const [group, key] = titleKey.split('.') as ['inbox' | 'detail' | 'builder', 'title']
	return { ...page, title: `${resources[page.locale]['forms-office'][group][key]} – ${page.townName}` }
}

/** A form's or agenda's title in the page's language, falling back to Czech. */
export function localText(text: unknown, locale: string): string {
	const record = (text && typeof text === 'object' ? text : {}) as Record<string, string>
	return record[locale] ?? record.cs ?? ''
}
