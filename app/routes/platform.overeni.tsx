import { parseWithZod } from '@conform-to/zod/v4'
import { data, redirect, type ActionFunctionArgs, type LoaderFunctionArgs } from '@remix-run/node'
import { useActionData, useLoaderData } from '@remix-run/react'
import { GeneralErrorBoundary } from '~/components/general-error-boundary'
import { titleMeta } from '~/components/office/meta'
import { SecondFactorPage } from '~/components/office/second-factor-form'
import { platformPage } from '~/modules/platform-auth/platform-page.server'
import { getVendorUser, VENDOR_LOGIN } from '~/modules/platform-auth/require-vendor.server'
import { completeVendorSecondFactor } from '~/modules/platform-auth/sign-in-vendor.server'
import { CodeSchema, returnPathWithin } from '~/modules/staff/staff-forms'

export async function loader({ request, context }: LoaderFunctionArgs) {
	const { title } = await platformPage(request, 'verify.title')
	const returnTo = new URL(request.url).searchParams.get('zpet')
	const user = await getVendorUser(request, context)
	if (!user) throw redirect(VENDOR_LOGIN)
	if (user.isComplete) throw redirect(returnPathWithin('/platform', returnTo))
	return { title, returnTo: returnTo ?? '' }
}

export const meta = titleMeta

const REFUSALS = { invalid: 'verify.invalid', locked: 'login.locked', rate_limited: 'login.rateLimited' } as const

export async function action({ request, context }: ActionFunctionArgs) {
	const submission = parseWithZod(await request.formData(), { schema: CodeSchema })
	if (submission.status !== 'success') return data({ result: submission.reply({ resetForm: true }) }, { status: 400 })
	const result = await completeVendorSecondFactor({ request, context, code: submission.value.code })
	if (!result.ok) {
		if (result.reason === 'no_session') throw redirect(VENDOR_LOGIN)
		return data({ result: submission.reply({ formErrors: [REFUSALS[result.reason]], resetForm: true }) }, { status: 400 })
	}
	return redirect(returnPathWithin('/platform', submission.value.returnTo), { headers: { 'Set-Cookie': result.cookie } })
}

export const handle = { i18n: ['office'] }

export default function VendorVerify() {
	const { returnTo } = useLoaderData<typeof loader>()
	const actionData = useActionData<typeof action>()
	return <SecondFactorPage formId="vendor-verify" returnTo={returnTo} lastResult={actionData?.result} />
}

export function ErrorBoundary() {
	return <GeneralErrorBoundary />
}
