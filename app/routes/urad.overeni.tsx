import { getFormProps } from '@conform-to/react'
import { parseWithZod } from '@conform-to/zod/v4'
import { data, redirect, type ActionFunctionArgs, type LoaderFunctionArgs } from '@remix-run/node'
import { Form, useActionData, useLoaderData } from '@remix-run/react'
import { useTranslation } from 'react-i18next'
import { FormErrors, SubmitButton, TextField } from '~/components/office/form-field'
import { titleMeta } from '~/components/office/meta'
import { OfficeErrorBoundary } from '~/components/office/office-error-boundary'
import { useZodForm } from '~/components/office/use-zod-form'
import { officePage } from '~/modules/staff/office-request.server'
import { getStaffSession, OFFICE_ENROL, OFFICE_LOGIN } from '~/modules/staff/require-office-staff.server'
import { completeStaffSecondFactor } from '~/modules/staff/sign-in-staff.server'
import { CodeSchema, returnPathWithin } from '~/modules/staff/staff-forms'

// The second sign-in step: only a session that has passed the password step gets here.
export async function loader({ request, context }: LoaderFunctionArgs) {
	const page = await officePage(request, context, 'verify.title')
	const returnTo = new URL(request.url).searchParams.get('returnTo')
	const pending = await getStaffSession(request, context)
	if (!pending) throw redirect(OFFICE_LOGIN)
	if (pending.isComplete) throw redirect(returnPathWithin('/urad', returnTo))
	if (!pending.me.totpEnabledAt) throw redirect(OFFICE_ENROL)
	return { title: page.title, returnTo: returnTo ?? '' }
}

export const meta = titleMeta

const REFUSALS = { invalid: 'verify.invalid', locked: 'login.locked', rate_limited: 'login.rateLimited' } as const

export async function action({ request, context }: ActionFunctionArgs) {
	const submission = parseWithZod(await request.formData(), { schema: CodeSchema })
	if (submission.status !== 'success') return data({ result: submission.reply({ resetForm: true }) }, { status: 400 })
	const result = await completeStaffSecondFactor({ request, context, code: submission.value.code })
	if (!result.ok) {
		if (result.reason === 'no_session') throw redirect(OFFICE_LOGIN)
		return data({ result: submission.reply({ formErrors: [REFUSALS[result.reason]], resetForm: true }) }, { status: 400 })
	}
	const target = returnPathWithin('/urad', submission.value.returnTo)
	const withNotice = result.method === 'recovery_code' ? `/urad?notice=recovery-code-used&left=${result.recoveryCodesLeft}` : target
	return redirect(withNotice, { headers: { 'Set-Cookie': result.cookie } })
}

export const handle = { i18n: ['office'] }

export default function OfficeVerify() {
	const { returnTo } = useLoaderData<typeof loader>()
	const actionData = useActionData<typeof action>()
	const { t } = useTranslation('office')
	const [form, fields] = useZodForm(CodeSchema, { id: 'office-verify', lastResult: actionData?.result })
	return (
		<main id="main" tabIndex={-1} className="mx-auto w-full max-w-xl flex-1 px-4 py-10">
			<h1 className="mb-2 text-3xl font-bold">{t('verify.title')}</h1>
			<p className="mb-6">{t('verify.intro')}</p>
			<Form method="post" {...getFormProps(form)}>
				<FormErrors id={form.errorId} errors={form.errors} />
				<input type="hidden" name="returnTo" value={returnTo} />
				<TextField field={fields.code} label={t('fields.code')} help={t('verify.codeHelp')} autoComplete="one-time-code" />
				<SubmitButton>{t('verify.submit')}</SubmitButton>
			</Form>
			<form method="post" action="/urad/odhlaseni" className="mt-8">
				<button type="submit" className="underline">
					{t('verify.cancel')}
				</button>
			</form>
		</main>
	)
}

export function ErrorBoundary() {
	return <OfficeErrorBoundary />
}
