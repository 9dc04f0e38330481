import { data, redirect, type ActionFunctionArgs, type LoaderFunctionArgs } from '@remix-run/node'
import { Form, useLoaderData } from '@remix-run/react'
import { useTranslation } from 'react-i18next'
import { z } from 'zod'
import { SubmitButton } from '~/components/office/form-field'
import { titleMeta } from '~/components/office/meta'
import { OfficeErrorBoundary } from '~/components/office/office-error-boundary'
import { Pagination } from '~/components/office/pagination'
import { resources } from '~/modules/i18n/resources.server'
import { decideRepresentation } from '~/modules/residents/decide-representation.server'
import { listRepresentations } from '~/modules/residents/list-representations.server'
import { officePage, requestMeta } from '~/modules/staff/office-request.server'
import { requireOfficeStaff } from '~/modules/staff/require-office-staff.server'
import { requirePermission } from '~/modules/staff/require-permission.server'
import { formatDate } from '~/modules/i18n/format'
import { readPage } from '~/modules/http/page-param'

const DecisionSchema = z.object({ representationId: z.uuid(), decision: z.enum(['confirm', 'revoke']) })

export async function loader({ request, context }: LoaderFunctionArgs) {
	const page = await officePage(request, context, 'nav.home')
	const user = await requireOfficeStaff(request, context)
	await requirePermission(user, 'read', 'Resident', { request, context })
	const pageNumber = readPage(new URL(request.url).searchParams)
	const { rows, pages } = await listRepresentations({ db: user.db, ability: user.ability, page: pageNumber })
	return {
		title: `${resources[page.locale]['fees-office'].representation.title} – ${page.townName}`,
		canDecide: user.ability.can('update', 'Resident'),
		page: pageNumber,
		pages,
		rows: rows.map((r) => ({
			id: r.id,
			citizen: `${r.person.givenName} ${r.person.familyName}`,
			resident: `${r.resident.givenName} ${r.resident.familyName} (${formatDate(r.resident.dateOfBirth, page.locale)})`,
			relation: r.relation,
			confirmed: r.confirmedAt !== null,
		})),
	}
}

export const meta = titleMeta

export async function action({ request, context }: ActionFunctionArgs) {
	const user = await requireOfficeStaff(request, context)
	await requirePermission(user, 'update', 'Resident', { request, context })
	const parsed = DecisionSchema.safeParse(Object.fromEntries(await request.formData()))
	if (!parsed.success) return data({ error: true }, { status: 400 })
	await decideRepresentation({ db: user.db, ...parsed.data, by: user.me.id, ...requestMeta(context) })
	return redirect('/urad/poplatky/zastoupeni')
}

export const handle = { i18n: ['office', 'fees-office'] }

export default function RepresentationPage() {
	const { rows, canDecide, page, pages } = useLoaderData<typeof loader>()
	const { t } = useTranslation('fees-office')
	return (
		<main id="main" tabIndex={-1} className="mx-auto w-full max-w-5xl flex-1 px-4 py-10">
			<h1 className="mb-4 text-3xl font-bold">{t('representation.title')}</h1>
			<p className="mb-6">{t('representation.intro')}</p>
			{rows.length === 0 ? <p>{t('representation.none')}</p> : null}
			<ul className="space-y-3">
				{rows.map((r) => (
					<li key={r.id} className="rounded-town border p-3">
						<p>{t('representation.line', { citizen: r.citizen, resident: r.resident, relation: r.relation ?? '—' })}</p>
						<p className="font-medium">{r.confirmed ? t('representation.confirmed') : t('representation.pending')}</p>
						{canDecide ? (
							<Form method="post" className="mt-2 flex gap-3">
								<input type="hidden" name="representationId" value={r.id} />
								{r.confirmed ? null : (
									<SubmitButton name="decision" value="confirm">
										{t('representation.confirm')}
									</SubmitButton>
								)}
								<SubmitButton name="decision" value="revoke" variant="secondary">
									{t('representation.revoke')}
								</SubmitButton>
							</Form>
						) : null}
					</li>
				))}
			</ul>
			<Pagination page={page} pages={pages} label={t('representation.pagination')} />
		</main>
	)
}

export function ErrorBoundary() {
	return <OfficeErrorBoundary />
}
