import type { LoaderFunctionArgs } from '@remix-run/node'
import { dateToDay } from '~/modules/board/board-clock.server'
import { snapshotMessage } from '~/modules/board/board-signature.server'
import { latestBoardSnapshot } from '~/modules/board/take-board-snapshot.server'
import { verifyBoardSnapshot } from '~/modules/board/verify-board-snapshot.server'
import { getTenantDb } from '~/modules/db/tenant-db.server'
import { requireTenant } from '~/modules/tenancy/require-town.server'

// The verification of a day's signed board snapshot (/uredni-deska/overeni) for a script:
// ?den=YYYY-MM-DD, or the latest day. 400 for a malformed day, 404 for a day without a snapshot.
export async function loader({ request, context }: LoaderFunctionArgs) {
	const db = getTenantDb(requireTenant(context))
	const asked = new URL(request.url).searchParams.get('den')?.trim() ?? ''
	if (asked && (!/^\d{4}-\d{2}-\d{2}$/.test(asked) || Number.isNaN(Date.parse(`${asked}T00:00:00Z`)))) {
		return Response.json({ error: 'invalid_day', message: 'den must be a date as YYYY-MM-DD' }, { status: 400 })
	}
	const latest = asked ? null : await latestBoardSnapshot(db)
	const day = asked || (latest ? dateToDay(latest.day) : null)
	const result = day ? await verifyBoardSnapshot(db, day) : null
	if (!result?.found) return Response.json({ day, found: false }, { status: 404, headers: { 'Cache-Control': 'no-store' } })
	const message = snapshotMessage({ day: result.day, listHash: result.listHash, documentCount: result.documentCount })
	return Response.json(
		{ ...result, message, publicKeyUrl: result.keyId ? `/uredni-deska/klic/${result.keyId}.pem` : null, listUrl: `/uredni-deska/otisk/${result.day}.txt` },
		{ headers: { 'Cache-Control': 'no-store' } },
	)
}
