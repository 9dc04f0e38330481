import type { AppLoadContext } from '@remix-run/node'
import { resources } from '../i18n/resources.server'
import { officePage } from '../staff/office-request.server'

/** officePage with a title from the messages namespace. */
export async function messagesOfficePage(request: Request, context: AppLoadContext, titleKey: 'title' | 'cannedPage.title' | 'announcementsPage.title') {
	const page = await officePage(request, context, 'staff.title')
	const office = resources[page.locale].messages.office
	const text = titleKey === 'title' ? office.title : titleKey === 'cannedPage.title' ? office.cannedPage.title : office.announcementsPage.title
	return { ...page, title: `${text} – ${page.townName}` }
}
