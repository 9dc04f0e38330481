import { type ActionFunctionArgs, type LoaderFunctionArgs } from '@remix-run/node'
import { Form, Link, useActionData, useLoaderData } from '@remix-run/react'
import { useTranslation } from 'react-i18next'
import { z } from 'zod'
import { GeneralErrorBoundary } from '~/components/general-error-boundary'
import { titleMeta } from '~/components/office/meta'
import { useFormatWhen } from '~/components/platform/health-verdict'
import { resources } from '~/modules/i18n/resources.server'
import { platformPage } from '~/modules/platform-auth/platform-page.server'
import { requireVendor } from '~/modules/platform-auth/require-vendor.server'
import { createVendorToken, listVendorTokens, revokeVendorToken } from '~/modules/platform-health/vendor-tokens.server'

// The signed-in vendor's monitoring tokens for GET /platform/health.json: create (shown once), revoke.
export async function loader({ request, context }: LoaderFunctionArgs) {
	const { locale, title } = await platformPage(request, 'vendor.console')
	const { vendor } = await requireVendor(request, context)
	const tokens = await listVendorTokens(vendor.id)
	return {
		title: `${resources[locale]['platform-health'].tokens.title} – ${title}`,
		tokens: tokens.map((token) => ({
			...token,
			createdAt: token.createdAt.toISOString(),
			lastUsedAt: token.lastUsedAt?.toISOString() ?? null,
			revokedAt: token.revokedAt?.toISOString() ?? null,
		})),
	}
}

const ActionSchema = z.discriminatedUnion('intent', [
	z.object({ intent: z.literal('create'), name: z.string().trim().min(1).max(60) }),
	z.object({ intent: z.literal('revoke'), tokenId: z.string().uuid() }),
])

type ActionResult = { created?: string; error?: 'nameRequired'; notice?: 'revokedNotice' | 'notFound' }

export async function action({ request, context }: ActionFunctionArgs): Promise<ActionResult> {
	const { vendor } = await requireVendor(request, context)
	const form = Object.fromEntries(await request.formData())
	const parsed = ActionSchema.safeParse(form)
	if (!parsed.success) return form.intent === 'revoke' ? { notice: 'notFound' } : { error: 'nameRequired' }
	if (parsed.data.intent === 'create') {
		const { token } = await createVendorToken({ vendorStaffId: vendor.id, name: parsed.data.name })
		return { created: token }
	}
	return { notice: (await revokeVendorToken({ vendorStaffId: vendor.id, tokenId: parsed.data.tokenId })) ? 'revokedNotice' : 'notFound' }
}

export const meta = titleMeta
export const handle = { i18n: ['office', 'platform-health'] }

export default function VendorTokens() {
	const { tokens } = useLoaderData<typeof loader>()
	const result = useActionData<typeof action>()
	const { t } = useTranslation('platform-health')
	const when = useFormatWhen()
	return (
		<main id="main" tabIndex={-1} className="mx-auto w-full max-w-5xl flex-1 px-4 py-10">
			<p className="mb-4">
				<Link to="/platform">{t('detail.back')}</Link>
			</p>
			<h1 className="mb-2 text-3xl font-bold">{t('tokens.title')}</h1>
			<p className="mb-6">{t('tokens.intro')}</p>
			{result?.created ? (
				<div role="status" className="mb-6 rounded-town border border-green-800 bg-green-50 p-3 text-green-900">
					<p className="mb-2">{t('tokens.created')}</p>
					<code className="break-all font-mono" data-testid="new-token">
						{result.created}
					</code>
				</div>
			) : null}
			{result?.notice ? (
				<p role="status" className="mb-6 rounded-town border border-muted p-3">
					{t(`tokens.${result.notice}`)}
				</p>
			) : null}
			<Form method="post" className="mb-10 flex flex-wrap items-end gap-4" noValidate>
				<div className="flex flex-col">
					<label htmlFor="token-name">{t('tokens.name')}</label>
					<input
						id="token-name"
						name="name"
						required
						maxLength={60}
						aria-describedby={result?.error ? 'token-name-hint token-name-error' : 'token-name-hint'}
						aria-invalid={result?.error ? true : undefined}
						className="rounded-town border border-muted px-2 py-1"
					/>
					<span id="token-name-hint" className="text-sm text-muted">
						{t('tokens.nameHint')}
					</span>
					{result?.error ? (
						<span id="token-name-error" className="text-sm text-red-800">
							{t(`tokens.errors.${result.error}`)}
						</span>
					) : null}
				</div>
				<button type="submit" name="intent" value="create" className="rounded-town bg-primary px-4 py-1 font-semibold text-primary-contrast">
					{t('tokens.create')}
				</button>
			</Form>
			{tokens.length === 0 ? (
				<p>{t('tokens.empty')}</p>
			) : (
				<table className="w-full border-collapse text-left">
					<caption className="mb-2 text-left font-semibold">{t('tokens.caption')}</caption>
					<thead>
						<tr className="border-b border-muted">
							<th scope="col" className="p-2">
								{t('tokens.name')}
							</th>
							<th scope="col" className="p-2">
								{t('tokens.createdAt')}
							</th>
							<th scope="col" className="p-2">
								{t('tokens.lastUsedAt')}
							</th>
							<th scope="col" className="p-2">
								{t('tokens.state')}
							</th>
						</tr>
					</thead>
					<tbody>
						{tokens.map((token) => (
							<tr key={token.id} className="border-b border-muted/30">
								<th scope="row" className="p-2 font-medium">
									{token.name}
								</th>
								<td className="p-2">{when(token.createdAt)}</td>
								<td className="p-2">{token.lastUsedAt ? when(token.lastUsedAt) : t('tokens.never')}</td>
								<td className="p-2">
									{token.revokedAt ? (
										t('tokens.revoked', { at: when(token.revokedAt) })
									) : (
										<Form method="post" className="flex flex-wrap items-center gap-3">
											<span>{t('tokens.live')}</span>
											<input type="hidden" name="tokenId" value={token.id} />
											<button
												type="submit"
												name="intent"
												value="revoke"
												aria-label={t('tokens.revokeLabel', { name: token.name })}
												className="rounded-town border-2 border-primary px-3 py-1 font-semibold"
											>
												{t('tokens.revoke')}
											</button>
										</Form>
									)}
								</td>
							</tr>
						))}
					</tbody>
				</table>
			)}
		</main>
	)
}

export function ErrorBoundary() {
	return <GeneralErrorBoundary />
}
