/** NIST SP 800-63B asks for at least 8; a passphrase of 12 is what the office's data deserve. */
export const MIN_PASSWORD_LENGTH = 12
