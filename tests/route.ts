// Runs a route module's loader or action the way the router does (createStaticHandler, the public
// API Remix is built on), so a test reads the HTTP status and data a browser would get instead of
// the shape of what `data()` returns. POST runs the action, anything else the loader.
import { createStaticHandler, isRouteErrorResponse } from '@remix-run/router'
import type { AppLoadContext } from '@remix-run/node'

type RouteModule = { loader?: (args: never) => unknown; action?: (args: never) => unknown }

export type RouteOutcome = { status: number; data: unknown; location: string | null }

export async function runRoute({
	path,
	module,
	request,
	context,
}: {
	path: string
	module: RouteModule
	request: Request
	context: AppLoadContext
}): Promise<RouteOutcome> {
	const handler = createStaticHandler([{ id: 'route', path, loader: module.loader as never, action: module.action as never }])
	const result = await handler.query(request, { requestContext: context, skipLoaderErrorBubbling: true })
	if (result instanceof Response) return { status: result.status, data: null, location: result.headers.get('location') }
	const error = result.errors?.route
	if (error !== undefined) {
		if (isRouteErrorResponse(error)) return { status: error.status, data: error.data, location: null }
		throw error
	}
	const data = request.method === 'GET' ? result.loaderData.route : result.actionData?.route
	return { status: result.statusCode, data, location: null }
}
