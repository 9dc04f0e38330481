import { createContext, useContext } from 'react'

// The per-request CSP nonce reaches <Scripts>, <ScrollRestoration> and inline <style> through this.
const NonceContext = createContext('')
export const NonceProvider = NonceContext.Provider
export const useNonce = () => useContext(NonceContext)
