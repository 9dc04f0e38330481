import type { LoaderFunctionArgs } from '@remix-run/node'
import { getCaughtMailSource, requireMailCatcher } from '~/modules/mail/mail-catcher-page.server'

// The captured message as received (RFC 5322), to open in a mail program and see its HTML design.
export async function loader({ request, context, params }: LoaderFunctionArgs) {
	const raw = getCaughtMailSource(await requireMailCatcher(request, context), params.id ?? '')
	return new Response(new Uint8Array(raw), {
		headers: {
			'Content-Type': 'message/rfc822',
			'Content-Disposition': `attachment; filename="${(params.id ?? 'message').replace(/[^\w-]/g, '')}.eml"`,
			'Cache-Control': 'no-store',
			'X-Content-Type-Options': 'nosniff',
		},
	})
}
