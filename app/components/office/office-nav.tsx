import { Form, Link, NavLink } from '@remix-run/react'
import { useTranslation } from 'react-i18next'

type Props = {
	name: string
	canReadStaff: boolean
	canReadAudit: boolean
	canReadSubmissions?: boolean
	canReadMessages?: boolean
	canManageForms?: boolean
	canReadFeeRules?: boolean
	canReadClaims?: boolean
	canReadBank?: boolean
	canReadPayments?: boolean
	canManageGateways?: boolean
	canManageBoard?: boolean
	canReadStatistics?: boolean
	canReadGrants?: boolean
}

type Item = { to: string; label: string; show: boolean; end?: boolean }

/**
 * The back office's own navigation, below the office header (issue 19): the pages grouped by the
 * clerk's agendas, each group shown only with the pages the clerk may open; the signed-in person and
 * sign-out beside it. The groups wrap on a tablet (768 px) and stack on a phone.
 */
export function OfficeNav({
	name,
	canReadStaff,
	canReadAudit,
	canReadSubmissions = false,
	canManageForms = false,
	canReadFeeRules = false,
	canReadClaims = false,
	canReadBank = false,
	canReadPayments = false,
	canManageGateways = false,
	canManageBoard = false,
	canReadStatistics = false,
	canReadGrants = false,
	canReadMessages = false,
}: Props) {
	const { t } = useTranslation('office')
	const link = ({ isActive }: { isActive: boolean }) => `inline-block rounded-town px-2 py-1 ${isActive ? 'font-bold no-underline ring-2 ring-primary' : ''}`
	const groups: { id: string; label: string; items: Item[] }[] = [
		{ id: 'home', label: t('nav.groups.home'), items: [{ to: '/urad', label: t('nav.home'), show: true, end: true }] },
		{
			id: 'citizens',
			label: t('nav.groups.citizens'),
			items: [
				{ to: '/urad/podani', label: t('nav.submissions'), show: canReadSubmissions },
				{ to: '/urad/zpravy', label: t('nav.messages'), show: canReadMessages },
				{ to: '/urad/formulare', label: t('nav.forms'), show: canManageForms },
			],
		},
		{
			id: 'fees',
			label: t('nav.groups.fees'),
			items: [
				{ to: '/urad/poplatky/predpisy', label: t('nav.claims'), show: canReadClaims },
				{ to: '/urad/platby', label: t('nav.payments'), show: canReadPayments },
				{ to: '/urad/banka', label: t('nav.bank'), show: canReadBank },
				{ to: '/urad/poplatky/pravidla', label: t('nav.feeRules'), show: canReadFeeRules },
			],
		},
		{
			id: 'town',
			label: t('nav.groups.town'),
			items: [
				{ to: '/urad/uredni-deska', label: t('nav.board'), show: canManageBoard },
				{ to: '/urad/dotace', label: t('nav.grants'), show: canReadGrants },
				{ to: '/urad/statistiky', label: t('nav.statistics'), show: canReadStatistics },
			],
		},
		{
			id: 'admin',
			label: t('nav.groups.admin'),
			items: [
				{ to: '/urad/uzivatele', label: t('nav.staff'), show: canReadStaff },
				{ to: '/urad/audit', label: t('nav.audit'), show: canReadAudit },
				// Town settings, the same permission as the gateways (update TownSettings).
				{ to: '/urad/platebni-brany', label: t('nav.gateways'), show: canManageGateways },
				{ to: '/urad/sms', label: t('nav.sms'), show: canManageGateways },
				{ to: '/urad/dlazdice', label: t('nav.tile'), show: canManageGateways },
				{ to: '/urad/pravni-stranky', label: t('nav.legal'), show: canManageGateways },
			],
		},
	]
	return (
		<div className="border-b border-muted/30 bg-surface">
			<div className="mx-auto flex max-w-6xl flex-wrap items-start justify-between gap-3 px-4 py-2">
				<nav aria-label={t('nav.label')} className="min-w-0 flex-1">
					<ul className="flex flex-wrap gap-x-6 gap-y-2">
						{groups
							.map((group) => ({ ...group, items: group.items.filter((item) => item.show) }))
							.filter((group) => group.items.length > 0)
							.map((group) => (
								<li key={group.id}>
									<span id={`office-nav-${group.id}`} className="block text-xs font-semibold uppercase tracking-wide text-muted">
										{group.label}
									</span>
									<ul aria-labelledby={`office-nav-${group.id}`} className="flex flex-wrap gap-1">
										{group.items.map((item) => (
											<li key={item.to}>
												<NavLink to={item.to} end={item.end} className={link}>
													{item.label}
												</NavLink>
											</li>
										))}
									</ul>
								</li>
							))}
					</ul>
				</nav>
				<div className="flex flex-wrap items-center gap-3">
					<Link to="/urad/profil" className="font-semibold" data-testid="office-person">
						{t('nav.signedInAs', { name })}
					</Link>
					<Form method="post" action="/urad/odhlaseni" reloadDocument>
						<button type="submit" className="rounded-town border-2 border-muted bg-surface px-3 py-1 font-semibold text-ink">
							{t('nav.logout')}
						</button>
					</Form>
				</div>
			</div>
		</div>
	)
}
