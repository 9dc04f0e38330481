import { parseWithZod } from '@conform-to/zod/v4'
import { data, redirect, type ActionFunctionArgs, type LoaderFunctionArgs } from '@remix-run/node'
import { useActionData, useLoaderData } from '@remix-run/react'
import { useTranslation } from 'react-i18next'
import { FormErrors, Notice } from '~/components/office/form-field'
import { InviteStaffForm } from '~/components/office/invite-staff-form'
import { titleMeta } from '~/components/office/meta'
import { OfficeErrorBoundary } from '~/components/office/office-error-boundary'
import { Pagination } from '~/components/office/pagination'
import { StaffTable } from '~/components/office/staff-table'
import { asSubject } from '~/modules/access/ability.server'
import { isAppError } from '~/modules/errors/app-error'
import { inviteStaff } from '~/modules/staff/invite-staff.server'
import { listStaff } from '~/modules/staff/list-staff.server'
import { officePage, requestMeta } from '~/modules/staff/office-request.server'
import { requireOfficeStaff } from '~/modules/staff/require-office-staff.server'
import { requirePermission } from '~/modules/staff/require-permission.server'
import { setStaffDisabled } from '~/modules/staff/set-staff-disabled.server'
import { StaffActionSchema } from '~/modules/staff/staff-forms'
import { findStaffUser } from '~/modules/staff/staff-profile.server'
import { readPage } from '~/modules/http/page-param'

const NOTICES = ['invited', 'disabled', 'enabled'] as const

export async function loader({ request, context }: LoaderFunctionArgs) {
	const page = await officePage(request, context, 'staff.title')
	const user = await requireOfficeStaff(request, context)
	await requirePermission(user, 'read', 'StaffUser', { request, context })
	const url = new URL(request.url)
	const list = await listStaff({ db: user.db, ability: user.ability, page: readPage(url.searchParams) })
	return {
		title: page.title,
		notice: NOTICES.find((key) => key === url.searchParams.get('hlaseni')) ?? null,
		myId: user.me.id,
		canInvite: user.ability.can('create', 'StaffUser'),
		canUpdate: user.ability.can('update', 'StaffUser'),
		page: Math.min(readPage(url.searchParams), list.pages),
		...list,
	}
}

export const meta = titleMeta

export async function action({ request, context }: ActionFunctionArgs) {
	const user = await requireOfficeStaff(request, context)
	const submission = parseWithZod(await request.formData(), { schema: StaffActionSchema })
	if (submission.status !== 'success') return data({ result: submission.reply(), intent: 'invite' }, { status: 400 })
	const value = submission.value
	if (value.intent === 'invite') {
		await requirePermission(user, 'create', 'StaffUser', { request, context })
		const page = await officePage(request, context, 'staff.title')
		try {
			await inviteStaff({
				db: user.db,
				tenantSlug: user.tenant.slug,
				townName: page.townName,
				email: value.email,
				name: value.name,
				roles: value.roles,
				agendas: value.agendas,
				invitedBy: { id: user.me.id, name: user.me.name },
				origin: page.origin,
				locale: value.locale ?? page.profile.defaultLocale,
				...requestMeta(context),
			})
		} catch (error) {
			if (!isAppError(error, 'staff_exists')) throw error
			return data({ result: submission.reply({ fieldErrors: { email: ['staff.exists'] } }), intent: 'invite' }, { status: 400 })
		}
		return redirect('/urad/uzivatele?hlaseni=invited')
	}
	const target = await findStaffUser({ db: user.db, id: value.staffUserId })
	if (!target) return data({ result: submission.reply({ formErrors: ['staff.notFound'] }), intent: value.intent }, { status: 400 })
	await requirePermission(user, 'update', asSubject('StaffUser', target), { request, context, label: `StaffUser:${target.id}` })
	if (target.id === user.me.id) return data({ result: submission.reply({ formErrors: ['staff.notYourself'] }), intent: value.intent }, { status: 400 })
	await setStaffDisabled({ db: user.db, staffUserId: target.id, disabled: value.intent === 'disable', by: user.me.id, ...requestMeta(context) })
	return redirect(`/urad/uzivatele?hlaseni=${value.intent === 'disable' ? 'disabled' : 'enabled'}`)
}

export const handle = { i18n: ['office'] }

export default function StaffPage() {
	const { staff, notice, myId, canInvite, canUpdate, page, pages, total } = useLoaderData<typeof loader>()
	const actionData = useActionData<typeof action>()
	const { t } = useTranslation('office')
	const toggleErrors = actionData && actionData.intent !== 'invite' ? actionData.result.error?.[''] : undefined
	return (
		<main id="main" tabIndex={-1} className="mx-auto w-full max-w-5xl flex-1 px-4 py-10">
			<h1 className="mb-6 text-3xl font-bold">{t('staff.title')}</h1>
			{notice ? <Notice>{t(`notices.${notice}`)}</Notice> : null}
			<FormErrors id="staff-toggle-errors" errors={toggleErrors ?? undefined} />
			<section aria-labelledby="staff-list-heading" className="mb-10">
				<h2 id="staff-list-heading" className="mb-3 text-xl font-semibold">
					{t('staff.listHeading', { count: total })}
				</h2>
				<StaffTable staff={staff} myId={myId} canUpdate={canUpdate} />
				<Pagination page={page} pages={pages} label={t('staff.pagination')} />
			</section>
			{canInvite ? (
				<section aria-labelledby="invite-heading">
					<h2 id="invite-heading" className="mb-3 text-xl font-semibold">
						{t('staff.inviteHeading')}
					</h2>
					<p className="mb-4">{t('staff.inviteIntro')}</p>
					<InviteStaffForm lastResult={actionData?.intent === 'invite' ? actionData.result : undefined} />
				</section>
			) : null}
		</main>
	)
}

export function ErrorBoundary() {
	return <OfficeErrorBoundary />
}
