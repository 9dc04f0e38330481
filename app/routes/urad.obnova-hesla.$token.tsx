import { parseWithZod } from '@conform-to/zod/v4'
import { data, redirect, type ActionFunctionArgs, type LoaderFunctionArgs } from '@remix-run/node'
import { useActionData, useLoaderData } from '@remix-run/react'
import { useTranslation } from 'react-i18next'
import { titleMeta } from '~/components/office/meta'
import { OfficeErrorBoundary } from '~/components/office/office-error-boundary'
import { InvalidLink, SetPasswordForm } from '~/components/office/set-password-form'
import { isAppError } from '~/modules/errors/app-error'
import { findLinkOwner } from '~/modules/staff/link-owner.server'
import { officePage, requestMeta } from '~/modules/staff/office-request.server'
import { newPasswordFormSchema } from '~/modules/staff/password-rules'
import { resetPassword } from '~/modules/staff/reset-password.server'
import { PasswordError, passwordErrorField, passwordErrorMessage } from '~/modules/staff/password-error'

// A new password through a reset link; every session of the account ends, then sign in afresh.
export async function loader({ request, context, params }: LoaderFunctionArgs) {
	const page = await officePage(request, context, 'reset.title')
	const link = await findLinkOwner(context, params.token, 'password_reset')
	if (!link) return data({ title: page.title, email: null }, { status: 404 })
	return { title: page.title, email: link.owner.email }
}

export const meta = titleMeta

export async function action({ request, context, params }: ActionFunctionArgs) {
	const link = await findLinkOwner(context, params.token, 'password_reset')
	if (!link) return data({ result: null, linkGone: true }, { status: 404 })
	const submission = parseWithZod(await request.formData(), { schema: newPasswordFormSchema(link.owner.email) })
	if (submission.status !== 'success') return data({ result: submission.reply({ hideFields: ['password', 'confirm'] }), linkGone: false }, { status: 400 })
	try {
		await resetPassword({ db: link.db, token: params.token ?? '', password: submission.value.password, ...requestMeta(context) })
		return redirect('/urad/prihlaseni?hlaseni=password-reset')
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

export default function ResetPassword() {
	const { email } = useLoaderData<typeof loader>()
	const actionData = useActionData<typeof action>()
	const { t } = useTranslation('office')
	if (!email || actionData?.linkGone) return <InvalidLink title={t('reset.invalidTitle')} text={t('reset.invalidText')} />
	return (
		<main id="main" tabIndex={-1} className="mx-auto w-full max-w-xl flex-1 px-4 py-10">
			<h1 className="mb-2 text-3xl font-bold">{t('reset.title')}</h1>
			<p className="mb-6">{t('reset.intro', { email })}</p>
			<SetPasswordForm email={email} lastResult={actionData?.result} submitLabel={t('reset.submit')} />
		</main>
	)
}

export function ErrorBoundary() {
	return <OfficeErrorBoundary />
}
