// A thief's copy of a whole server (review finding H-2) and what the thief
// tries with it: every file under the server's folder (the app's `.data/`
// with the embedded PostgreSQL's data files and `secrets.json`, and the
// captured standard output and error), the environment the process was
// started with, and the database as text. Everything in the copy that could
// be key material is tried, with the app's own crypto modules, against every
// sealed grant, session row and ciphertext of the database; each key that
// opens something is tried again, until nothing new opens.
import { createHash, hkdfSync } from 'node:crypto'
import fs from 'node:fs/promises'
import path from 'node:path'
import pg from 'pg'
import { decrypt } from '../../app/platform/crypto/aead.server.ts'
import { decryptCaseField, type CaseField } from '../../app/platform/crypto/case-fields.server.ts'
import { decodeBase32, normalizeBase32 } from '../../app/platform/crypto/crockford-base32.server.ts'
import {
	normalizeFollowUpCode,
	reporterKeyPair,
} from '../../app/platform/crypto/follow-up-code.server.ts'
import {
	openSealed,
	publicKeyOf,
	type KeyPair,
} from '../../app/platform/crypto/key-pairs.server.ts'
import { dumpDatabaseText } from './database-dump.ts'

export type CopyPiece = { name: string; bytes: Buffer }

/** Every file below `dir`, each as one piece. */
export async function filesUnder(dir: string): Promise<CopyPiece[]> {
	const entries = await fs.readdir(dir, { withFileTypes: true })
	const nested = await Promise.all(
		entries.map(async (entry): Promise<CopyPiece[]> => {
			const full = path.join(dir, entry.name)
			if (entry.isDirectory()) return filesUnder(full)
			if (!entry.isFile()) return []
			return [{ name: full, bytes: await fs.readFile(full) }]
		}),
	)
	return nested.flat()
}

/** The environment a running process was started with, as the kernel keeps it. */
export async function environmentOf(pid: number): Promise<CopyPiece> {
	const bytes = await fs.readFile(`/proc/${pid}/environ`)
	return {
		name: `environment of process ${pid}`,
		bytes: Buffer.from(bytes.toString('latin1').replaceAll('\0', '\n'), 'latin1'),
	}
}

/** What a case's key opens, and what may lead to a case key. */
export type SealedContent = {
	cases: Array<{
		id: string
		reference: string
		fields: Array<{ field: CaseField; value: Buffer }>
	}>
	/** Case keys sealed to a holder's X25519 key (recovery, reporter, staff). */
	grants: Array<{ caseId: string; holder: string; holderKey: string; sealedKey: Buffer }>
	/** Values under a symmetric key that yield a private key, a case key or a secret. */
	envelopes: Array<{
		label: string
		associatedData: string
		value: Buffer
		yields: 'private-key' | 'case-key' | 'secret'
		caseId?: string
	}>
	/** Every binary value of every table (keys could hide in any of them). */
	binaryValues: Buffer[]
}

/** The database as a thief reads it: every table as text, and its ciphertexts. */
export async function copyDatabase(
	url: string,
): Promise<{ dump: CopyPiece; sealed: SealedContent }> {
	const dump: CopyPiece = { name: 'database dump', bytes: Buffer.from(await dumpDatabaseText(url)) }
	const client = new pg.Client({ connectionString: url })
	await client.connect()
	try {
		const query = async <T extends pg.QueryResultRow>(sql: string) =>
			(await client.query<T>(sql)).rows
		type CaseRow = { id: string; reference: string } & Record<string, Buffer | null>
		const caseColumns = [
			'narrative',
			'place',
			'otherAnswers',
			'contact',
			'interpreterLanguage',
			'dueReason',
			'complaintOffence',
		]
		const caseRows = await query<CaseRow>(
			`SELECT id, reference, ${caseColumns.map((c) => `"${c}"`).join(', ')} FROM "Case"`,
		)
		const messages = await query<{ id: string; caseId: string; body: Buffer }>(
			'SELECT id, "caseId", body FROM "Message"',
		)
		const notes = await query<{ id: string; caseId: string; body: Buffer }>(
			'SELECT id, "caseId", body FROM "Note"',
		)
		const attachments = await query<{ id: string; caseId: string; name: Buffer; content: Buffer }>(
			'SELECT id, "caseId", name, content FROM "Attachment"',
		)
		const cases = caseRows.map((row) => ({
			id: row.id,
			reference: row.reference,
			fields: [
				...caseColumns.flatMap((column) =>
					row[column] ? [{ field: column as CaseField, value: row[column] }] : [],
				),
				...messages
					.filter((m) => m.caseId === row.id)
					.map((m) => ({ field: `message:${m.id}` as const, value: m.body })),
				...notes
					.filter((n) => n.caseId === row.id)
					.map((n) => ({ field: `note:${n.id}` as const, value: n.body })),
				...attachments
					.filter((a) => a.caseId === row.id)
					.flatMap((a) => [
						{ field: `attachment:${a.id}` as const, value: a.content },
						{ field: `attachmentName:${a.id}` as const, value: a.name },
					]),
			],
		}))
		const grants = await query<{
			caseId: string
			holder: string
			holderKey: string
			sealedKey: Buffer
		}>(
			`SELECT "caseId", holder, holder || ':' || coalesce("staffUserId", '') AS "holderKey", "sealedKey"
			 FROM "CaseKeyGrant"`,
		)
		const staff = await query<{
			email: string
			wrappedPrivateKey: Buffer
			totpSecret: Buffer | null
		}>('SELECT email, "wrappedPrivateKey", "totpSecret" FROM "StaffUser"')
		const staffSessions = await query<{ id: string; encryptedPrivateKey: Buffer }>(
			'SELECT id, "encryptedPrivateKey" FROM "StaffSession"',
		)
		const reporterSessions = await query<{ id: string; caseId: string; encryptedCaseKey: Buffer }>(
			'SELECT id, "caseId", "encryptedCaseKey" FROM "ReporterSession"',
		)
		// The associated data each module binds its values to (security-model.md, Algorithms).
		const envelopes: SealedContent['envelopes'] = [
			...staff.flatMap((user) => [
				{
					label: `wrapped private key of ${user.email}`,
					associatedData: 'staff-private-key',
					value: user.wrappedPrivateKey,
					yields: 'private-key' as const,
				},
				...(user.totpSecret
					? [
							{
								label: `TOTP secret of ${user.email}`,
								associatedData: 'totp-secret',
								value: user.totpSecret,
								yields: 'secret' as const,
							},
						]
					: []),
			]),
			...staffSessions.map((session) => ({
				label: `staff session ${session.id}`,
				associatedData: `staff-session:${session.id}`,
				value: session.encryptedPrivateKey,
				yields: 'private-key' as const,
			})),
			...reporterSessions.map((session) => ({
				label: `reporter session ${session.id}`,
				associatedData: `reporter-session:${session.id}`,
				value: session.encryptedCaseKey,
				yields: 'case-key' as const,
				caseId: session.caseId,
			})),
		]

		const binaryColumns = await query<{ table: string; column: string }>(
			`SELECT table_name AS table, column_name AS column FROM information_schema.columns
			 WHERE table_schema = 'public' AND data_type = 'bytea'`,
		)
		const binaryValues: Buffer[] = []
		for (const { table, column } of binaryColumns) {
			const rows = await query<{ value: Buffer | null }>(
				`SELECT "${column}" AS value FROM "${table}"`,
			)
			for (const { value } of rows) if (value) binaryValues.push(value)
		}
		return { dump, sealed: { cases, grants, envelopes, binaryValues } }
	} finally {
		await client.end()
	}
}

/** A secret, a typed text or an address, and each form it could take in the copy. */
export type Needle = { label: string; forms: Array<string | Buffer> }

/** Which needles occur in which pieces, as "<label> in <piece>". */
export function findInCopy(pieces: CopyPiece[], needles: Needle[]): string[] {
	const found: string[] = []
	for (const piece of pieces) {
		for (const needle of needles) {
			if (needle.forms.some((form) => piece.bytes.includes(form))) {
				found.push(`${needle.label} in ${piece.name}`)
			}
		}
	}
	return found
}

/**
 * Values up to this length are searched for a key at every offset (a key
 * stored with its public half, or beside a salt); longer ones are
 * ciphertext or file content.
 */
const LONGEST_KEY_CONTAINER = 64

const UUID = /[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}/gi
const HEX = /[0-9a-fA-F]{64,}/g

function addWindowsOf(bytes: Buffer, keys: Map<string, Buffer>) {
	if (bytes.length < 32 || bytes.length > LONGEST_KEY_CONTAINER) return
	for (let start = 0; start + 32 <= bytes.length; start++) {
		const key = Buffer.from(bytes.subarray(start, start + 32))
		keys.set(key.toString('hex'), key)
	}
}

/**
 * The app's key derivations from a configured secret (server-key.server.ts
 * derives the TOTP key from SESSION_SECRET), and the plain hash a careless
 * change might use.
 */
function keysDerivedFrom(secret: string): Buffer[] {
	return [
		createHash('sha256').update(secret).digest(),
		Buffer.from(hkdfSync('sha256', secret, 'anlaufstelle', 'server-key:totp-secret', 32)),
	]
}

export type KeyMaterial = {
	/** 32-byte values, each tried as an AES-256-GCM key and as an X25519 private key. */
	keys: Map<string, Buffer>
	/** Strings of the follow-up code's shape, each tried as a reporter's code. */
	codes: Set<string>
}

/**
 * Whatever in the copy could be a key: every binary value of the database;
 * in the text of every piece, each token in the encodings the app and its
 * logs use: hex, base64 and base64url (at every alignment), Crockford's
 * Base32 (the recovery sheet's 52 characters, a follow-up code's 20, with or
 * without hyphens, in any case); and the keys derived from every token of
 * the configuration (environment, output, secrets file).
 */
export function keyMaterialIn({
	pieces,
	configuration,
	binaryValues,
}: {
	pieces: CopyPiece[]
	configuration: CopyPiece[]
	binaryValues: Buffer[]
}): KeyMaterial {
	const keys = new Map<string, Buffer>()
	const codes = new Set<string>()
	for (const value of binaryValues) addWindowsOf(value, keys)
	for (const { bytes } of pieces) {
		// Row ids (UUIDs) are 16 bytes and never a key; hex is read as hex only.
		let text = bytes.toString('latin1').replace(UUID, ' ')
		for (const [hex] of text.matchAll(HEX)) addWindowsOf(Buffer.from(hex, 'hex'), keys)
		text = text.replace(HEX, ' ')
		for (const [run] of text.matchAll(/[A-Za-z0-9+/_-]{43,}/g)) {
			// Words and identifiers (the catalog's pg_stat_get_…): no 32 random bytes read so.
			if (/^[A-Za-z_]+$/.test(run)) continue
			for (let shift = 0; shift < 4; shift++) {
				addWindowsOf(Buffer.from(run.slice(shift), 'base64'), keys)
			}
		}
		for (const [run] of text.matchAll(/[0-9A-Za-z](?:-?[0-9A-Za-z]){19,}/g)) {
			const normalized = normalizeBase32(run)
			const code = normalized && normalizeFollowUpCode(normalized)
			if (code) codes.add(code)
			const key = normalized && decodeBase32(normalized, 32)
			if (key) keys.set(key.toString('hex'), key)
		}
	}
	for (const { bytes } of configuration) {
		for (const [secret] of bytes.toString('latin1').matchAll(/[A-Za-z0-9+/=_.-]{16,}/g)) {
			for (const key of keysDerivedFrom(secret)) keys.set(key.toString('hex'), key)
		}
	}
	return { keys, codes }
}

export type Attempt = {
	/** References of the cases some of whose content opened. */
	casesOpened: string[]
	/** Everything else that opened: a private key, a session, a TOTP secret. */
	alsoOpened: string[]
	keysTried: number
	codesTried: number
}

/**
 * Tries all key material on everything sealed, following every opening to
 * its end: a key that opens a session or a wrapped private key yields a
 * private key, which is tried on the grants; a grant or a reporter session
 * yields a case key, which is tried on its case.
 *
 * One grant per holder is tried first (the holder's grants are all sealed
 * to one key: nobody's key was reset or rotated in the copy); a key that
 * opens it is tried on every grant.
 */
export function tryToOpenCases(material: KeyMaterial, sealed: SealedContent): Attempt {
	const casesOpened = new Set<string>()
	const alsoOpened = new Set<string>()
	const tried = new Set<string>()
	const holders = new Map<string, Buffer>()
	for (const grant of sealed.grants) {
		const holder = grant.holder === 'REPORTER' ? `REPORTER:${grant.caseId}` : grant.holderKey
		if (!holders.has(holder)) holders.set(holder, grant.sealedKey)
	}

	const openCase = (caseId: string, key: Buffer) => {
		const item = sealed.cases.find((candidate) => candidate.id === caseId)
		const opens = item?.fields.some(({ field, value }) => {
			try {
				decryptCaseField(key, item.id, field, value)
				return true
			} catch {
				return false
			}
		})
		if (opens) casesOpened.add(item!.reference)
	}
	const asPrivateKey = (keyPair: KeyPair) => {
		const opensAHolder = [...holders.values()].some((sealedKey) => openSealed(sealedKey, keyPair))
		if (!opensAHolder) return
		for (const grant of sealed.grants) {
			const caseKey = openSealed(grant.sealedKey, keyPair)
			if (caseKey) openCase(grant.caseId, caseKey)
		}
	}
	const queue = [...material.keys.values()]
	const tryKey = (key: Buffer) => {
		if (tried.has(key.toString('hex'))) return
		tried.add(key.toString('hex'))
		// As a case key: each case's first field (one key opens all of a case's fields).
		for (const item of sealed.cases) {
			const [first] = item.fields
			if (!first) continue
			try {
				decryptCaseField(key, item.id, first.field, first.value)
			} catch {
				continue
			}
			openCase(item.id, key)
		}
		for (const envelope of sealed.envelopes) {
			let opened: Buffer
			try {
				opened = decrypt(key, envelope.associatedData, envelope.value)
			} catch {
				continue
			}
			alsoOpened.add(envelope.label)
			if (envelope.yields === 'private-key') queue.push(opened)
			if (envelope.yields === 'case-key') openCase(envelope.caseId!, opened)
		}
		asPrivateKey({ privateKey: key, publicKey: publicKeyOf(key) })
	}
	for (let key = queue.pop(); key; key = queue.pop()) tryKey(key)
	for (const code of material.codes) asPrivateKey(reporterKeyPair(code))

	return {
		casesOpened: [...casesOpened].sort(),
		alsoOpened: [...alsoOpened].sort(),
		keysTried: tried.size,
		codesTried: material.codes.size,
	}
}
