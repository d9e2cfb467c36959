// STUB, to be replaced by the browser setup flow (branch `setup`), which
// provides the real issueSetupLink here: a one-time path `/setup/<token>`
// while the office is not set up, else null. Until then no link is issued
// and an office is set up with `npm run setup`.

/** The path of a one-time setup link, or null when there is none to give. */
export async function issueSetupLink(): Promise<string | null> {
	return null
}
