import type { LoaderFunctionArgs } from '@remix-run/node'
import { Outlet, useLoaderData, type ShouldRevalidateFunction } from '@remix-run/react'
import { IdleWarning } from '~/components/idle-warning'
import { OfficeErrorBoundary } from '~/components/office/office-error-boundary'
import { OfficeNav } from '~/components/office/office-nav'
import { getOfficeLayout } from '~/modules/staff/office-layout.server'

// The back office (/urad/...): its navigation and the inactivity warning around every office page.
// Each page guards itself (loaders run in parallel, so a layout cannot guard its children).
export const handle = { i18n: ['office'] }

export async function loader({ request, context }: LoaderFunctionArgs) {
	return getOfficeLayout(request, context)
}

// Every navigation touches the session, so the countdown must restart with it.
export const shouldRevalidate: ShouldRevalidateFunction = () => true

export default function OfficeLayout() {
	const { staff } = useLoaderData<typeof loader>()
	return (
		<>
			{staff ? (
				<>
					<OfficeNav
						name={staff.name}
						canReadStaff={staff.canReadStaff}
						canReadAudit={staff.canReadAudit}
						canReadSubmissions={staff.canReadSubmissions}
						canReadMessages={staff.canReadMessages}
						canManageForms={staff.canManageForms}
						canReadFeeRules={staff.canReadFeeRules}
						canReadClaims={staff.canReadClaims}
						canReadBank={staff.canReadBank}
						canReadPayments={staff.canReadPayments}
						canManageGateways={staff.canManageGateways}
						canManageBoard={staff.canManageBoard}
						canReadGrants={staff.canReadGrants}
						canReadStatistics={staff.canReadStatistics}
					/>
					<IdleWarning idleMsLeft={staff.idleMsLeft} loadedAt={staff.loadedAt} keepAliveUrl="/urad/session" loginUrl="/urad/prihlaseni" />
				</>
			) : null}
			<Outlet />
		</>
	)
}

export function ErrorBoundary() {
	return <OfficeErrorBoundary />
}
