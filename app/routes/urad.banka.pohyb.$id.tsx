import { data, redirect, type ActionFunctionArgs, type LoaderFunctionArgs } from '@remix-run/node'
import { Form, Link, useActionData, useLoaderData, useSearchParams } from '@remix-run/react'
import { useTranslation } from 'react-i18next'
import { z } from 'zod'
import { SubmitButton } from '~/components/office/form-field'
import { titleMeta } from '~/components/office/meta'
import { OfficeErrorBoundary } from '~/components/office/office-error-boundary'
import { asSubject } from '~/modules/access/ability.server'
import { toMovementRow } from '~/modules/bank-statements/list-unmatched-movements.server'
import { ignoreMovement, matchMovementToClaim } from '~/modules/bank-statements/resolve-movement.server'
import { listClaims } from '~/modules/claims/list-claims.server'
import { isAppError } from '~/modules/errors/app-error'
import { resources } from '~/modules/i18n/resources.server'
import { officePage, requestMeta } from '~/modules/staff/office-request.server'
import { requireOfficeStaff } from '~/modules/staff/require-office-staff.server'
import { requirePermission } from '~/modules/staff/require-permission.server'

const Note = z.string().trim().min(3).max(500)
const ResolveSchema = z.discriminatedUnion('intent', [
	z.object({ intent: z.literal('match'), claimId: z.uuid(), note: Note }),
	z.object({ intent: z.literal('ignore'), note: Note }),
])
const DONE = ['paid', 'partly', 'overpaid', 'ignored'] as const

async function loadMovement(request: Request, context: LoaderFunctionArgs['context'], id: string | undefined, action: 'read' | 'update') {
	const user = await requireOfficeStaff(request, context)
	const movement = z.uuid().safeParse(id).success ? await user.db.bankMovement.findUnique({ where: { id: id! } }) : null
	if (!movement) throw new Response('Not found', { status: 404 })
	await requirePermission(user, action, asSubject('BankMovement', movement), { request, context, label: `BankMovement:${movement.id}` })
	return { user, movement }
}

export async function loader({ request, context, params }: LoaderFunctionArgs) {
	const page = await officePage(request, context, 'nav.bank')
	const { user, movement } = await loadMovement(request, context, params.id, 'read')
	const q = (new URL(request.url).searchParams.get('q') ?? movement.variableSymbol ?? '').trim().slice(0, 100)
	const canResolve = movement.matchStatus === 'unmatched' && user.ability.can('update', asSubject('BankMovement', movement)) && user.ability.can('update', 'Claim')
	const found =
		canResolve && q && movement.kind === 'credit'
			? await listClaims({ db: user.db, ability: user.ability, filters: { ...(/^\d{1,10}$/.test(q) ? { vs: q } : { name: q }), page: 1 } })
			: null
	return {
		title: `${resources[page.locale]['bank-office'].movement.title} – ${page.townName}`,
		movement: toMovementRow(movement),
		q,
		canResolve,
		claims: (found?.claims ?? []).filter((c) => c.status !== 'cancelled' && c.status !== 'written_off').slice(0, 10),
	}
}

export const meta = titleMeta
export const handle = { i18n: ['office', 'bank-office', 'fees-office'] }

export async function action({ request, context, params }: ActionFunctionArgs) {
	const { user, movement } = await loadMovement(request, context, params.id, 'update')
	await requirePermission(user, 'update', 'Claim', { request, context })
	const parsed = ResolveSchema.safeParse(Object.fromEntries(await request.formData()))
	if (!parsed.success) {
		const onlyNote = parsed.error.issues.every((issue) => issue.path[0] === 'note')
		return data({ error: onlyNote ? 'movement.errors.note' : 'movement.errors.claim' }, { status: 400 })
	}
	const common = { db: user.db, movementId: movement.id, note: parsed.data.note, staffId: user.me.id, ...requestMeta(context) }
	try {
		if (parsed.data.intent === 'ignore') {
			await ignoreMovement(common)
			return redirect(`/urad/banka/pohyb/${movement.id}?hotovo=ignored`, 303)
		}
		if (movement.kind !== 'credit') return data({ error: 'movement.errors.reversal' }, { status: 400 })
		const outcome = await matchMovementToClaim({ ...common, claimId: parsed.data.claimId })
		return redirect(`/urad/banka/pohyb/${movement.id}?hotovo=${outcome}`, 303)
	} catch (error) {
		if (!isAppError(error, 'input_invalid')) throw error
		return data({ error: 'movement.errors.notWaiting' }, { status: 409 })
	}
}

export default function MovementPage() {
	const { movement, q, canResolve, claims } = useLoaderData<typeof loader>()
	const actionData = useActionData<typeof action>()
	const [params] = useSearchParams()
	const done = DONE.find((d) => d === params.get('hotovo'))
	const { t, i18n } = useTranslation('bank-office')
	const { t: tFees } = useTranslation('fees-office')
	const money = (halere: number) => new Intl.NumberFormat(i18n.language, { style: 'currency', currency: 'CZK' }).format(halere / 100)
	const details: [string, string | null][] = [
		['date', movement.bookingDate], ['amount', money(movement.amount)], ['vs', movement.variableSymbol], ['ss', movement.specificSymbol], ['ks', movement.constantSymbol],
		['counter', movement.counterAccount], ['counterName', movement.counterName], ['message', movement.message], ['status', t(`movement.statuses.${movement.matchStatus}`)], ['note', movement.note],
	]
	return (
		<main id="main" tabIndex={-1} className="mx-auto w-full max-w-5xl flex-1 px-4 py-10">
			<p className="mb-2">
				<Link to="/urad/banka/nesparovane">{t('movement.back')}</Link>
			</p>
			<h1 className="mb-4 text-3xl font-bold">
				{t('movement.title')} ({t(`queue.kinds.${movement.kind}`)})
			</h1>
			<div role="status">{done ? <p className="mb-4 rounded-town border-2 border-green-800 bg-green-50 p-3 font-medium text-green-900">{t(`movement.done.${done}`)}</p> : null}</div>
			<div role="alert">{actionData ? <p className="mb-4 rounded-town border-2 border-red-800 bg-red-50 p-3 font-medium text-red-900">{t(actionData.error)}</p> : null}</div>
			<dl className="mb-6 grid grid-cols-[auto_1fr] gap-x-6 gap-y-1">
				{details
					.filter(([, value]) => value)
					.map(([key, value]) => (
						<div key={key} className="contents">
							<dt className="font-medium">{t(`movement.${key}`)}</dt>
							<dd>{value}</dd>
						</div>
					))}
			</dl>
			{canResolve && movement.kind === 'credit' ? (
				<section aria-labelledby="search-heading" className="mb-8">
					<h2 id="search-heading" className="mb-2 text-xl font-semibold">
						{t('movement.searchHeading')}
					</h2>
					<Form method="get" className="mb-4 flex flex-wrap items-end gap-3">
						<label>
							<span className="block text-sm font-medium">{t('movement.q')}</span>
							<input type="search" name="q" defaultValue={q} className="rounded-town border px-2 py-1" />
						</label>
						<SubmitButton variant="secondary">{t('movement.search')}</SubmitButton>
					</Form>
					{q && claims.length === 0 ? <p>{t('movement.noClaims')}</p> : null}
					{claims.length ? (
						<Form method="post" className="rounded-town border p-4" aria-labelledby="match-heading">
							<h3 id="match-heading" className="mb-2 text-lg font-semibold">
								{t('movement.matchHeading')}
							</h3>
							<fieldset className="mb-3">
								<legend className="mb-1 font-medium">{t('movement.claimsHeading')}</legend>
								{claims.map((c, index) => (
									<label key={c.id} className="block">
										<input type="radio" name="claimId" value={c.id} required defaultChecked={index === 0 && claims.length === 1} />{' '}
										{c.variableSymbol} – {c.name} – {c.feeType} {c.year}/{c.instalment} – {t('movement.claimAmount')} {money(c.amount)}, {t('movement.paid')} {money(c.paidAmount)}, {t('movement.due')}{' '}
										{c.dueDate} ({tFees(`claims.statuses.${c.status}`)})
									</label>
								))}
							</fieldset>
							<label className="mb-3 block">
								<span className="mb-1 block font-medium">{t('movement.note')}</span>
								<textarea name="note" required minLength={3} maxLength={500} rows={2} aria-describedby="match-note-hint" className="w-full rounded-town border p-2" />
							</label>
							<p id="match-note-hint" className="mb-3 text-sm">
								{t('movement.noteHint')}
							</p>
							<SubmitButton name="intent" value="match">
								{t('movement.match')}
							</SubmitButton>
						</Form>
					) : null}
				</section>
			) : null}
			{canResolve ? (
				<Form method="post" className="rounded-town border p-4" aria-labelledby="ignore-heading">
					<h2 id="ignore-heading" className="mb-2 text-xl font-semibold">
						{t('movement.ignoreHeading')}
					</h2>
					<label className="mb-3 block">
						<span className="mb-1 block font-medium">{t('movement.note')}</span>
						<textarea name="note" required minLength={3} maxLength={500} rows={2} aria-describedby="ignore-note-hint" className="w-full rounded-town border p-2" />
					</label>
					<p id="ignore-note-hint" className="mb-3 text-sm">
						{t('movement.ignoreHint')}
					</p>
					<SubmitButton name="intent" value="ignore" variant="secondary">
						{t('movement.ignore')}
					</SubmitButton>
				</Form>
			) : null}
		</main>
	)
}

export function ErrorBoundary() {
	return <OfficeErrorBoundary />
}
