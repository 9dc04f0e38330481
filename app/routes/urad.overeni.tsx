import { parseWithZod } from '@conform-to/zod/v4'
import { data, redirect, type ActionFunctionArgs, type LoaderFunctionArgs } from '@remix-run/node'
import { useActionData, useLoaderData } from '@remix-run/react'
import { titleMeta } from '~/components/office/meta'
import { OfficeErrorBoundary } from '~/components/office/office-error-boundary'
import { SecondFactorPage } from '~/components/office/second-factor-form'
import { officePage } from '~/modules/staff/office-request.server'
import { getStaffSession, OFFICE_ENROL, OFFICE_LOGIN } from '~/modules/staff/require-office-staff.server'
import { completeStaffSecondFactor } from '~/modules/staff/sign-in-staff.server'
import { CodeSchema, returnPathWithin } from '~/modules/staff/staff-forms'

// The second sign-in step: only a session that has passed the password step gets here.
export async function loader({ request, context }: LoaderFunctionArgs) {
	const page = await officePage(request, context, 'verify.title')
	const returnTo = new URL(request.url).searchParams.get('zpet')
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
	const withNotice = result.method === 'recovery_code' ? `/urad?hlaseni=recovery-code-used&zbyva=${result.recoveryCodesLeft}` : target
	return redirect(withNotice, { headers: { 'Set-Cookie': result.cookie } })
}

export const handle = { i18n: ['office'] }

export default function OfficeVerify() {
	const { returnTo } = useLoaderData<typeof loader>()
	const actionData = useActionData<typeof action>()
	return <SecondFactorPage formId="office-verify" returnTo={returnTo} lastResult={actionData?.result} cancelAction={'/urad/odhlaseni'} />
}

export function ErrorBoundary() {
	return <OfficeErrorBoundary />
}
