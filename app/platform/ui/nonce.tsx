import { createContext, useContext } from 'react'

/**
 * The Content-Security-Policy nonce of the current response. Browsers hide
 * nonce attributes from scripts, so in the browser it is always empty.
 */
export const NonceContext = createContext('')
export const useNonce = () => useContext(NonceContext)
