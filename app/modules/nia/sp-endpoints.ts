import { townUrl } from '../tenancy/town-origin.server'

export const ACS_PATH = '/auth/nia/acs'
export const LOGOUT_RETURN_PATH = '/auth/nia/logout-return'
/** The page that says "you are logged out" (NIA's LogoutResponse arrives at LOGOUT_RETURN_PATH and is sent on here). */
export const LOGGED_OUT_PAGE = '/auth/nia/odhlaseno'

/**
 * The addresses registered at NIA for a town ("Adresa pro příjem vydaného tokenu" and "Adresa pro
 * přesměrování uživatele po odhlášení"), from its stored primary host and the configured public
 * scheme and port (tenancy/town-origin.server.ts): https in production; in development, tests and the
 * demo plain http on the port the server listens on (*.localhost has no TLS).
 */
export function spEndpoints(primaryHost: string) {
	return { acsUrl: townUrl(primaryHost, ACS_PATH), logoutReturnUrl: townUrl(primaryHost, LOGOUT_RETURN_PATH) }
}
