import { parseWithZod } from '@conform-to/zod/v4'
import { data, redirect, type ActionFunctionArgs, type LoaderFunctionArgs } from '@remix-run/node'
import { useActionData, useLoaderData } from '@remix-run/react'
import { useTranslation } from 'react-i18next'
import { titleMeta } from '~/components/office/meta'
import { OfficeErrorBoundary } from '~/components/office/office-error-boundary'
import { InvalidLink, SetPasswordForm } from '~/components/office/set-password-form'
import { getCurrentUser } from '~/modules/auth/current-user.server'
import { createSession } from '~/modules/auth/session.server'
import { isAppError } from '~/modules/errors/app-error'
import { acceptInvitation } from '~/modules/staff/accept-invitation.server'
import { findLinkOwner } from '~/modules/staff/link-owner.server'
import { officePage, requestMeta } from '~/modules/staff/office-request.server'
import { newPasswordFormSchema } from '~/modules/staff/password-rules'
import { OFFICE_ENROL } from '~/modules/staff/require-office-staff.server'
import { PasswordError, passwordErrorField, passwordErrorMessage } from '~/modules/staff/password-error'

// Accepting an invitation: the invited person sets their password and is signed in (an admin is
// sent on to set up the authenticator app first).
export async function loader({ request, context, params }: LoaderFunctionArgs) {
	const page = await officePage(request, context, 'invitation.title')
	const link = await findLinkOwner(context, params.token, 'invitation')
	if (!link) return data({ title: page.title, invited: null }, { status: 404 })
	return { title: page.title, invited: { name: link.owner.name, email: link.owner.email } }
}

export const meta = titleMeta

export async function action({ request, context, params }: ActionFunctionArgs) {
	const link = await findLinkOwner(context, params.token, 'invitation')
	if (!link) return data({ result: null, linkGone: true }, { status: 404 })
	const submission = parseWithZod(await request.formData(), { schema: newPasswordFormSchema(link.owner.email) })
	if (submission.status !== 'success') return data({ result: submission.reply({ hideFields: ['password', 'confirm'] }), linkGone: false }, { status: 400 })
	try {
		const staff = await acceptInvitation({ db: link.db, token: params.token ?? '', password: submission.value.password, ...requestMeta(context) })
		const isAdmin = staff.roles.includes('admin')
		const user = await getCurrentUser(request, context)
		const cookie = await createSession(user.sessionOptions, request, { kind: 'staff', staffUserId: staff.id, secondFactorDone: !isAdmin })
		return redirect(isAdmin ? OFFICE_ENROL : '/urad?hlaseni=welcome', { headers: { 'Set-Cookie': cookie } })
	} catch (error) {
		if (isAppError(error, 'token_invalid')) return data({ result: null, linkGone: true }, { status: 404 })
		if (error instanceof PasswordError)
			return data(
				{ result: submission.reply({ fieldErrors: { [passwordErrorField(error.reason)]: [passwordErrorMessage(error.reason)] } }), linkGone: false },
				{ status: 400 },
			)
		throw error
	}
}

export const handle = { i18n: ['office'] }

export default function AcceptInvitation() {
	const { invited } = useLoaderData<typeof loader>()
	const actionData = useActionData<typeof action>()
	const { t } = useTranslation('office')
	if (!invited || actionData?.linkGone) return <InvalidLink title={t('invitation.invalidTitle')} text={t('invitation.invalidText')} />
	return (
		<main id="main" tabIndex={-1} className="mx-auto w-full max-w-xl flex-1 px-4 py-10">
			<h1 className="mb-2 text-3xl font-bold">{t('invitation.title')}</h1>
			<p className="mb-6">{t('invitation.intro', { name: invited.name, email: invited.email })}</p>
			<SetPasswordForm email={invited.email} lastResult={actionData?.result} submitLabel={t('invitation.submit')} />
		</main>
	)
}

export function ErrorBoundary() {
	return <OfficeErrorBoundary />
}
